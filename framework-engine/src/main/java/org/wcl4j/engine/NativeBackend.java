package org.wcl4j.engine;

import java.util.Locale;

/**
 * Chooses ND4J's native CPU build and switches on Deeplearning4j's oneDNN layer helpers.
 *
 * <p>Deeplearning4j 1.0.0-M2.1 runs a convolution as im2col plus a matrix product unless its oneDNN
 * helpers take over, and they only do when two things hold: ND4J loaded a native build with oneDNN
 * (the {@code linux-x86_64-onednn} classifier, chosen by JavaCPP's system property {@value
 * #EXTENSION_PROPERTY} {@code = -onednn}), and the system property {@value #HELPERS_PROPERTY} is
 * {@code false} (Deeplearning4j's default is {@code true}). With both, convolution, BatchNorm and
 * pooling run in oneDNN, several times faster on a CPU; the engine's tests check that the gradients
 * stay those of the built-in layers.
 *
 * <p>A property already set (on the command line, for example) is left alone, so either can be
 * switched off with {@code -D...}. The native build must be chosen before ND4J first loads, so
 * {@link #configure()} belongs at the very start of a program; the helper switch is read whenever a
 * layer is made, and {@link ContrastiveNetwork#build} sets it too.
 */
public final class NativeBackend {

    /** JavaCPP's choice of native build variant, e.g. {@code -onednn}. */
    public static final String EXTENSION_PROPERTY = "org.bytedeco.javacpp.platform.extension";

    /** Deeplearning4j's switch for its layer helpers; {@code false} lets them run. */
    public static final String HELPERS_PROPERTY = "org.eclipse.deeplearning4j.helpers.disable";

    /** The native build variant with oneDNN. */
    static final String ONEDNN_EXTENSION = "-onednn";

    private static final String ONEDNN_LIBRARY =
            "org/nd4j/linalg/cpu/nativecpu/bindings/linux-x86_64"
                    + ONEDNN_EXTENSION
                    + "/libjnind4jcpu.so";

    private NativeBackend() {}

    /**
     * Selects the oneDNN build when it is on the class path and this is x86-64 Linux, and allows
     * Deeplearning4j's helpers; both only where no property says otherwise. Call before anything
     * touches ND4J.
     */
    public static void configure() {
        if (System.getProperty(EXTENSION_PROPERTY) == null && oneDnnAvailable()) {
            System.setProperty(EXTENSION_PROPERTY, ONEDNN_EXTENSION);
        }
        allowHelpers();
    }

    /** Lets Deeplearning4j's layer helpers run unless a property already decides. */
    static void allowHelpers() {
        if (System.getProperty(HELPERS_PROPERTY) == null) {
            System.setProperty(HELPERS_PROPERTY, "false");
        }
    }

    /** What runs the layers, for provenance: the native build variant and the helper switch. */
    public static String description() {
        String extension = System.getProperty(EXTENSION_PROPERTY, "");
        boolean helpers = "false".equalsIgnoreCase(System.getProperty(HELPERS_PROPERTY, "true"));
        return String.format(
                Locale.ROOT,
                "native build %s, Deeplearning4j layer helpers %s",
                extension.isEmpty() ? "default" : extension.substring(1),
                helpers ? "on" : "off");
    }

    private static boolean oneDnnAvailable() {
        boolean linux =
                System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
        String arch = System.getProperty("os.arch", "");
        boolean x86 = arch.equals("amd64") || arch.equals("x86_64");
        return linux
                && x86
                && NativeBackend.class.getClassLoader().getResource(ONEDNN_LIBRARY) != null;
    }
}
