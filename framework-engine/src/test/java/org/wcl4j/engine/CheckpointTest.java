package org.wcl4j.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.wcl4j.api.model.Head;

class CheckpointTest {

    private static final int N = 4;

    @TempDir Path directory;

    @Test
    void roundTripRestoresParametersAndMomentumSoTheNextStepMatches() throws IOException {
        OptimizerSettings optimizer = Fixtures.optimizer(0.1);
        ContrastiveNetwork original = Fixtures.network(1, DataType.FLOAT, optimizer);
        TrainingStep originalStep = Fixtures.step(original, N, optimizer);
        for (int t = 0; t < 2; t++) {
            originalStep.run(Fixtures.views(N, t), Fixtures.context(N), t);
        }
        Path file = directory.resolve("checkpoints").resolve("last.ckpt");
        original.saveCheckpoint(file);

        ContrastiveNetwork restored = Fixtures.network(99, DataType.FLOAT, optimizer);
        assertThat(Fixtures.parameters(restored)).isNotEqualTo(Fixtures.parameters(original));
        restored.loadCheckpoint(file);
        assertThat(Fixtures.parameters(restored)).isEqualTo(Fixtures.parameters(original));

        // the momentum buffer came back too: the next step gives the same loss and parameters
        TrainingStep restoredStep = Fixtures.step(restored, N, optimizer);
        double originalLoss = originalStep.run(Fixtures.views(N, 2), Fixtures.context(N), 2).loss();
        double restoredLoss = restoredStep.run(Fixtures.views(N, 2), Fixtures.context(N), 2).loss();
        assertThat(restoredLoss).isEqualTo(originalLoss);
        assertThat(Fixtures.parameters(restored)).isEqualTo(Fixtures.parameters(original));
    }

    @Test
    void savingReplacesTheFileAndLeavesNoTemporaryFile() throws IOException {
        ContrastiveNetwork network = Fixtures.network(1, DataType.FLOAT, Fixtures.optimizer(0.1));
        Path file = directory.resolve("last.ckpt");
        network.saveCheckpoint(file);
        network.saveCheckpoint(file);

        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void loadingAnotherArchitectureFailsClearly() throws IOException {
        Path file = directory.resolve("small.ckpt");
        Fixtures.network(1, DataType.FLOAT, Fixtures.optimizer(0.1)).saveCheckpoint(file);
        Map<String, Head> heads = new LinkedHashMap<>();
        heads.put("a", new TinyHead(8, 3));
        ContrastiveNetwork other =
                ContrastiveNetwork.build(
                        new TinyEncoder(3), heads, Fixtures.SHAPE, Fixtures.optimizer(0.1), 1);
        double[] before = Fixtures.parameters(other);

        assertThatThrownBy(() -> other.loadCheckpoint(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(
                        "holds "
                                + Fixtures.parameters(
                                                Fixtures.network(
                                                        1, DataType.FLOAT, Fixtures.optimizer(0.1)))
                                        .length
                                + " parameters")
                .hasMessageContaining("this network has " + other.parameterCount());
        assertThat(Fixtures.parameters(other)).isEqualTo(before);
    }

    @Test
    void truncatedCheckpointIsReportedAsDamagedWithItsFile() throws IOException {
        Path file = directory.resolve("cut.ckpt");
        Fixtures.network(1, DataType.FLOAT, Fixtures.optimizer(0.1)).saveCheckpoint(file);
        byte[] whole = Files.readAllBytes(file);
        ContrastiveNetwork network = Fixtures.network(2, DataType.FLOAT, Fixtures.optimizer(0.1));
        double[] before = Fixtures.parameters(network);

        // cut inside the header, and inside the arrays
        for (int length : new int[] {10, whole.length - 7}) {
            Files.write(file, Arrays.copyOf(whole, length));

            assertThatThrownBy(() -> network.loadCheckpoint(file))
                    .as("cut to %d of %d bytes", length, whole.length)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("checkpoint " + file + " is damaged: expected a whole");
            assertThat(Fixtures.parameters(network)).isEqualTo(before);
        }
    }

    @Test
    void randomBytesAreNotReadAsACheckpoint() throws IOException {
        Path file = directory.resolve("noise.ckpt");
        byte[] noise = new byte[4096];
        new Random(5).nextBytes(noise);
        Files.write(file, noise);
        ContrastiveNetwork network = Fixtures.network(2, DataType.FLOAT, Fixtures.optimizer(0.1));

        assertThatThrownBy(() -> network.loadCheckpoint(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("checkpoint " + file);
    }
}
