package org.wcl4j.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.wcl4j.api.augment.ImageBatch;
import org.wcl4j.api.augment.ViewBatch;
import org.wcl4j.api.data.Image;
import org.wcl4j.api.data.ImageShape;
import org.wcl4j.api.label.LabelContext;
import org.wcl4j.api.loss.LossResult;

/** Local crops through the engine: their own forward pass, their errors, the summed gradient. */
class MultiCropStepTest {

    private static final int N = 4;
    private static final int LOCAL = 2;
    private static final ImageShape LOCAL_SHAPE = new ImageShape(1, 4, 4);
    private static final double STEP = 1e-6;

    @Test
    void gradientWithLocalCropsMatchesFiniteDifferences() {
        ContrastiveNetwork network = Fixtures.network(3, DataType.DOUBLE, Fixtures.optimizer(0.1));
        TrainingStep step = step(network, 1.0, 1.0);
        ViewBatch views = views(5);
        LabelContext context = Fixtures.context(N);

        // analytic gradient from the engine's two passes
        step.backpropagate(views, context, 0, 0.1);
        double[] analytic = network.graph().getGradientsViewArray().dup().data().asDouble();
        double[] statistics = Fixtures.statisticsMask(network);
        INDArray params = network.graph().params().reshape(analytic.length);

        // central differences of the total loss, every trainable parameter
        int checked = 0;
        for (int i = 0; i < analytic.length; i++) {
            if (statistics[i] != 0) {
                continue;
            }
            double original = params.getDouble(i);
            params.putScalar(i, original + STEP);
            double plus = step.backpropagate(views, context, 0, 0.1).loss();
            params.putScalar(i, original - STEP);
            double minus = step.backpropagate(views, context, 0, 0.1).loss();
            params.putScalar(i, original);
            double numeric = (plus - minus) / (2 * STEP);
            double error = Math.abs(numeric - analytic[i]);
            double scale = Math.max(Math.abs(numeric), Math.abs(analytic[i]));
            assertThat(error < 1e-9 || error / scale < 1e-4)
                    .as("parameter %d: analytic %s, numeric %s", i, analytic[i], numeric)
                    .isTrue();
            checked++;
        }
        assertThat(checked).isGreaterThan(50);
    }

    @Test
    void localCropsMoveWeightsButBatchNormStatisticsFollowTheGlobalViewsOnly() {
        ViewBatch views = views(6);
        ViewBatch globalOnly = new ViewBatch(views.global(), List.of());

        double[] withLocalLoss = gradient(1.0, views);
        double[] withoutLocalLoss = gradient(0.0, views);
        double[] withoutCrops = gradient(0.0, globalOnly);
        double[] statistics = Fixtures.statisticsMask(freshNetwork());

        boolean weightsDiffer = false;
        for (int i = 0; i < statistics.length; i++) {
            if (statistics[i] != 0) {
                assertThat(withLocalLoss[i]).as("statistic %d", i).isEqualTo(withoutCrops[i]);
            } else {
                weightsDiffer |= Math.abs(withLocalLoss[i] - withoutCrops[i]) > 1e-9;
                // A local crop with zero error adds nothing to any weight.
                assertThat(withoutLocalLoss[i]).isCloseTo(withoutCrops[i], within(1e-12));
            }
        }
        assertThat(weightsDiffer).isTrue();
    }

    @Test
    void lossesSeeEveryLocalCropAsOneArrayPerCrop() {
        List<long[]> shapes = new ArrayList<>();
        TrainingStep step =
                new TrainingStep(
                        freshNetwork(),
                        List.of(
                                new LossTerm(
                                        "spy",
                                        "a",
                                        1.0,
                                        input -> {
                                            input.localViews().forEach(v -> shapes.add(v.shape()));
                                            return new LossResult(
                                                    0.0,
                                                    input.globalViews().stream()
                                                            .map(Nd4j::zerosLike)
                                                            .toList(),
                                                    input.localViews().stream()
                                                            .map(Nd4j::zerosLike)
                                                            .toList());
                                        })),
                        Optional.empty(),
                        Fixtures.optimizer(0.1));

        step.run(views(7), Fixtures.context(N), 0);

        assertThat(shapes).hasSize(LOCAL);
        assertThat(shapes).allSatisfy(shape -> assertThat(shape).containsExactly(N, 3));
    }

    @Test
    void rejectsALossThatGivesNoGradientForTheLocalCrops() {
        TrainingStep step =
                new TrainingStep(
                        freshNetwork(),
                        List.of(
                                new LossTerm(
                                        "global-only",
                                        "a",
                                        1.0,
                                        input ->
                                                new LossResult(
                                                        0.0,
                                                        input.globalViews().stream()
                                                                .map(Nd4j::zerosLike)
                                                                .toList(),
                                                        List.of()))),
                        Optional.empty(),
                        Fixtures.optimizer(0.1));

        assertThatThrownBy(() -> step.run(views(8), Fixtures.context(N), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(
                        "loss term 'global-only': expected 2 local gradients, found 0");
    }

    private static ContrastiveNetwork freshNetwork() {
        return Fixtures.network(4, DataType.DOUBLE, Fixtures.optimizer(0.1));
    }

    /** The gradient of one backward pass of a fresh network, local crops weighted {@code local}. */
    private static double[] gradient(double local, ViewBatch views) {
        ContrastiveNetwork network = freshNetwork();
        step(network, 1.0, local).backpropagate(views, Fixtures.context(N), 0, 0.1);
        return network.graph().getGradientsViewArray().dup().data().asDouble();
    }

    /** Quadratic losses on both heads, reading global views and (with this weight) local crops. */
    private static TrainingStep step(ContrastiveNetwork network, double global, double local) {
        List<INDArray> targetsA = new ArrayList<>(Fixtures.targets(N, 3, 21));
        targetsA.addAll(Fixtures.targets(N, 3, 22));
        List<INDArray> targetsB = new ArrayList<>(Fixtures.targets(N, 2, 23));
        targetsB.addAll(Fixtures.targets(N, 2, 24));
        return new TrainingStep(
                network,
                List.of(
                        new LossTerm("a", "a", 1.0, new CropQuadraticLoss(targetsA, global, local)),
                        new LossTerm(
                                "b", "b", 0.5, new CropQuadraticLoss(targetsB, global, local))),
                Optional.empty(),
                Fixtures.optimizer(0.1));
    }

    /** The two global views of Fixtures and {@link #LOCAL} random local crops of 4 x 4. */
    private static ViewBatch views(long seed) {
        ViewBatch global = Fixtures.views(N, seed);
        Random random = new Random(seed + 100);
        List<ImageBatch> local = new ArrayList<>();
        for (int m = 0; m < LOCAL; m++) {
            List<Image> images = new ArrayList<>();
            for (int i = 0; i < N; i++) {
                float[] pixels = new float[LOCAL_SHAPE.length()];
                for (int p = 0; p < pixels.length; p++) {
                    pixels[p] = random.nextFloat();
                }
                images.add(new Image(pixels, LOCAL_SHAPE));
            }
            local.add(new ImageBatch(images, LOCAL_SHAPE));
        }
        return new ViewBatch(global.global(), local);
    }
}
