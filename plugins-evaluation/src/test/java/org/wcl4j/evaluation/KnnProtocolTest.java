package org.wcl4j.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.wcl4j.api.eval.EvaluationProtocolProvider;
import org.wcl4j.api.eval.EvaluationResult;
import org.wcl4j.evaluation.FakeData.FixedFeatures;
import org.wcl4j.evaluation.FakeData.LabelOnlySplit;
import org.wcl4j.evaluation.FakeData.TwoSplits;

/** Small banks in the plane whose votes were summed by hand. */
class KnnProtocolTest {

    private static final double EPS = 1e-9;

    @Test
    void matchesAHandComputedPlanarCase() {
        // Bank (not normalised): b0 = (2, 0) class 0, b1 = (0, 0.5) class 1, b2 = (3, 4) class 1,
        // b3 = (-1, 0) class 2. k = 3, temperature 0.5, weights e^(2s).
        // q1 (1, 0), class 0: sims 1, 0, 0.6, -1 -> w0 = e^2 = 7.39, w1 = e^1.2 + 1 = 4.32. Top-1.
        // q2 (4, 3), class 0: sims .8, .6, .96 -> w1 = e^1.92 + e^1.2 = 10.14 > w0 = e^1.6. Rank 2.
        // q3 (-0.6, 0.8), class 2: sims b1 .8, b3 .6, b2 .28 -> w1 = 6.70 > w2 = 3.32. Rank 2.
        // q4 (0, -1), class 2: sims b0 0, b3 0, b2 -.8 -> w0 = w2 = 1, tie to class 0. Rank 2.
        // q5 (1, 0), class 3: votes only for classes 0 and 1, so not even top-5.
        LabelOnlySplit train = new LabelOnlySplit(new int[] {0, 1, 1, 2}, 4);
        LabelOnlySplit test = new LabelOnlySplit(new int[] {0, 0, 2, 2, 3}, 4);
        INDArray bank = Nd4j.create(new double[][] {{2, 0}, {0, 0.5}, {3, 4}, {-1, 0}});
        INDArray queries =
                Nd4j.create(new double[][] {{1, 0}, {4, 3}, {-0.6, 0.8}, {0, -1}, {1, 0}});

        EvaluationResult result = evaluate(new KnnSettings(3, 0.5, 2), train, test, bank, queries);

        assertThat(result.protocol()).isEqualTo("knn");
        assertThat(result.metrics().keySet()).containsExactly("top1", "top5");
        assertThat(result.metrics().get("top1")).isCloseTo(20.0, within(EPS));
        assertThat(result.metrics().get("top5")).isCloseTo(80.0, within(EPS));
    }

    @Test
    void letsOneCloseNeighbourOutvoteSeveralFarOnes() {
        // Query (1, 0) of class 0: one class-0 neighbour at similarity 1, three class-1 neighbours
        // at 0.5. Temperature 0.1: e^10 = 22026 against 3 e^5 = 445, class 0 wins although
        // outnumbered. Temperature 10: e^0.1 = 1.11 against 3 e^0.05 = 3.15, the majority wins.
        double h = Math.sqrt(3) / 2;
        LabelOnlySplit train = new LabelOnlySplit(new int[] {1, 0, 1, 1}, 2);
        LabelOnlySplit test = new LabelOnlySplit(new int[] {0}, 2);
        INDArray bank = Nd4j.create(new double[][] {{0.5, h}, {1, 0}, {0.5, -h}, {1, 2 * h}});
        INDArray queries = Nd4j.create(new double[][] {{1, 0}});

        Map<String, Double> sharp =
                evaluate(new KnnSettings(4, 0.1, 8), train, test, bank, queries).metrics();
        Map<String, Double> flat =
                evaluate(new KnnSettings(4, 10, 8), train, test, bank, queries).metrics();

        assertThat(sharp.get("top1")).isCloseTo(100.0, within(EPS));
        assertThat(flat.get("top1")).isCloseTo(0.0, within(EPS));
        assertThat(flat.get("top5")).isCloseTo(100.0, within(EPS));
    }

    @Test
    void clipsKToTheBankSize() {
        // b0 = (1, 0) class 0, b1 = (0, 1) and b2 = (0, 2) class 1; temperature 0.1.
        // q (0.8, 0.6), class 1: w0 = e^8 = 2981 > w1 = 2 e^6 = 807 -> rank 2.
        // q (0.6, 0.8), class 1: w0 = e^6 = 403 < w1 = 2 e^8 = 5962 -> top-1.
        // With k = 1 only the nearest row votes: b0 for the first query, which then misses even
        // top-5, and b1 for the second.
        LabelOnlySplit train = new LabelOnlySplit(new int[] {0, 1, 1}, 2);
        LabelOnlySplit test = new LabelOnlySplit(new int[] {1, 1}, 2);
        INDArray bank = Nd4j.create(new double[][] {{1, 0}, {0, 1}, {0, 2}});
        INDArray queries = Nd4j.create(new double[][] {{0.8, 0.6}, {0.6, 0.8}});

        Map<String, Double> all =
                evaluate(new KnnSettings(200, 0.1, 256), train, test, bank, queries).metrics();
        Map<String, Double> one =
                evaluate(new KnnSettings(1, 0.1, 256), train, test, bank, queries).metrics();

        assertThat(all.get("top1")).isCloseTo(50.0, within(EPS));
        assertThat(all.get("top5")).isCloseTo(100.0, within(EPS));
        assertThat(one.get("top1")).isCloseTo(50.0, within(EPS));
        assertThat(one.get("top5")).isCloseTo(50.0, within(EPS));
    }

    @Test
    void countsTopFiveOnlyAmongClassesThatGotVotes() {
        // Seven classes, k = 3: the neighbours of (1, 0) are classes 4 (sim 1), 5 (0.8) and 6
        // (0.6), in that order. Class 6 ranks third (top-5); class 0 is in the bank but gets no
        // vote, so it does not count although only three classes were voted for.
        LabelOnlySplit train = new LabelOnlySplit(new int[] {4, 5, 6, 0, 1}, 7);
        LabelOnlySplit test = new LabelOnlySplit(new int[] {6, 0, 4}, 7);
        INDArray bank =
                Nd4j.create(new double[][] {{1, 0}, {0.8, 0.6}, {0.6, 0.8}, {-1, 0}, {0, -1}});
        INDArray queries = Nd4j.create(new double[][] {{1, 0}, {1, 0}, {1, 0}});

        Map<String, Double> metrics =
                evaluate(new KnnSettings(3, 0.1, 2), train, test, bank, queries).metrics();

        assertThat(metrics.get("top1")).isCloseTo(100.0 / 3, within(EPS));
        assertThat(metrics.get("top5")).isCloseTo(200.0 / 3, within(EPS));
    }

    @Test
    void breaksSimilarityTiesAtTheKthNeighbourByTheLowerIndex() {
        // Rows 0 (class 2) and 1 (class 1) tie at similarity 0 with the query, row 2 (class 0) is
        // at 1. k = 2 keeps rows 2 and 0, so class 2 gets a vote and ranks second; keeping row 1
        // instead would leave class 2 without a vote.
        LabelOnlySplit train = new LabelOnlySplit(new int[] {2, 1, 0}, 3);
        LabelOnlySplit test = new LabelOnlySplit(new int[] {2, 2}, 3);
        INDArray bank = Nd4j.create(new double[][] {{0, 1}, {0, -1}, {1, 0}});
        INDArray queries = Nd4j.create(new double[][] {{1, 0}, {1, 0}});

        Map<String, Double> metrics =
                evaluate(new KnnSettings(2, 0.1, 4), train, test, bank, queries).metrics();

        assertThat(metrics.get("top1")).isCloseTo(0.0, within(EPS));
        assertThat(metrics.get("top5")).isCloseTo(100.0, within(EPS));
    }

    @Test
    void rejectsFeaturesWithTheWrongNumberOfRows() {
        LabelOnlySplit train = new LabelOnlySplit(new int[] {0, 1, 1}, 2);
        LabelOnlySplit test = new LabelOnlySplit(new int[] {1}, 2);

        assertThatThrownBy(
                        () ->
                                evaluate(
                                        KnnSettings.defaults(),
                                        train,
                                        test,
                                        Nd4j.ones(2, 4),
                                        Nd4j.ones(1, 4)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected train features of shape [3, dim]")
                .hasMessageContaining("found [2, 4]");
    }

    @Test
    void rejectsNaNFeatures() {
        LabelOnlySplit train = new LabelOnlySplit(new int[] {0, 1}, 2);
        LabelOnlySplit test = new LabelOnlySplit(new int[] {1, 0}, 2);
        INDArray queries = Nd4j.create(new double[][] {{1, 0}, {Double.NaN, 1}});

        assertThatThrownBy(
                        () -> evaluate(KnnSettings.defaults(), train, test, Nd4j.eye(2), queries))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected finite test features")
                .hasMessageContaining("row 1");
    }

    @Test
    void rejectsAnEmptyTestSplit() {
        LabelOnlySplit train = new LabelOnlySplit(new int[] {0, 1}, 2);
        LabelOnlySplit test = new LabelOnlySplit(new int[0], 2);

        assertThatThrownBy(
                        () ->
                                evaluate(
                                        KnnSettings.defaults(),
                                        train,
                                        test,
                                        Nd4j.eye(2),
                                        Nd4j.zeros(0, 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected a non-empty test split");
    }

    @Test
    void reportsEveryInvalidSetting() {
        assertThat(new KnnSettings(0, -1.0, 0).problems())
                .containsExactly(
                        "k: expected a positive number of neighbours, found 0",
                        "temperature: expected a value in (0, 10], found -1.0",
                        "queryBatch: expected a positive number of rows, found 0");
        assertThat(new KnnSettings(1, Double.NaN, 1).problems()).hasSize(1);
        assertThatThrownBy(() -> new KnnProtocol(new KnnSettings(0, 0.1, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("k: expected a positive number");
    }

    @Test
    void isRegisteredAsKnnWithTheAgreedDefaults() {
        EvaluationProtocolProvider<?> provider =
                ServiceLoader.load(EvaluationProtocolProvider.class).stream()
                        .map(ServiceLoader.Provider::get)
                        .filter(candidate -> candidate.name().equals("knn"))
                        .findFirst()
                        .orElseThrow();

        assertThat(provider).isInstanceOf(KnnProtocolProvider.class);
        KnnProtocolProvider found = (KnnProtocolProvider) provider;
        assertThat(found.defaults()).isEqualTo(new KnnSettings(200, 0.1, 256));
        assertThat(found.defaults().problems()).isEmpty();
        assertThat(found.create(found.defaults())).isInstanceOf(KnnProtocol.class);
    }

    static EvaluationResult evaluate(
            KnnSettings settings,
            LabelOnlySplit train,
            LabelOnlySplit test,
            INDArray bank,
            INDArray queries) {
        FixedFeatures features = new FixedFeatures().with(train, bank).with(test, queries);
        return new KnnProtocol(settings).evaluate(features, new TwoSplits(train, test));
    }
}
