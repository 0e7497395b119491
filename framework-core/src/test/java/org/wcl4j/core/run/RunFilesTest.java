package org.wcl4j.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files of a run directory on their own: atomic writes, checkpoints, metrics. */
class RunFilesTest {

    @TempDir Path folder;

    @Test
    void failedAtomicWriteLeavesTheOldContentAndNoTemporaryFile() throws IOException {
        Path target = folder.resolve("state.json");
        AtomicFiles.write(target, "old".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(
                        () ->
                                AtomicFiles.write(
                                        target,
                                        file -> {
                                            Files.writeString(file, "half of the n");
                                            throw new IOException("disk full");
                                        }))
                .isInstanceOf(IOException.class)
                .hasMessage("disk full");

        assertThat(target).hasContent("old");
        assertThat(listing()).containsExactly("state.json");
    }

    @Test
    void checkpointWriteThatFailsMidwayKeepsThePreviousCheckpoint() throws IOException {
        CheckpointStore store = new CheckpointStore(folder);
        CheckpointState first = state(1, 5);
        store.write(first, file -> Files.writeString(file, "network after epoch 1"));

        assertThatThrownBy(
                        () ->
                                store.write(
                                        state(2, 10),
                                        file -> {
                                            Files.writeString(file, "network after ep");
                                            throw new IOException("killed");
                                        }))
                .isInstanceOf(IOException.class);

        CheckpointStore.Checkpoint latest = store.latest().orElseThrow();
        assertThat(latest.state()).isEqualTo(first);
        assertThat(latest.network()).hasContent("network after epoch 1");
        assertThat(listing()).containsExactly("checkpoint-0001.bin", "checkpoint-0001.json");
    }

    @Test
    void networkFileWithoutItsJsonIsNotACheckpoint() throws IOException {
        CheckpointStore store = new CheckpointStore(folder);
        store.write(state(1, 5), file -> Files.writeString(file, "one"));
        // as if the process died between the network file and the JSON of epoch 2
        Files.writeString(folder.resolve("checkpoint-0002.bin"), "two");

        assertThat(store.latest()).get().extracting(c -> c.state().epochs()).isEqualTo(1);
    }

    @Test
    void checkpointJsonThatDoesNotParseIsAnErrorNotAFreshStart() throws IOException {
        Path run = Files.createDirectories(folder.resolve("run"));
        CheckpointStore store = new CheckpointStore(run.resolve("checkpoints"));
        store.write(state(1, 5), file -> Files.writeString(file, "one"));
        Files.writeString(run.resolve("checkpoints/checkpoint-0001.json"), "{ broken");

        assertThatThrownBy(store::latest)
                .isInstanceOf(CheckpointException.class)
                .hasMessageStartingWith(
                        "checkpoint "
                                + run.resolve("checkpoints/checkpoint-0001.json")
                                + " is damaged: expected the JSON of a checkpoint, found ")
                .hasMessageContaining(
                        "Delete "
                                + run.resolve("checkpoints/checkpoint-0001.*")
                                + " to train the run again from step 0 with `wcl4j train"
                                + " --resume "
                                + run
                                + "`, or start a new run");
    }

    @Test
    void checkpointWithoutItsNetworkFileIsAnError() throws IOException {
        CheckpointStore store = new CheckpointStore(folder);
        store.write(state(1, 5), file -> Files.writeString(file, "one"));
        Files.delete(folder.resolve("checkpoint-0001.bin"));

        assertThatThrownBy(store::latest)
                .isInstanceOf(CheckpointException.class)
                .hasMessageStartingWith(
                        "checkpoint "
                                + folder.resolve("checkpoint-0001.json")
                                + " is damaged: expected its network file checkpoint-0001.bin"
                                + " beside it, found none; ");
        assertThat(store.latestEpochs()).hasValue(1);
    }

    @Test
    void onlyTheLatestCheckpointIsKept() throws IOException {
        CheckpointStore store = new CheckpointStore(folder);
        for (int epoch = 1; epoch <= 3; epoch++) {
            String content = "network " + epoch;
            store.write(state(epoch, epoch * 5), file -> Files.writeString(file, content));
        }

        assertThat(listing()).containsExactly("checkpoint-0003.bin", "checkpoint-0003.json");
        CheckpointStore.Checkpoint latest = store.latest().orElseThrow();
        assertThat(latest.state()).isEqualTo(state(3, 15));
        assertThat(latest.network()).hasContent("network 3");
    }

    @Test
    void cropStateTravelsWithItsCheckpointAndGoesWithIt() throws IOException {
        CheckpointStore store = new CheckpointStore(folder);
        store.write(state(1, 5), file -> Files.writeString(file, "one"), new byte[] {1, 2, 3});
        assertThat(store.latest().orElseThrow().crops()).containsExactly(1, 2, 3);

        store.write(state(2, 10), file -> Files.writeString(file, "two"), new byte[] {4});
        assertThat(listing())
                .containsExactly(
                        "checkpoint-0002.bin", "checkpoint-0002.crops", "checkpoint-0002.json");
        assertThat(store.latest().orElseThrow().crops()).containsExactly(4);

        // a strategy without state writes no file, and the old one does not linger
        store.write(state(3, 15), file -> Files.writeString(file, "three"));
        assertThat(listing()).containsExactly("checkpoint-0003.bin", "checkpoint-0003.json");
        assertThat(store.latest().orElseThrow().crops()).isEmpty();
    }

    @Test
    void metricsRowsFollowTheHeaderAndLeaveMissingValuesEmpty() throws IOException {
        Path file = folder.resolve("metrics.csv");
        try (MetricsWriter metrics =
                MetricsWriter.create(file, List.of("epoch", "step", "loss", "lr"))) {
            Map<String, Double> row = new LinkedHashMap<>();
            row.put("step", 7.0);
            row.put("epoch", 1.0);
            row.put("loss", 2.5);
            row.put("extra", 9.0);
            metrics.write(row);
        }

        assertThat(Files.readAllLines(file)).containsExactly("epoch,step,loss,lr", "1,7,2.5,");
        assertThat(MetricsWriter.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(MetricsWriter.number(1.0e-4)).isEqualTo("1.0E-4");
    }

    @Test
    void truncationKeepsStepsBeforeTheCheckpointAndDropsACutLine() throws IOException {
        Path file = folder.resolve("metrics.csv");
        Files.writeString(
                file,
                String.join(
                                "\n",
                                "epoch,step,loss",
                                "0,0,4.0",
                                "0,1,3.5",
                                "1,2,3.0",
                                "1,3,2.5",
                                "2,4,2.")
                        + "\n");

        MetricsWriter.truncate(file, 3);

        assertThat(Files.readAllLines(file))
                .containsExactly("epoch,step,loss", "0,0,4.0", "0,1,3.5", "1,2,3.0");
        MetricsWriter.truncate(file, 0);
        assertThat(Files.readAllLines(file)).containsExactly("epoch,step,loss");
    }

    @Test
    void appendingRefusesAFileWithAnotherHeader() throws IOException {
        Path file = folder.resolve("metrics.csv");
        Files.writeString(file, "epoch,step,loss\n");

        assertThatThrownBy(() -> MetricsWriter.append(file, List.of("epoch", "step", "loss", "lr")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("expected the header 'epoch,step,loss,lr'");
    }

    @Test
    void appendingToAFileOfAnEarlierVersionKeepsItsColumns() throws IOException {
        Path file = folder.resolve("metrics.csv");
        Files.writeString(file, "step,weak/components,weak/precision,weak/recall\n");
        List<String> columns = new java.util.ArrayList<>(List.of("step"));
        columns.addAll(MetricsWriter.WEAK);

        try (MetricsWriter metrics = MetricsWriter.append(file, columns)) {
            metrics.write(
                    Map.of(
                            "step", 3.0,
                            "weak/components", 2.0,
                            "weak/precision", 0.5,
                            "weak/recall", 0.25,
                            "weak/reciprocity", 1.0,
                            "weak/size-2", 1.0));
        }

        assertThat(Files.readAllLines(file))
                .containsExactly("step,weak/components,weak/precision,weak/recall", "3,2,0.5,0.25");
    }

    @Test
    void epochOrderIsAPermutationFixedBySeedAndEpoch() {
        int[] order = Batches.permutation(5, 2, 50);

        assertThat(order).hasSize(50);
        assertThat(Arrays.stream(order).sorted().toArray())
                .isEqualTo(java.util.stream.IntStream.range(0, 50).toArray());
        assertThat(Batches.permutation(5, 2, 50)).isEqualTo(order);
        assertThat(Batches.permutation(5, 3, 50)).isNotEqualTo(order);
        assertThat(Batches.permutation(6, 2, 50)).isNotEqualTo(order);
    }

    @Test
    void splitSmallerThanOneBatchFailsWithWhatToChange() {
        assertThat(Batches.perEpoch(40, 8)).isEqualTo(5);
        assertThat(Batches.perEpoch(41, 8)).isEqualTo(5);
        assertThatThrownBy(() -> Batches.perEpoch(100, 256))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "the training split has 100 images, fewer than one batch of 256; lower"
                                + " training.batchSize (e.g. --set training.batchSize=64) or"
                                + " train on more images");
    }

    @Test
    void gitCommitIsReadFromLooseAndPackedRefs() throws IOException {
        Path git = folder.resolve("repo/.git");
        Files.createDirectories(git.resolve("refs/heads"));
        Path inside = Files.createDirectories(folder.resolve("repo/module/src"));
        Files.writeString(git.resolve("HEAD"), "ref: refs/heads/main\n");
        Files.writeString(
                git.resolve("packed-refs"),
                "# pack-refs with: peeled\n"
                        + "1111111111111111111111111111111111111111 refs/heads/other\n"
                        + "2222222222222222222222222222222222222222 refs/heads/main\n");

        assertThat(Provenance.gitCommit(inside)).contains("2".repeat(40));

        Files.writeString(git.resolve("refs/heads/main"), "3".repeat(40) + "\n");
        assertThat(Provenance.gitCommit(inside)).contains("3".repeat(40));

        Files.writeString(git.resolve("HEAD"), "4".repeat(40) + "\n");
        assertThat(Provenance.gitCommit(inside)).contains("4".repeat(40));
        assertThat(Provenance.gitCommit(folder)).isEmpty();
    }

    private static CheckpointState state(int epochs, int steps) {
        return new CheckpointState(
                epochs,
                steps,
                steps * 8L,
                steps * 0.5,
                steps * 0.6,
                1.0 / epochs,
                Map.of("centroid/top1", 25.0),
                List.of(Map.of("loss", 2.0)),
                steps - 1,
                (steps - 1) * 0.5);
    }

    private List<String> listing() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
