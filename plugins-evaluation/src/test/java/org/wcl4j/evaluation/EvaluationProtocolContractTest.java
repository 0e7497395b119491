package org.wcl4j.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.wcl4j.api.eval.EvaluationProtocol;
import org.wcl4j.api.eval.EvaluationProtocolProvider;
import org.wcl4j.api.eval.EvaluationResult;
import org.wcl4j.evaluation.FakeData.FixedFeatures;
import org.wcl4j.evaluation.FakeData.LabelOnlySplit;
import org.wcl4j.evaluation.FakeData.TwoSplits;

/** What every registered evaluation protocol promises, run with its default settings. */
class EvaluationProtocolContractTest {

    /** Ten well-separated classes, 70 train and 70 test points each: enough for every default. */
    private static final Toy.Data TOY = toy();

    private static Toy.Data toy() {
        double[][] centres = new double[10][10];
        for (int c = 0; c < 10; c++) {
            centres[c][c] = 6;
        }
        return Toy.clusters(centres, 70, 0.5, 12);
    }

    static Stream<EvaluationProtocolProvider<?>> providers() {
        List<EvaluationProtocolProvider<?>> found = new ArrayList<>();
        for (EvaluationProtocolProvider<?> provider :
                ServiceLoader.load(EvaluationProtocolProvider.class)) {
            found.add(provider);
        }
        assertThat(found)
                .extracting(EvaluationProtocolProvider::name)
                .contains("knn", "linear", "semi-supervised", "few-shot", "tsne");
        return found.stream();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static EvaluationProtocol create(EvaluationProtocolProvider provider) {
        assertThat(provider.defaults().problems()).isEmpty();
        return (EvaluationProtocol) provider.create(provider.defaults());
    }

    @ParameterizedTest
    @MethodSource("providers")
    void givesFiniteMetricsUnderItsOwnName(EvaluationProtocolProvider<?> provider) {
        EvaluationResult result = create(provider).evaluate(TOY.features(), TOY.dataset());

        assertThat(provider.name()).matches("[a-z0-9]+(-[a-z0-9]+)*");
        assertThat(result.protocol()).isEqualTo(provider.name());
        assertThat(result.metrics()).isNotEmpty();
        assertThat(result.metrics().values()).allMatch(Double::isFinite);
        result.arrays().forEach((name, array) -> assertThat(name).matches("[A-Za-z0-9_-]+"));
    }

    @ParameterizedTest
    @MethodSource("providers")
    void rejectsFeaturesThatAreNotOneFiniteRowPerImage(EvaluationProtocolProvider<?> provider) {
        EvaluationProtocol protocol = create(provider);
        LabelOnlySplit train = (LabelOnlySplit) TOY.dataset().train();
        LabelOnlySplit test = (LabelOnlySplit) TOY.dataset().test();
        INDArray broken = TOY.features().features(test);
        broken.putScalar(3, 2, Double.NaN);
        FixedFeatures nanInTest =
                new FixedFeatures().with(train, TOY.features().features(train)).with(test, broken);
        FixedFeatures tooFewRows =
                new FixedFeatures().with(train, Nd4j.ones(5, 10)).with(test, Nd4j.ones(5, 10));

        assertThatThrownBy(() -> protocol.evaluate(nanInTest, new TwoSplits(train, test)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("finite");
        assertThatThrownBy(() -> protocol.evaluate(tooFewRows, new TwoSplits(train, test)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("one row per image");
    }
}
