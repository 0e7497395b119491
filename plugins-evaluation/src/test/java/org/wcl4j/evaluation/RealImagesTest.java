package org.wcl4j.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.wcl4j.api.eval.EvaluationProtocol;
import org.wcl4j.api.eval.EvaluationResult;
import org.wcl4j.evaluation.FakeData.FixedFeatures;

/**
 * Every protocol on 2,000 real Fashion-MNIST training and 1,000 test images, once with the pixels
 * as features and once with noise that ignores the image (what an encoder that learnt nothing about
 * the images would give). The numbers must be percentages, the pixels must do far better than the
 * noise, and the noise must stay near chance (10% for ten balanced classes). Skipped when the data
 * set is not installed.
 */
class RealImagesTest {

    private static Toy.Data pixels;
    private static Toy.Data noise;

    @BeforeAll
    static void load() {
        assumeTrue(FashionMnistSample.installed(), "Fashion-MNIST is not installed");
        pixels = FashionMnistSample.load(2000, 1000);
        Random random = new Random(9);
        INDArray trainNoise = gaussian(random, 2000, 64);
        INDArray testNoise = gaussian(random, 1000, 64);
        noise =
                new Toy.Data(
                        pixels.dataset(),
                        new FixedFeatures()
                                .with(pixels.dataset().train(), trainNoise)
                                .with(pixels.dataset().test(), testNoise));
    }

    private static INDArray gaussian(Random random, int rows, int columns) {
        double[][] values = new double[rows][columns];
        for (double[] row : values) {
            for (int c = 0; c < columns; c++) {
                row[c] = random.nextGaussian();
            }
        }
        return Nd4j.create(values);
    }

    private static double metric(EvaluationProtocol protocol, Toy.Data data, String name) {
        EvaluationResult result = protocol.evaluate(data.features(), data.dataset());
        double value = result.metrics().get(name);
        assertThat(value).as(name).isBetween(0.0, 100.0);
        return value;
    }

    @Test
    void linearProbeOnPixelsBeatsNoise() {
        LinearProtocol linear = new LinearProtocol(LinearSettings.defaults().withEpochs(15));

        double fromPixels = metric(linear, pixels, "top1");
        double fromNoise = metric(linear, noise, "top1");

        // a linear classifier on Fashion-MNIST pixels reaches ~84% with all 60,000 images
        assertThat(fromPixels).isGreaterThan(70.0);
        assertThat(fromNoise).isLessThan(20.0);
        assertThat(metric(linear, pixels, "top5")).isGreaterThan(fromPixels);
    }

    @Test
    void knnOnPixelsBeatsNoise() {
        KnnProtocol knn = new KnnProtocol(new KnnSettings(20, 0.1, 256));

        assertThat(metric(knn, pixels, "top1")).isGreaterThan(70.0);
        assertThat(metric(knn, noise, "top1")).isLessThan(20.0);
    }

    @Test
    void tsneMapOfPixelsKeepsMoreNeighboursOfOneClassThanNoise() {
        TsneProtocol tsne = new TsneProtocol(new TsneSettings(30, 15, 300, 100, 12, 100, true, 3));

        double fromPixels = metric(tsne, pixels, "map-agreement");
        double fromNoise = metric(tsne, noise, "map-agreement");

        assertThat(fromPixels).isGreaterThan(60.0);
        assertThat(fromNoise).isLessThan(25.0);
    }

    @Test
    void semiSupervisedOnPixelsBeatsNoise() {
        SemiSupervisedProtocol semi =
                new SemiSupervisedProtocol(
                        SemiSupervisedSettings.linear(List.of(10.0), "pooled", 30, 256, 0.1, 1));

        // 10% of 2,000 images: 20 labelled images per class
        assertThat(metric(semi, pixels, "10%/top1")).isGreaterThan(55.0);
        assertThat(metric(semi, noise, "10%/top1")).isLessThan(20.0);
    }

    @Test
    void fewShotSvmOnPixelsBeatsNoise() {
        FewShotProtocol fewShot =
                new FewShotProtocol(new FewShotSettings(List.of(1, 8), false, 2, 1.0, 100, 1));

        double eightShots = metric(fewShot, pixels, "k8/mean");
        assertThat(eightShots).isGreaterThan(metric(fewShot, pixels, "k1/mean"));
        assertThat(eightShots).isGreaterThan(50.0);
        assertThat(metric(fewShot, noise, "k8/mean")).isLessThan(20.0);
    }
}
