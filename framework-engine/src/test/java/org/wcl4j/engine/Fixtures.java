package org.wcl4j.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.wcl4j.api.augment.ImageBatch;
import org.wcl4j.api.augment.ViewBatch;
import org.wcl4j.api.data.Image;
import org.wcl4j.api.data.ImageShape;
import org.wcl4j.api.label.LabelContext;
import org.wcl4j.api.model.Head;

/** Shared test networks, batches and losses. */
final class Fixtures {

    static final ImageShape SHAPE = new ImageShape(1, 6, 6);

    private Fixtures() {}

    static OptimizerSettings optimizer(double learningRate) {
        return new OptimizerSettings(learningRate, 0.9, 1e-3, false, 0, 100);
    }

    /** A tiny network with heads "a" and "b". */
    static ContrastiveNetwork network(long seed, DataType dataType, OptimizerSettings optimizer) {
        Map<String, Head> heads = new LinkedHashMap<>();
        heads.put("a", new TinyHead(4, 3));
        heads.put("b", new TinyHead(5, 2));
        return ContrastiveNetwork.build(
                new TinyEncoder(3), heads, SHAPE, optimizer, seed, dataType);
    }

    /** Two global views of {@code n} random images. */
    static ViewBatch views(int n, long seed) {
        return views(n, seed, SHAPE);
    }

    /** Two global views of {@code n} random images of the given shape. */
    static ViewBatch views(int n, long seed, ImageShape shape) {
        Random random = new Random(seed);
        List<ImageBatch> global = new ArrayList<>();
        for (int v = 0; v < 2; v++) {
            List<Image> images = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                float[] pixels = new float[shape.length()];
                for (int p = 0; p < pixels.length; p++) {
                    pixels[p] = random.nextFloat();
                }
                images.add(new Image(pixels, shape));
            }
            global.add(new ImageBatch(images, shape));
        }
        return new ViewBatch(global, List.of());
    }

    static LabelContext context(int n) {
        int[] indices = new int[n];
        for (int i = 0; i < n; i++) {
            indices[i] = i;
        }
        return new LabelContext(indices, new int[0], 0);
    }

    /** Fixed random targets for two views of {@code n} rows of {@code dim}. */
    static List<INDArray> targets(int n, int dim, long seed) {
        Nd4j.getRandom().setSeed(seed);
        return List.of(Nd4j.randn(DataType.DOUBLE, n, dim), Nd4j.randn(DataType.DOUBLE, n, dim));
    }

    /** Quadratic losses on both heads, weights 1 and 0.5. */
    static List<LossTerm> losses(int n) {
        return List.of(
                new LossTerm("quad-a", "a", 1.0, new QuadraticLoss(targets(n, 3, 11))),
                new LossTerm("quad-b", "b", 0.5, new QuadraticLoss(targets(n, 2, 12))));
    }

    static TrainingStep step(ContrastiveNetwork network, int n, OptimizerSettings optimizer) {
        return new TrainingStep(network, losses(n), Optional.empty(), optimizer);
    }

    /** A copy of the flat parameters as doubles. */
    static double[] parameters(ContrastiveNetwork network) {
        return network.graph().params().dup().castTo(DataType.DOUBLE).data().asDouble();
    }

    static double[] statisticsMask(ContrastiveNetwork network) {
        return network.optimiser().statisticsMask().castTo(DataType.DOUBLE).data().asDouble();
    }
}
