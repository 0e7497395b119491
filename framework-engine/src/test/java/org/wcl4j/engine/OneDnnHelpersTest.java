package org.wcl4j.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.wcl4j.api.augment.ViewBatch;
import org.wcl4j.api.data.ImageShape;
import org.wcl4j.api.label.LabelContext;
import org.wcl4j.api.model.Head;

/**
 * The oneDNN path must train exactly as Deeplearning4j's built-in layers do.
 *
 * <p>The finite-difference check ({@link ExternalErrorGradientTest}) runs in double precision,
 * where Deeplearning4j's oneDNN helpers step aside, so it covers the built-in layers. Here the same
 * float32 network (strided and 1x1 convolutions, BatchNorm in the encoder and in the heads,
 * residual additions, global pooling) is built twice from one seed, once with the helpers off and
 * once with them on, and the two must agree: the gradient of one step, and the parameters
 * (BatchNorm running statistics included) after three updates. The reference is therefore the
 * built-in im2col path, checked against finite differences, and the tolerance is float32 rounding.
 */
class OneDnnHelpersTest {

    private static final ImageShape SHAPE = new ImageShape(1, 12, 12);
    private static final int N = 8;

    @Test
    void oneDnnLayersGiveTheGradientsAndUpdatesOfTheBuiltInLayers() {
        ContrastiveNetwork builtIn = withHelpers(false, OneDnnHelpersTest::network);
        ContrastiveNetwork oneDnn = withHelpers(true, OneDnnHelpersTest::network);

        // the test means something only if oneDNN really took over the convolutions
        assertThat(builtIn.helperLayers()).isEmpty();
        assertThat(oneDnn.helperLayers())
                .as("layers run by oneDNN (is the -onednn native build loaded?)")
                .anyMatch(name -> name.endsWith("/conv"))
                .anyMatch(name -> name.endsWith("/bn"));
        assertThat(Fixtures.parameters(oneDnn)).containsExactly(Fixtures.parameters(builtIn));

        // one backward pass: the same gradient up to float32 rounding
        ViewBatch views = views();
        LabelContext context = Fixtures.context(N);
        TrainingStep builtInStep = step(builtIn);
        TrainingStep oneDnnStep = step(oneDnn);
        double builtInLoss = builtInStep.backpropagate(views, context, 0, 0.05).loss();
        double[] builtInGradient = gradient(builtIn);
        double oneDnnLoss = oneDnnStep.backpropagate(views, context, 0, 0.05).loss();
        double[] oneDnnGradient = gradient(oneDnn);
        assertThat(oneDnnLoss).isCloseTo(builtInLoss, org.assertj.core.data.Offset.offset(1e-5));
        assertClose(oneDnnGradient, builtInGradient, 2e-4, "gradient");

        // three updates: the same parameters and BatchNorm running statistics
        for (int t = 0; t < 3; t++) {
            builtInStep.run(views, context, t);
            oneDnnStep.run(views, context, t);
        }
        assertClose(Fixtures.parameters(oneDnn), Fixtures.parameters(builtIn), 2e-4, "parameters");
    }

    /** Compares element by element, relative to the largest magnitude of the reference. */
    private static void assertClose(
            double[] actual, double[] expected, double relative, String what) {
        assertThat(actual).hasSameSizeAs(expected);
        double scale = 0;
        for (double value : expected) {
            scale = Math.max(scale, Math.abs(value));
        }
        double worst = 0;
        int worstIndex = -1;
        for (int i = 0; i < expected.length; i++) {
            double error = Math.abs(actual[i] - expected[i]);
            if (error > worst) {
                worst = error;
                worstIndex = i;
            }
        }
        System.out.printf(
                "oneDNN vs built-in %s: %d values, largest difference %.3e (scale %.3e)%n",
                what, expected.length, worst, scale);
        assertThat(worst)
                .as(
                        "%s %d: oneDNN %s, built-in %s",
                        what,
                        worstIndex,
                        worstIndex < 0 ? 0 : actual[worstIndex],
                        worstIndex < 0 ? 0 : expected[worstIndex])
                .isLessThanOrEqualTo(relative * scale);
    }

    private static ContrastiveNetwork network() {
        Map<String, Head> heads = new LinkedHashMap<>();
        heads.put("a", new BenchmarkMlp(16, 3));
        heads.put("b", new BenchmarkMlp(16, 2));
        return ContrastiveNetwork.build(
                new BenchmarkResNet(8, 12, 16),
                heads,
                SHAPE,
                Fixtures.optimizer(0.05),
                5,
                DataType.FLOAT);
    }

    private static TrainingStep step(ContrastiveNetwork network) {
        return new TrainingStep(
                network, Fixtures.losses(N), Optional.empty(), Fixtures.optimizer(0.05));
    }

    private static double[] gradient(ContrastiveNetwork network) {
        return network.graph()
                .getGradientsViewArray()
                .dup()
                .castTo(DataType.DOUBLE)
                .data()
                .asDouble();
    }

    private static ViewBatch views() {
        return Fixtures.views(N, 9, SHAPE);
    }

    private static <T> T withHelpers(boolean on, Supplier<T> build) {
        String previous = System.getProperty(NativeBackend.HELPERS_PROPERTY);
        System.setProperty(NativeBackend.HELPERS_PROPERTY, Boolean.toString(!on));
        try {
            return build.get();
        } finally {
            if (previous == null) {
                System.clearProperty(NativeBackend.HELPERS_PROPERTY);
            } else {
                System.setProperty(NativeBackend.HELPERS_PROPERTY, previous);
            }
        }
    }
}
