package org.wcl4j.core.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code checkpoints/} folder: after epoch N, {@code checkpoint-000N.bin} (the engine's
 * parameters and updater state), {@code checkpoint-000N.crops} (the crop strategy's state, only
 * when it has one) and {@code checkpoint-000N.json} (a {@link CheckpointState}).
 *
 * <p>Every file is written atomically, the JSON last, and a checkpoint counts only once its JSON
 * exists, so a write that fails or is killed midway leaves the previous checkpoint intact and
 * found. Only the latest checkpoint is kept. A newest checkpoint that is damaged all the same (its
 * JSON garbled, its network file gone) is an error, never silently passed over: that would throw
 * away the run's progress.
 */
final class CheckpointStore {

    private static final Logger LOG = LoggerFactory.getLogger(CheckpointStore.class);
    private static final Pattern JSON = Pattern.compile("checkpoint-(\\d+)\\.json");
    private static final String CROPS = ".crops";

    /**
     * A checkpoint found on disk.
     *
     * @param crops the crop strategy's state; empty when it kept none
     */
    record Checkpoint(CheckpointState state, Path network, byte[] crops) {}

    private final Path directory;

    CheckpointStore(Path directory) {
        this.directory = directory;
    }

    /** Writes a checkpoint of a run whose crop strategy keeps no state. */
    void write(CheckpointState state, AtomicFiles.FileWriter network) throws IOException {
        write(state, network, new byte[0]);
    }

    /**
     * Writes a checkpoint, then deletes older ones.
     *
     * @param network writes the engine's state to the given file
     * @param crops the crop strategy's state; nothing is written when it is empty
     */
    void write(CheckpointState state, AtomicFiles.FileWriter network, byte[] crops)
            throws IOException {
        Files.createDirectories(directory);
        String base = String.format(Locale.ROOT, "checkpoint-%04d", state.epochs());
        AtomicFiles.write(directory.resolve(base + ".bin"), network);
        if (crops.length > 0) {
            AtomicFiles.write(directory.resolve(base + CROPS), crops);
        }
        JsonFiles.write(directory.resolve(base + ".json"), state);
        deleteAllBut(base);
        LOG.debug("wrote checkpoint {} after step {}", base, state.steps());
    }

    /**
     * The newest checkpoint, if any.
     *
     * @throws CheckpointException when its JSON does not parse or its network file is missing:
     *     since the JSON is written last, either means the files were changed from outside
     */
    Optional<Checkpoint> latest() throws IOException {
        Optional<Path> newest = newestJson();
        if (newest.isEmpty()) {
            return Optional.empty();
        }
        Path json = newest.get();
        String name = json.getFileName().toString();
        Path network = json.resolveSibling(name.replace(".json", ".bin"));
        if (!Files.isRegularFile(network)) {
            throw new CheckpointException(
                    "checkpoint "
                            + json
                            + " is damaged: expected its network file "
                            + network.getFileName()
                            + " beside it, found none",
                    network,
                    null);
        }
        CheckpointState state;
        try {
            state = JsonFiles.read(json, CheckpointState.class);
        } catch (JsonProcessingException e) {
            throw new CheckpointException(
                    "checkpoint "
                            + json
                            + " is damaged: expected the JSON of a checkpoint, found "
                            + e.getOriginalMessage(),
                    json,
                    e);
        }
        Path crops = json.resolveSibling(name.replace(".json", CROPS));
        byte[] cropState = Files.isRegularFile(crops) ? Files.readAllBytes(crops) : new byte[0];
        return Optional.of(new Checkpoint(state, network, cropState));
    }

    /**
     * The epochs done at the newest checkpoint, from its file name alone (cheap enough for a
     * shutdown hook); empty when there is none.
     */
    OptionalInt latestEpochs() throws IOException {
        return newestJson().map(json -> OptionalInt.of(epochOf(json))).orElse(OptionalInt.empty());
    }

    /** The JSON file of the newest checkpoint: it is written last, so it marks a whole one. */
    private Optional<Path> newestJson() throws IOException {
        if (!Files.isDirectory(directory)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> JSON.matcher(f.getFileName().toString()).matches())
                    .max(Comparator.comparingInt(CheckpointStore::epochOf));
        }
    }

    private void deleteAllBut(String keep) throws IOException {
        List<Path> stale = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            files.filter(
                            f -> {
                                String name = f.getFileName().toString();
                                return (name.startsWith("checkpoint-")
                                                || name.startsWith(".checkpoint-"))
                                        && !name.startsWith(keep + ".");
                            })
                    .forEach(stale::add);
        }
        for (Path file : stale) {
            Files.deleteIfExists(file);
        }
    }

    private static int epochOf(Path json) {
        Matcher matcher = JSON.matcher(json.getFileName().toString());
        return matcher.matches() ? Integer.parseInt(matcher.group(1)) : -1;
    }
}
