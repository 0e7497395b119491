package org.wcl4j.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wcl4j.losses.GradientChecks.assertRelativelyClose;
import static org.wcl4j.losses.GradientChecks.flat;
import static org.wcl4j.losses.GradientChecks.gaussian;
import static org.wcl4j.losses.GradientChecks.numericGradient;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.wcl4j.api.label.WeakLabels;
import org.wcl4j.api.loss.Loss;
import org.wcl4j.api.loss.LossInput;
import org.wcl4j.api.loss.LossProvider;
import org.wcl4j.api.loss.LossResult;
import org.wcl4j.api.plugin.Settings;

/**
 * What every loss of this module promises, checked for each provider the {@link ServiceLoader}
 * finds, built with its default settings. Every input has two global views, two local crops and
 * (not reciprocal) weak labels for both global views, so that every loss can run.
 */
class LossContractTest {

    static Stream<LossProvider<?>> providers() {
        return ServiceLoader.load(LossProvider.class).stream()
                .map(provider -> (LossProvider<?>) provider.get());
    }

    @Test
    void findsEveryLossOfTheModule() {
        assertThat(providers().map(LossProvider::name))
                .containsExactlyInAnyOrder(
                        "nt-xent",
                        "wcl-graph",
                        "nt-xent-multi-crop",
                        "wcl-graph-multi-crop",
                        "adpclr",
                        "fncancel");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    void hasValidDefaultsAndAOneLineDescription(LossProvider<?> provider) {
        assertThat(provider.defaults().problems()).isEmpty();
        assertThat(provider.description()).isNotBlank().doesNotContain("\n");
        assertThat(provider.name()).matches("[a-z0-9]+(-[a-z0-9]+)*");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    void givesAFiniteValueAndFiniteGradientsShapedLikeTheInputs(LossProvider<?> provider) {
        LossInput input = input(new Random(7), 6, 5, DataType.FLOAT);

        LossResult result = create(provider).compute(input);

        assertThat(result.value()).isFinite();
        assertShapedLike(result.globalGradients(), input.globalViews());
        assertShapedLike(result.localGradients(), input.localViews());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    void givesTheSameResultForTheSameInput(LossProvider<?> provider) {
        LossInput input = input(new Random(8), 6, 5, DataType.FLOAT);
        Loss loss = create(provider);

        LossResult first = loss.compute(input);
        LossResult second = create(provider).compute(input);

        assertThat(second.value()).isEqualTo(first.value());
        for (int v = 0; v < 2; v++) {
            assertThat(flat(second.globalGradients().get(v)))
                    .containsExactly(flat(first.globalGradients().get(v)));
        }
        for (int m = 0; m < first.localGradients().size(); m++) {
            assertThat(flat(second.localGradients().get(m)))
                    .containsExactly(flat(first.localGradients().get(m)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    void rejectsABatchOfOneSayingSo(LossProvider<?> provider) {
        LossInput input = input(new Random(9), 1, 5, DataType.FLOAT);

        assertThatThrownBy(() -> create(provider).compute(input))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(provider.name())
                .hasMessageContaining("batch of at least 2")
                .hasMessageContaining("found 1");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    void gradientMatchesFiniteDifferencesInDouble(LossProvider<?> provider) {
        LossInput input = input(new Random(10), 3, 3, DataType.DOUBLE);
        Loss loss = create(provider);

        LossResult result = loss.compute(input);

        List<INDArray> arrays = new ArrayList<>(input.globalViews());
        arrays.addAll(input.localViews());
        List<INDArray> gradients = new ArrayList<>(result.globalGradients());
        gradients.addAll(result.localGradients());
        for (int a = 0; a < arrays.size(); a++) {
            int replaced = a;
            double[][] numeric =
                    numericGradient(
                            p -> loss.compute(replacing(input, replaced, p)).value(),
                            arrays.get(a),
                            1e-6);
            assertRelativelyClose(gradients.get(a), numeric, 1e-6);
        }
    }

    private static Loss create(LossProvider<?> provider) {
        return createWithDefaults(provider);
    }

    private static <S extends Settings> Loss createWithDefaults(LossProvider<S> provider) {
        return provider.create(provider.defaults());
    }

    /**
     * Two global views and two local crops of {@code n} images, and labels in which each image's
     * positive is the next image (so 0 -> 1 but not 1 -> 0 when n > 2).
     */
    private static LossInput input(Random random, int n, int dim, DataType type) {
        List<INDArray> global =
                List.of(gaussian(random, n, dim, 1.0, type), gaussian(random, n, dim, 1.0, type));
        List<INDArray> local =
                List.of(gaussian(random, n, dim, 1.0, type), gaussian(random, n, dim, 1.0, type));
        int[][] next = new int[n][];
        int[][] previous = new int[n][];
        for (int i = 0; i < n; i++) {
            next[i] = n > 1 ? new int[] {(i + 1) % n} : new int[0];
            previous[i] = n > 1 ? new int[] {(i + n - 1) % n} : new int[0];
        }
        List<WeakLabels> labels =
                List.of(DirectedTestLabels.of(next), DirectedTestLabels.of(previous));
        return new LossInput(global, local, labels);
    }

    /** {@code input} with array {@code index} (global views first, then local crops) replaced. */
    private static LossInput replacing(LossInput input, int index, INDArray array) {
        List<INDArray> global = new ArrayList<>(input.globalViews());
        List<INDArray> local = new ArrayList<>(input.localViews());
        if (index < global.size()) {
            global.set(index, array);
        } else {
            local.set(index - global.size(), array);
        }
        return new LossInput(global, local, input.weakLabels());
    }

    private static void assertShapedLike(List<INDArray> gradients, List<INDArray> inputs) {
        assertThat(gradients).hasSameSizeAs(inputs);
        for (int a = 0; a < inputs.size(); a++) {
            INDArray gradient = gradients.get(a);
            assertThat(gradient.shape()).isEqualTo(inputs.get(a).shape());
            assertThat(gradient.dataType()).isEqualTo(inputs.get(a).dataType());
            for (double value : flat(gradient)) {
                assertThat(value).isFinite();
            }
        }
    }
}
