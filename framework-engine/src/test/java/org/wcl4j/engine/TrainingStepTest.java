package org.wcl4j.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.wcl4j.api.augment.ViewBatch;
import org.wcl4j.api.label.ComponentLabels;
import org.wcl4j.api.label.LabelContext;
import org.wcl4j.api.label.WeakLabels;
import org.wcl4j.api.loss.Loss;
import org.wcl4j.api.loss.LossResult;

class TrainingStepTest {

    private static final int N = 4;

    @Test
    void zeroLearningRateLeavesWeightsUnchangedButMovesBatchNormStatistics() {
        ContrastiveNetwork network = Fixtures.network(1, DataType.FLOAT, Fixtures.optimizer(0));
        TrainingStep step = Fixtures.step(network, N, Fixtures.optimizer(0));
        double[] before = Fixtures.parameters(network);
        double[] statistics = Fixtures.statisticsMask(network);

        step.run(Fixtures.views(N, 2), Fixtures.context(N), 0);

        double[] after = Fixtures.parameters(network);
        boolean statisticMoved = false;
        for (int i = 0; i < before.length; i++) {
            if (statistics[i] == 0) {
                assertThat(after[i]).as("parameter %d", i).isEqualTo(before[i]);
            } else {
                statisticMoved |= after[i] != before[i];
            }
        }
        assertThat(statisticMoved).isTrue();
    }

    @Test
    void stepsLowerTheLossOfAFixedBatch() {
        OptimizerSettings optimizer = new OptimizerSettings(0.05, 0.9, 0, false, 0, 1000);
        ContrastiveNetwork network = Fixtures.network(1, DataType.FLOAT, optimizer);
        TrainingStep step = Fixtures.step(network, N, optimizer);
        ViewBatch views = Fixtures.views(N, 2);

        double first = step.run(views, Fixtures.context(N), 0).loss();
        double last = first;
        for (int t = 1; t < 8; t++) {
            last = step.run(views, Fixtures.context(N), t).loss();
        }
        assertThat(last).isLessThan(0.8 * first);
    }

    @Test
    void sameSeedGivesSameParametersAfterThreeSteps() {
        double[] first = parametersAfterThreeSteps(5);
        double[] second = parametersAfterThreeSteps(5);
        double[] otherSeed = parametersAfterThreeSteps(6);

        assertThat(second).isEqualTo(first);
        assertThat(otherSeed).isNotEqualTo(first);
    }

    private static double[] parametersAfterThreeSteps(long seed) {
        OptimizerSettings optimizer = Fixtures.optimizer(0.1);
        ContrastiveNetwork network = Fixtures.network(seed, DataType.FLOAT, optimizer);
        TrainingStep step = Fixtures.step(network, N, optimizer);
        for (int t = 0; t < 3; t++) {
            step.run(Fixtures.views(N, 100 + t), Fixtures.context(N), t);
        }
        return Fixtures.parameters(network);
    }

    @Test
    void nanLossStopsTheStepBeforeTouchingParameters() {
        ContrastiveNetwork network = Fixtures.network(1, DataType.FLOAT, Fixtures.optimizer(0.1));
        Loss broken = input -> new LossResult(Double.NaN, List.of(), List.of());
        TrainingStep step =
                new TrainingStep(
                        network,
                        List.of(new LossTerm("broken", "a", 1.0, broken)),
                        Optional.empty(),
                        Fixtures.optimizer(0.1));
        double[] before = Fixtures.parameters(network);

        assertThatThrownBy(() -> step.run(Fixtures.views(N, 2), Fixtures.context(N), 17))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("loss term 'broken'")
                .hasMessageContaining("NaN")
                .hasMessageContaining("step 17")
                .hasMessageContaining("lower the learning rate");

        assertThat(Fixtures.parameters(network)).isEqualTo(before);
        assertThat(network.optimiser().velocity().sumNumber().doubleValue()).isZero();
    }

    @Test
    void infiniteGradientStopsTheStep() {
        ContrastiveNetwork network = Fixtures.network(1, DataType.FLOAT, Fixtures.optimizer(0.1));
        Loss broken =
                input -> {
                    List<INDArray> gradients =
                            input.globalViews().stream()
                                    .map(view -> view.mul(0).addi(Double.POSITIVE_INFINITY))
                                    .toList();
                    return new LossResult(1.0, gradients, List.of());
                };
        TrainingStep step =
                new TrainingStep(
                        network,
                        List.of(new LossTerm("inf", "b", 1.0, broken)),
                        Optional.empty(),
                        Fixtures.optimizer(0.1));
        double[] before = Fixtures.parameters(network);

        assertThatThrownBy(() -> step.run(Fixtures.views(N, 2), Fixtures.context(N), 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("loss term 'inf' gradient of view 0")
                .hasMessageContaining("step 3");
        assertThat(Fixtures.parameters(network)).isEqualTo(before);
    }

    @Test
    void reportsLossesWeakLabelStatisticsAndFeatures() {
        ContrastiveNetwork network = Fixtures.network(1, DataType.FLOAT, Fixtures.optimizer(0.1));
        // members 0,1 and 2,3 are weak positives; classes 0,0,0,1: of 4 predicted ordered pairs
        // 2 share a class (precision 1/2), of 6 same-class ordered pairs 2 are found (recall 1/3)
        LabellerBinding labeller =
                new LabellerBinding(
                        "b", (embeddings, context) -> new ComponentLabels(new int[] {0, 0, 1, 1}));
        TrainingStep step =
                new TrainingStep(
                        network,
                        Fixtures.losses(N),
                        Optional.of(labeller),
                        Fixtures.optimizer(0.1));
        LabelContext context = new LabelContext(new int[] {0, 1, 2, 3}, new int[] {0, 0, 0, 1}, 0);

        StepResult result = step.run(Fixtures.views(N, 2), context, 0);

        assertThat(result.metrics())
                .containsKeys(
                        "loss/quad-a",
                        "loss/quad-b",
                        "lr",
                        "time/forward",
                        "time/label",
                        "time/loss",
                        "time/backward",
                        "time/update");
        assertThat(result.loss())
                .isCloseTo(
                        result.metrics().get("loss/quad-a")
                                + 0.5 * result.metrics().get("loss/quad-b"),
                        within(1e-9));
        assertThat(result.metrics().get("weak/components")).isEqualTo(2.0);
        assertThat(result.metrics().get("weak/precision")).isCloseTo(0.5, within(1e-12));
        assertThat(result.metrics().get("weak/recall")).isCloseTo(1.0 / 3, within(1e-12));
        // component labels are symmetric; all four members lie in components of two
        assertThat(result.metrics().get("weak/reciprocity")).isEqualTo(1.0);
        assertThat(result.metrics().get("weak/size-2")).isEqualTo(1.0);
        assertThat(result.metrics().get("weak/size-1")).isZero();
        assertThat(result.features().shape()).containsExactly(N, 3);
    }

    @Test
    void labellerThatCallsAnImageItsOwnPositiveStopsTheStepBeforeAnyUpdate() {
        ContrastiveNetwork network = Fixtures.network(1, DataType.FLOAT, Fixtures.optimizer(0.1));
        WeakLabels selfPositive =
                new WeakLabels() {
                    @Override
                    public int size() {
                        return N;
                    }

                    @Override
                    public boolean isPositive(int anchor, int candidate) {
                        return anchor == 2 && candidate == 2;
                    }
                };
        TrainingStep step =
                new TrainingStep(
                        network,
                        Fixtures.losses(N),
                        Optional.of(new LabellerBinding("b", (embeddings, c) -> selfPositive)),
                        Fixtures.optimizer(0.1));
        INDArray before = network.graph().params().dup();

        assertThatThrownBy(() -> step.run(Fixtures.views(N, 2), Fixtures.context(N), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected no batch member to be its own positive")
                .hasMessageContaining("isPositive(2, 2) true");
        assertThat(network.graph().params()).isEqualTo(before);
    }

    @Test
    void freesBatchNormScratchArraysAfterTrainingAndInference() {
        ContrastiveNetwork network = Fixtures.network(1, DataType.FLOAT, Fixtures.optimizer(0.1));
        Fixtures.step(network, N, Fixtures.optimizer(0.1))
                .run(Fixtures.views(N, 2), Fixtures.context(N), 0);
        assertThat(BatchNormBuffers.collect(network.graph().getLayers())).isEmpty();

        network.features(Nd4j.rand(DataType.FLOAT, 3, 1, 6, 6));
        assertThat(BatchNormBuffers.collect(network.graph().getLayers())).isEmpty();
    }

    @Test
    void rejectsMismatchedViewsAndLocalCrops() {
        ContrastiveNetwork network = Fixtures.network(1, DataType.FLOAT, Fixtures.optimizer(0.1));
        TrainingStep step = Fixtures.step(network, N, Fixtures.optimizer(0.1));
        ViewBatch views = Fixtures.views(N, 2);
        ViewBatch shortLocal =
                new ViewBatch(views.global(), List.of(Fixtures.views(N - 1, 3).global().get(0)));
        ViewBatch uneven =
                new ViewBatch(
                        List.of(views.global().get(0), Fixtures.views(N - 1, 3).global().get(1)),
                        List.of());

        assertThatThrownBy(() -> step.run(shortLocal, Fixtures.context(N), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected every local crop to hold 4 images")
                .hasMessageContaining("found 3");
        assertThatThrownBy(() -> step.run(uneven, Fixtures.context(N), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected every global view to hold 4 images")
                .hasMessageContaining("found 3");
    }

    @Test
    void rejectsATermOnAnUnknownHeadAndAMissingLabeller() {
        ContrastiveNetwork network = Fixtures.network(1, DataType.FLOAT, Fixtures.optimizer(0.1));
        Loss needsLabels =
                new Loss() {
                    @Override
                    public boolean needsWeakLabels() {
                        return true;
                    }

                    @Override
                    public LossResult compute(org.wcl4j.api.loss.LossInput input) {
                        throw new AssertionError("not called");
                    }
                };
        assertThatThrownBy(
                        () ->
                                new TrainingStep(
                                        network,
                                        List.of(
                                                new LossTerm("x", "phi", 1.0, needsLabels),
                                                new LossTerm("y", "a", 1.0, needsLabels)),
                                        Optional.empty(),
                                        Fixtures.optimizer(0.1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected one of the heads [a, b], found 'phi'")
                .hasMessageContaining("loss term 'y': needs weak labels");
    }
}
