package org.wcl4j.core.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
 * found. Only the latest checkpoint is kept.
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

    /** The newest complete checkpoint, if any. */
    Optional<Checkpoint> latest() throws IOException {
        if (!Files.isDirectory(directory)) {
            return Optional.empty();
        }
        List<Path> candidates = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            files.filter(f -> JSON.matcher(f.getFileName().toString()).matches())
                    .forEach(candidates::add);
        }
        candidates.sort(Comparator.comparingInt(CheckpointStore::epochOf).reversed());
        for (Path json : candidates) {
            String name = json.getFileName().toString();
            Path network = json.resolveSibling(name.replace(".json", ".bin"));
            if (!Files.isRegularFile(network)) {
                LOG.warn("ignoring checkpoint {}: its network file is missing", json);
                continue;
            }
            Path crops = json.resolveSibling(name.replace(".json", CROPS));
            try {
                return Optional.of(
                        new Checkpoint(
                                JsonFiles.read(json, CheckpointState.class),
                                network,
                                Files.isRegularFile(crops)
                                        ? Files.readAllBytes(crops)
                                        : new byte[0]));
            } catch (IOException e) {
                LOG.warn("ignoring unreadable checkpoint {}: {}", json, e.getMessage());
            }
        }
        return Optional.empty();
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
