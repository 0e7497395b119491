package org.wcl4j.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.assertj.core.data.Offset;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.wcl4j.api.augment.AugmentationPipeline;
import org.wcl4j.api.data.ImageShape;
import org.wcl4j.api.eval.FineTuneSettings;
import org.wcl4j.api.eval.FineTunedClassifier;
import org.wcl4j.api.model.Head;

class EncoderFineTuningTest {

    private static final AugmentationPipeline NONE = new AugmentationPipeline(List.of());

    /** A network with the test encoder and heads "a", "b", moved off its initial values. */
    private static ContrastiveNetwork trainedBriefly(ImageShape shape, int width, long seed) {
        OptimizerSettings optimizer = Fixtures.optimizer(0.1);
        Map<String, Head> heads = new LinkedHashMap<>();
        heads.put("a", new TinyHead(4, 3));
        heads.put("b", new TinyHead(5, 2));
        ContrastiveNetwork network =
                ContrastiveNetwork.build(
                        new TinyEncoder(width), heads, shape, optimizer, seed, DataType.FLOAT);
        // three steps of the quadratic test loss: weights and BatchNorm statistics move
        TrainingStep step = Fixtures.step(network, 8, optimizer);
        for (int i = 0; i < 3; i++) {
            step.run(Fixtures.views(8, 20 + i, shape), Fixtures.context(8), i);
        }
        return network;
    }

    private static FineTuneSettings settings(String start, int epochs, double rate, long seed) {
        return new FineTuneSettings(start, epochs, 32, rate, 0.9, 1e-4, false, seed);
    }

    private static int[] range(int n) {
        int[] indices = new int[n];
        for (int i = 0; i < n; i++) {
            indices[i] = i;
        }
        return indices;
    }

    private static float[] values(INDArray array) {
        return array.dup().castTo(DataType.FLOAT).data().asFloat();
    }

    /** Top-1 accuracy in percent of scores {@code [n, classes]} against the split's labels. */
    private static double accuracy(INDArray scores, ImageSplit split) {
        int right = 0;
        for (int i = 0; i < split.size(); i++) {
            right += scores.getRow(i).argMax().getInt(0) == split.label(i) ? 1 : 0;
        }
        return 100.0 * right / split.size();
    }

    /** {@code n} random images of {@code shape} with labels cycling through {@code classes}. */
    private static ImageSplit randomImages(int n, ImageShape shape, int classes, long seed) {
        Random random = new Random(seed);
        float[][] pixels = new float[n][shape.length()];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % classes;
            for (int k = 0; k < shape.length(); k++) {
                pixels[i][k] = random.nextFloat();
            }
        }
        return new ImageSplit(pixels, labels, shape, classes);
    }

    @Test
    void theCopyHoldsTheNetworksParametersAndStatisticsUpToTheStartVertex() {
        ContrastiveNetwork network = trainedBriefly(Fixtures.SHAPE, 3, 5);
        EncoderFineTuning fineTuning = new EncoderFineTuning(network, NONE);

        ComputationGraph copy = fineTuning.copy("head-a/act", 4, 1);

        // every shared layer holds exactly the network's values, BatchNorm mean and
        // log-deviation included; head a's last layer and head b are left out
        assertThat(copy.getConfiguration().getVertices().keySet())
                .contains("encoder/conv", "encoder/bn", "head-a/hidden", "head-a/bn", "head-a/act")
                .doesNotContain("head-a/out", "head-b/hidden", "head-b/out");
        int compared = 0;
        for (Layer layer : copy.getLayers()) {
            String name = layer.getConfig().getLayerName();
            if (name.equals(EncoderFineTuning.CLASSIFIER)) {
                // a zero-initialised classifier [hidden of head a = 4, classes = 4]
                assertThat(layer.getParam("W").shape()).containsExactly(4, 4);
                assertThat(layer.getParam("W").sumNumber().doubleValue()).isZero();
                continue;
            }
            for (Map.Entry<String, INDArray> param : layer.paramTable().entrySet()) {
                assertThat(values(param.getValue()))
                        .as(name + "/" + param.getKey())
                        .containsExactly(
                                values(network.graph().getLayer(name).getParam(param.getKey())));
                compared++;
            }
        }
        // conv W; encoder BN gamma, beta, mean, log-std; head dense W, b; head BN's four
        assertThat(compared).isEqualTo(1 + 4 + 2 + 4);
    }

    @Test
    void oneStepMovesTheClassifierBiasByTheMeanOfProbabilitiesMinusLabels() {
        ContrastiveNetwork network = trainedBriefly(Fixtures.SHAPE, 3, 6);
        ImageSplit split =
                new ImageSplit(
                        randomImages(6, Fixtures.SHAPE, 3, 9).pixels(),
                        new int[] {0, 0, 0, 1, 1, 2},
                        Fixtures.SHAPE,
                        3);

        EncoderFineTuning.Classifier classifier =
                (EncoderFineTuning.Classifier)
                        new EncoderFineTuning(network, NONE)
                                .fineTune(
                                        split,
                                        range(6),
                                        new FineTuneSettings(
                                                "pooled", 1, 6, 0.3, 0.9, 0.1, false, 1));

        // with zero weights every probability is 1/3, so the batch-mean gradient of the bias is
        // 1/3 - (share of the class) = [1/3 - 1/2, 1/3 - 1/3, 1/3 - 1/6] = [-1/6, 0, 1/6]; the
        // first step (velocity = gradient, no decay on biases) moves it by -0.3 times that
        double[] bias =
                classifier
                        .graph()
                        .getLayer(EncoderFineTuning.CLASSIFIER)
                        .getParam("b")
                        .castTo(DataType.DOUBLE)
                        .toDoubleVector();
        assertThat(bias).containsExactly(new double[] {0.05, 0.0, -0.05}, Offset.offset(1e-6));
        // the first epoch's loss is that of uniform probabilities, ln 3
        assertThat(classifier.trainLoss()).isCloseTo(Math.log(3), Offset.offset(1e-5));
    }

    @Test
    void separableImagesAreAllClassifiedRight() {
        // class 0: dark images (pixels in [0, 0.3)), class 1: bright ones (in [0.7, 1)); after
        // convolution, BatchNorm, ReLU and average pooling they stay apart, so a fine-tuned
        // classifier must get every test image right
        ImageShape shape = Fixtures.SHAPE;
        Random random = new Random(3);
        float[][] pixels = new float[80][shape.length()];
        int[] labels = new int[80];
        for (int i = 0; i < 80; i++) {
            labels[i] = i % 2;
            for (int k = 0; k < shape.length(); k++) {
                pixels[i][k] = labels[i] * 0.7f + 0.3f * random.nextFloat();
            }
        }
        ImageSplit train =
                new ImageSplit(
                        Arrays.copyOfRange(pixels, 0, 40),
                        Arrays.copyOfRange(labels, 0, 40),
                        shape,
                        2);
        ImageSplit test =
                new ImageSplit(
                        Arrays.copyOfRange(pixels, 40, 80),
                        Arrays.copyOfRange(labels, 40, 80),
                        shape,
                        2);
        ContrastiveNetwork network = trainedBriefly(shape, 3, 7);

        FineTunedClassifier classifier =
                new EncoderFineTuning(network, NONE)
                        .fineTune(train, range(40), settings("pooled", 20, 0.1, 2));

        assertThat(accuracy(classifier.scores(test), test)).isEqualTo(100.0);
    }

    @Test
    void rejectsAnUnknownStartListingTheKnownOnes() {
        ContrastiveNetwork network = trainedBriefly(Fixtures.SHAPE, 3, 5);
        ImageSplit split = randomImages(6, Fixtures.SHAPE, 3, 9);

        assertThatThrownBy(
                        () ->
                                new EncoderFineTuning(network, NONE)
                                        .fineTune(
                                                split, range(6), settings("head-c/act", 1, 0.1, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("found 'head-c/act'")
                .hasMessageContaining("pooled")
                .hasMessageContaining("head-a/act");
        assertThatThrownBy(
                        () ->
                                new EncoderFineTuning(network, NONE)
                                        .fineTune(
                                                split,
                                                new int[] {6},
                                                settings("pooled", 1, 0.1, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected labelled indices in [0, 6), found 6");
    }

    @Test
    void fineTuningOnFashionMnistLearnsLeavesTheNetworkAloneAndRepeatsForASeed() {
        assumeTrue(ImageSplit.fashionMnistInstalled(), "Fashion-MNIST is not installed");
        ImageSplit train = ImageSplit.fashionMnist("train", 0, 300);
        ImageSplit test = ImageSplit.fashionMnist("t10k", 0, 500);
        ContrastiveNetwork network = trainedBriefly(train.shape(), 8, 11);
        float[] before = values(network.parameters());
        EncoderFineTuning fineTuning = new EncoderFineTuning(network, NONE);

        EncoderFineTuning.Classifier first =
                (EncoderFineTuning.Classifier)
                        fineTuning.fineTune(train, range(300), settings("pooled", 10, 0.05, 3));
        INDArray scores = first.scores(test);
        INDArray again =
                fineTuning
                        .fineTune(train, range(300), settings("pooled", 10, 0.05, 3))
                        .scores(test);
        INDArray otherSeed =
                fineTuning
                        .fineTune(train, range(300), settings("pooled", 10, 0.05, 4))
                        .scores(test);

        // the run's network is untouched, bit for bit; the copy's encoder has moved
        assertThat(values(network.parameters())).containsExactly(before);
        assertThat(values(first.graph().getLayer("encoder/conv").getParam("W")))
                .isNotEqualTo(values(network.graph().getLayer("encoder/conv").getParam("W")));
        // the same seed gives the same scores, another seed other ones
        assertThat(values(again)).containsExactly(values(scores));
        assertThat(values(otherSeed)).isNotEqualTo(values(scores));
        // scores are probabilities over the ten classes
        assertThat(scores.shape()).containsExactly(500, 10);
        double[] sums = scores.sum(1).castTo(DataType.DOUBLE).toDoubleVector();
        double[] ones = new double[500];
        Arrays.fill(ones, 1.0);
        assertThat(sums).containsExactly(ones, Offset.offset(1e-4));
        // chance is 10% (ten classes, 47 to 56 test images each); a guesser's accuracy on 500
        // images has a deviation of sqrt(0.1 * 0.9 / 500) = 1.3 points, so 18% is six deviations
        // above it. An encoder of one 8-channel convolution and average pooling reached 24% here.
        // Its brief training (a quadratic test loss) taught it nothing about the images, so an
        // untrained encoder is no baseline to beat; the comparison is with chance
        assertThat(accuracy(scores, test)).isBetween(18.0, 100.0);
    }
}
