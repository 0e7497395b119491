package org.wcl4j.labellers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.wcl4j.api.label.LabelContext;
import org.wcl4j.api.label.WeakLabeller;
import org.wcl4j.api.label.WeakLabellerProvider;
import org.wcl4j.api.label.WeakLabels;
import org.wcl4j.api.plugin.Settings;

/**
 * What every weak labeller of this module promises, checked for each provider the {@link
 * ServiceLoader} finds, built with its default settings. The context always carries true labels and
 * two support views, so that every labeller can run.
 */
class WeakLabellerContractTest {

    private static final int N = 12;
    private static final int DIM = 6;

    static Stream<WeakLabellerProvider<?>> providers() {
        return ServiceLoader.load(WeakLabellerProvider.class).stream()
                .map(provider -> (WeakLabellerProvider<?>) provider.get());
    }

    @Test
    void findsEveryLabellerOfTheModule() {
        assertThat(providers().map(WeakLabellerProvider::name))
                .containsExactlyInAnyOrder(
                        "nearest-neighbour", "top-k", "support-set", "true-labels");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    void hasValidDefaultsAndAOneLineDescription(WeakLabellerProvider<?> provider) {
        assertThat(provider.defaults().problems()).isEmpty();
        assertThat(provider.description()).isNotBlank().doesNotContain("\n");
        assertThat(provider.name()).matches("[a-z0-9]+(-[a-z0-9]+)*");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    void labelsEveryMemberAndNeverItself(WeakLabellerProvider<?> provider) {
        INDArray embeddings = random(1, N);

        WeakLabels labels = create(provider).label(embeddings, context(N, 2));

        assertThat(labels.size()).isEqualTo(N);
        for (int i = 0; i < N; i++) {
            assertThat(labels.isPositive(i, i)).as("member %d", i).isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    void givesTheSameLabelsForTheSameInputAndLeavesItUnchanged(WeakLabellerProvider<?> provider) {
        INDArray embeddings = random(2, N);
        INDArray before = embeddings.dup();
        LabelContext context = context(N, 3);

        WeakLabels first = create(provider).label(embeddings, context);
        WeakLabels second = create(provider).label(embeddings.dup(), context(N, 3));

        assertThat(second.positiveMask()).isDeepEqualTo(first.positiveMask());
        assertThat(embeddings).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    void labelsABatchWithDuplicateRows(WeakLabellerProvider<?> provider) {
        // Rows 0, 3 and 7 are the same embedding, and so are rows 1 and 5.
        INDArray embeddings = random(4, N);
        embeddings.putRow(3, embeddings.getRow(0));
        embeddings.putRow(7, embeddings.getRow(0));
        embeddings.putRow(5, embeddings.getRow(1));

        WeakLabels labels = create(provider).label(embeddings, context(N, 5));

        assertThat(labels.size()).isEqualTo(N);
        for (int i = 0; i < N; i++) {
            assertThat(labels.isPositive(i, i)).isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    void rejectsABatchOfOneSayingSo(WeakLabellerProvider<?> provider) {
        WeakLabeller labeller = create(provider);

        assertThatThrownBy(() -> labeller.label(random(6, 1), context(1, 7)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(provider.name())
                .hasMessageContaining("batch of at least 2")
                .hasMessageContaining("found 1");
    }

    private static WeakLabeller create(WeakLabellerProvider<?> provider) {
        return createWithDefaults(provider);
    }

    private static <S extends Settings> WeakLabeller createWithDefaults(
            WeakLabellerProvider<S> provider) {
        return provider.create(provider.defaults());
    }

    /** True classes 0, 1, 2, 0, 1, 2, ... and two random support views. */
    private static LabelContext context(int n, long seed) {
        int[] classes = new int[n];
        int[] indices = new int[n];
        for (int i = 0; i < n; i++) {
            classes[i] = i % 3;
            indices[i] = 100 + i;
        }
        return new LabelContext(indices, classes, 0, List.of(random(seed, n), random(seed + 1, n)));
    }

    private static INDArray random(long seed, int n) {
        Nd4j.getRandom().setSeed(seed);
        return Nd4j.randn(DataType.FLOAT, n, DIM);
    }
}
