package org.nd4j.nativeblas;

import java.lang.reflect.Method;

/**
 * Lets Deeplearning4j 1.0.0-M2.1 find out whether ND4J's CPU backend runs oneDNN.
 *
 * <p>Deeplearning4j's oneDNN layer helpers (convolution, BatchNorm, pooling) ask the class {@code
 * org.nd4j.nativeblas.Nd4jCpu$Environment} whether oneDNN is in use before they take over a layer's
 * work. ND4J 1.0.0-M2.1 moved that class to {@code
 * org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu$Environment} and renamed the query to {@code
 * isUseONEDNN()}, so the helpers never switch on and every convolution runs as im2col plus a matrix
 * product in Java. This class answers the old question with the new backend's answer; on a backend
 * without that class (CUDA) it answers {@code false}.
 */
public final class Nd4jCpu {

    private Nd4jCpu() {}

    /** The query Deeplearning4j's helpers make, forwarded to the CPU backend. */
    public static final class Environment {

        private static final Environment INSTANCE = new Environment();
        private static final String BACKEND_ENVIRONMENT =
                "org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu$Environment";

        private Environment() {}

        /** The one instance, as the backend's own environment class offers. */
        public static Environment getInstance() {
            return INSTANCE;
        }

        /** Whether the loaded ND4J CPU backend was built with oneDNN and uses it. */
        public boolean isUseMKLDNN() {
            try {
                Class<?> environment = Class.forName(BACKEND_ENVIRONMENT);
                Object instance = environment.getMethod("getInstance").invoke(null);
                Method query = environment.getMethod("isUseONEDNN");
                return (Boolean) query.invoke(instance);
            } catch (ReflectiveOperationException | LinkageError e) {
                return false;
            }
        }
    }
}
