package org.wcl4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcl4j.core.config.ConfigLoader;
import org.wcl4j.core.config.RunConfig;
import org.wcl4j.core.registry.PluginRegistry;
import org.wcl4j.core.run.RunListener;
import org.wcl4j.core.run.TrainingRun;

/**
 * A K-NN multi-crop run killed after a checkpoint and resumed ends with the parameters of an
 * uninterrupted run, byte for byte: the checkpoint carries the feature bank and the neighbours, so
 * the resumed epoch cuts its local crops from the same images. Without them the resumed epoch would
 * fall back to standard multi-crop and the parameters would differ. Trains {@code
 * tiny-knn-multi-crop.yaml} on 128 real Fashion-MNIST images for three epochs of 4 steps; skipped
 * when the data set is not installed.
 */
class KnnMultiCropResumeTest {

    private static final Path DATA = Path.of("/usr/share/datasets/fashion-mnist");
    private static final PluginRegistry REGISTRY = PluginRegistry.discover();

    @Test
    void resumedRunCutsTheSameNeighbourCropsAsAnUninterruptedOne(@TempDir Path runs)
            throws URISyntaxException, IOException {
        assumeTrue(
                Files.isRegularFile(DATA.resolve("train-images-idx3-ubyte.gz")),
                "Fashion-MNIST is not installed in " + DATA);
        RunConfig config =
                ConfigLoader.load(
                        Path.of(
                                KnnMultiCropResumeTest.class
                                        .getResource("/tiny-knn-multi-crop.yaml")
                                        .toURI()),
                        List.of(
                                "dataset.settings.trainLimit=128",
                                "dataset.settings.testLimit=100",
                                "training.batchSize=32",
                                "training.epochs=3",
                                "training.checkpointEvery=1"),
                        REGISTRY);
        TrainingRun uninterrupted = TrainingRun.create(config, runs, REGISTRY);
        uninterrupted.execute(RunListener.NONE);

        // killed in the last epoch, which uses the neighbours found after the second
        TrainingRun interrupted = TrainingRun.create(config, runs, REGISTRY);
        RunListener dying =
                new RunListener() {
                    @Override
                    public void stepFinished(
                            int step, int epoch, double loss, double imagesPerSecond) {
                        if (step == 10) {
                            throw new IllegalStateException("killed");
                        }
                    }
                };
        assertThatThrownBy(() -> interrupted.execute(dying)).hasMessage("killed");
        assertThat(interrupted.directory().resolve("checkpoints/checkpoint-0002.crops"))
                .isNotEmptyFile();
        TrainingRun.resume(interrupted.directory(), REGISTRY).execute(RunListener.NONE);

        Path expected = uninterrupted.directory().resolve("checkpoints/checkpoint-0003.bin");
        Path actual = interrupted.directory().resolve("checkpoints/checkpoint-0003.bin");
        assertThat(Files.mismatch(actual, expected)).isEqualTo(-1L);
    }
}
