package org.wcl4j.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.wcl4j.api.augment.ImageBatch;
import org.wcl4j.api.augment.ViewBatch;
import org.wcl4j.api.data.ImageShape;
import org.wcl4j.api.label.ComponentLabels;
import org.wcl4j.api.label.LabelContext;
import org.wcl4j.api.label.WeakLabeller;
import org.wcl4j.api.loss.Loss;
import org.wcl4j.api.loss.LossResult;

/** Support views: through the global forward pass, to the labeller only, no gradient back. */
class SupportViewsStepTest {

    private static final int N = 4;

    /** Two global views (seed 2) and two support views (the global views of seed 3). */
    private static ViewBatch withSupport() {
        return new ViewBatch(
                Fixtures.views(N, 2).global(), List.of(), Fixtures.views(N, 3).global());
    }

    @Test
    void labellerSeesTheSupportRowsOfItsHeadsOutputAndLossesOnlyTheGlobalViews() {
        ContrastiveNetwork network = Fixtures.network(1, DataType.FLOAT, Fixtures.optimizer(0.1));
        ViewBatch views = withSupport();
        // independent reference: the same stacked input [(2 + 2) * N, 1, 6, 6] through a training
        // forward pass (batch statistics over all 16 rows), which changes nothing in the graph;
        // the labeller reads head "b", the graph's second output
        INDArray input = stacked(views);
        INDArray[] reference = network.graph().trainingOutputs(input);
        INDArray headB = reference[1];

        List<List<INDArray>> seenSupport = new ArrayList<>();
        List<INDArray> seenViews = new ArrayList<>();
        WeakLabeller recording =
                (embeddings, context) -> {
                    seenViews.add(embeddings.dup());
                    seenSupport.add(context.supportViews().stream().map(INDArray::dup).toList());
                    return new ComponentLabels(new int[] {0, 0, 1, 1});
                };
        List<Integer> lossViewCounts = new ArrayList<>();
        Loss counting =
                batch -> {
                    lossViewCounts.add(batch.globalViews().size());
                    return new LossResult(
                            0, batch.globalViews().stream().map(z -> z.mul(0)).toList(), List.of());
                };
        TrainingStep step =
                new TrainingStep(
                        network,
                        List.of(new LossTerm("count", "a", 1.0, counting)),
                        Optional.of(new LabellerBinding("b", recording)),
                        Fixtures.optimizer(0.1));

        step.run(views, Fixtures.context(N), 0);

        // labelled once per global view, each time with both support views [N, 2]
        assertThat(seenViews).hasSize(2);
        assertThat(seenSupport).hasSize(2);
        for (int v = 0; v < 2; v++) {
            assertClose(seenViews.get(v), rows(headB, v));
            assertThat(seenSupport.get(v)).hasSize(2);
            for (int s = 0; s < 2; s++) {
                INDArray support = seenSupport.get(v).get(s);
                assertThat(support.shape()).containsExactly(N, 2);
                assertClose(support, rows(headB, 2 + s));
            }
        }
        assertThat(lossViewCounts).containsExactly(2);
    }

    @Test
    void errorsOfSupportRowsAreExactlyZero() {
        // one head "g", V = 2 global and S = 2 support views of n = 2 rows: 8 output rows
        float[][] values = new float[8][2];
        for (int r = 0; r < 8; r++) {
            values[r] = new float[] {4 * (r + 1), -8 * (r + 1)};
        }
        INDArray outputs = Nd4j.createFromArray(values);
        INDArray copy = outputs.dup();
        // targets zero: the quadratic loss's gradient of view v is z_v / n = z_v / 2, weighted
        // by 0.5 gives z_v / 4, e.g. row 0: (4, -8) / 4 = (1, -2)
        List<INDArray> zeros =
                List.of(Nd4j.zeros(DataType.DOUBLE, 2, 2), Nd4j.zeros(DataType.DOUBLE, 2, 2));
        WeakLabeller components = (embeddings, context) -> new ComponentLabels(new int[] {0, 1});
        LossPhase phase =
                new LossPhase(
                        List.of("g"),
                        List.of(new LossTerm("quad", "g", 0.5, new QuadraticLoss(zeros))),
                        Optional.of(new LabellerBinding("g", components)),
                        new LossPhase.Batch(2, 2, 0, 2, Fixtures.context(2), 0, 0.1),
                        new INDArray[0]);

        INDArray error =
                phase.errors(new INDArray[] {outputs}, Nd4j.zeros(DataType.FLOAT, 2, 3))[0];

        assertThat(error.shape()).containsExactly(8, 2);
        for (int r = 0; r < 4; r++) {
            assertThat(error.getDouble(r, 0)).isCloseTo(copy.getDouble(r, 0) / 4, within(1e-6));
            assertThat(error.getDouble(r, 1)).isCloseTo(copy.getDouble(r, 1) / 4, within(1e-6));
        }
        for (int r = 4; r < 8; r++) {
            assertThat(error.getDouble(r, 0)).as("support row %d", r).isEqualTo(0.0);
            assertThat(error.getDouble(r, 1)).as("support row %d", r).isEqualTo(0.0);
        }
        phase.release();
    }

    @Test
    void stepWithASupportUsingLabellerTrainsWithoutNaN() {
        OptimizerSettings optimizer = Fixtures.optimizer(0.1);
        ContrastiveNetwork network = Fixtures.network(1, DataType.FLOAT, optimizer);
        TrainingStep step =
                new TrainingStep(
                        network,
                        Fixtures.losses(N),
                        Optional.of(new LabellerBinding("b", new SupportNeighbourLabeller())),
                        optimizer);
        LabelContext context = new LabelContext(new int[] {0, 1, 2, 3}, new int[] {0, 0, 1, 1}, 0);
        double[] before = Fixtures.parameters(network);

        StepResult last = null;
        for (int t = 0; t < 3; t++) {
            last = step.run(withSupport(), context, t);
            assertThat(last.loss()).isFinite();
        }

        for (Map.Entry<String, Double> metric : last.metrics().entrySet()) {
            assertThat(metric.getValue()).as(metric.getKey()).isFinite();
        }
        assertThat(last.metrics()).containsKeys("weak/precision", "weak/recall");
        double[] after = Fixtures.parameters(network);
        for (double value : after) {
            assertThat(value).isFinite();
        }
        assertThat(after).isNotEqualTo(before);
    }

    @Test
    void supportUsingLabellerWithoutSupportViewsFailsClearly() {
        ContrastiveNetwork network = Fixtures.network(1, DataType.FLOAT, Fixtures.optimizer(0.1));
        TrainingStep step =
                new TrainingStep(
                        network,
                        Fixtures.losses(N),
                        Optional.of(new LabellerBinding("b", new SupportNeighbourLabeller())),
                        Fixtures.optimizer(0.1));

        assertThatThrownBy(() -> step.run(Fixtures.views(N, 2), Fixtures.context(N), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected support views in the label context, found none");
    }

    @Test
    void rejectsSupportViewsOfAnotherShape() {
        ContrastiveNetwork network = Fixtures.network(1, DataType.FLOAT, Fixtures.optimizer(0.1));
        TrainingStep step = Fixtures.step(network, N, Fixtures.optimizer(0.1));
        ImageBatch small = Fixtures.views(N, 3, new ImageShape(1, 4, 4)).global().get(0);
        ViewBatch views = new ViewBatch(Fixtures.views(N, 2).global(), List.of(), List.of(small));

        assertThatThrownBy(() -> step.run(views, Fixtures.context(N), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(
                        "expected every support view to hold 4 images of the global views' shape")
                .hasMessageContaining("in support view 0");
    }

    /** Global then support views, stacked as the step stacks them. */
    private static INDArray stacked(ViewBatch views) {
        List<ImageBatch> all = new ArrayList<>(views.global());
        all.addAll(views.support());
        int length = Fixtures.SHAPE.length();
        float[] data = new float[all.size() * N * length];
        for (int v = 0; v < all.size(); v++) {
            for (int i = 0; i < N; i++) {
                System.arraycopy(
                        all.get(v).images().get(i).pixels(), 0, data, (v * N + i) * length, length);
            }
        }
        return Nd4j.create(data, new long[] {all.size() * N, 1, 6, 6}, 'c');
    }

    private static INDArray rows(INDArray array, int view) {
        return array.get(NDArrayIndex.interval(view * N, (view + 1) * N), NDArrayIndex.all());
    }

    private static void assertClose(INDArray actual, INDArray expected) {
        double[] a = actual.castTo(DataType.DOUBLE).dup().data().asDouble();
        double[] e = expected.castTo(DataType.DOUBLE).dup().data().asDouble();
        assertThat(a).hasSameSizeAs(e);
        for (int k = 0; k < a.length; k++) {
            assertThat(a[k]).as("entry %d", k).isCloseTo(e[k], within(1e-5));
        }
    }
}
