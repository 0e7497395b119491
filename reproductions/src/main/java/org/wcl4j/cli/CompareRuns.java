package org.wcl4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Stream;
import org.wcl4j.core.config.ConfigLoader;
import org.wcl4j.core.config.RunConfig;
import org.wcl4j.core.registry.PluginRegistry;
import org.wcl4j.core.run.RunOptions;
import org.wcl4j.core.run.TrainingRun;

/**
 * Where {@code wcl4j compare} keeps the run of each (config, seed) and what state it is in.
 *
 * <p>Every pair gets a fixed slot, {@code <runs>/compare/<name>-seed<k>/}, that holds the one run
 * directory {@code train} makes for it, {@code <name>-<yyyyMMdd-HHmmss>/}. A later {@code compare}
 * finds that directory again: it reuses a finished run, resumes an interrupted one, and refuses one
 * whose resolved {@code config.yaml} is not the config now requested (keys that only change the
 * log, {@link #LOGGING_ONLY}, aside).
 */
final class CompareRuns {

    /** The folder under {@code --runs} that holds the slots and, by default, the comparison. */
    static final String FOLDER = "compare";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** How many differing keys a refusal lists before it says how many more there are. */
    private static final int LISTED_DIFFERENCES = 8;

    private CompareRuns() {}

    /** What a slot holds. */
    enum State {
        /** No run yet: one is created. */
        NEW,
        /** A run with its {@code summary.json}: reused as it is. */
        FINISHED,
        /** A run without {@code summary.json}: resumed from its last checkpoint. */
        INTERRUPTED
    }

    /**
     * One run of the comparison.
     *
     * @param method the config's name
     * @param seed the seed it runs with
     * @param config the resolved config, seed included
     * @param slot the folder that holds its run directory
     * @param state what the slot holds
     * @param directory the run directory, when the slot holds one
     * @param checkpointedEpochs for an interrupted run, the epochs done at its newest checkpoint;
     *     empty when it has none yet (it then starts over) and for the other states
     */
    record Planned(
            String method,
            long seed,
            RunConfig config,
            Path slot,
            State state,
            Optional<Path> directory,
            OptionalInt checkpointedEpochs) {}

    /**
     * The keys of a config that change only what is logged while training, never a number the run
     * writes: {@code training.logEvery} sets how often a progress line goes into the log, and
     * nothing else reads it. A run is reused whatever these are.
     */
    static final Set<String> LOGGING_ONLY = Set.of("training.logEvery");

    /**
     * Builds the plugins of every method that still has a run to train and checks that they accept
     * a batch of its shape (the data set holds a batch, the labeller can label it), so that a
     * method that cannot run is refused before the first run trains. Seeds do not change shapes, so
     * one seed per method is checked.
     *
     * @param where what a refusal starts with, before the method's name, e.g. {@code in --configs }
     * @throws IllegalArgumentException for the first method that cannot run
     */
    static void checkBatches(
            List<Planned> plan, PluginRegistry registry, RunOptions options, String where) {
        Set<String> checked = new HashSet<>();
        for (Planned planned : plan) {
            if (planned.state() == State.FINISHED || !checked.add(planned.method())) {
                continue;
            }
            try {
                TrainingRun.check(planned.config(), registry, options);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        where + planned.method() + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * Runs, resumes or skips one planned run, saying which on {@code err}.
     *
     * @param which how the run is named in what is printed, e.g. {@code run 2/4: wcl seed 1}
     * @return its run directory, which then holds a {@code summary.json}
     */
    static Path execute(
            Planned planned,
            String which,
            PluginRegistry registry,
            RunOptions options,
            PrintWriter err) {
        switch (planned.state()) {
            case FINISHED -> {
                Path directory = planned.directory().orElseThrow();
                err.println(which + ": skipped, already finished in " + Reports.path(directory));
                if (RunDriver.completeFinished(directory, err)) {
                    err.println(
                            which + ": its report and figures were missing, and are written again");
                }
                err.flush();
                return directory;
            }
            case INTERRUPTED -> {
                Path directory = planned.directory().orElseThrow();
                err.println(
                        which
                                + ": "
                                + resumed(planned.checkpointedEpochs())
                                + " in "
                                + Reports.path(directory));
                err.flush();
                return RunDriver.resume(directory, registry, options, err).summary().directory();
            }
            default -> {
                TrainingRun run =
                        TrainingRun.create(planned.config(), planned.slot(), registry, options);
                err.println(which + ": started in " + Reports.path(run.directory()));
                err.flush();
                return RunDriver.execute(run, err).summary().directory();
            }
        }
    }

    /** What resuming a run does, by the epochs of its newest checkpoint. */
    static String resumed(OptionalInt checkpointedEpochs) {
        return checkpointedEpochs.isPresent()
                ? "resumed from the checkpoint after epoch " + checkpointedEpochs.getAsInt()
                : "resumed: no checkpoint yet, so it starts over";
    }

    /** The slot of a (config, seed): {@code <compareRoot>/<name>-seed<k>}. */
    static Path slot(Path compareRoot, String name, long seed) {
        return compareRoot.resolve(safe(name) + "-seed" + seed);
    }

    /** A config name made safe for a folder name: anything unusual becomes '-'. */
    static String safe(String name) {
        String safe = name.replaceAll("[^A-Za-z0-9._-]", "-");
        return safe.isEmpty() || safe.startsWith(".") ? "run" + safe : safe;
    }

    /**
     * Looks at the slot of every config and says what to do with each, in the given order.
     *
     * @throws IllegalArgumentException when a slot holds more than one run directory, or when runs
     *     of other configs are in the way; the message names every such run, which keys differ and
     *     what to do
     */
    static List<Planned> plan(Path compareRoot, List<RunConfig> configs) {
        List<Planned> plan = new ArrayList<>();
        List<String> conflicts = new ArrayList<>();
        List<String> slots = new ArrayList<>();
        for (RunConfig config : configs) {
            Path slot = slot(compareRoot, config.name(), config.seed());
            Optional<Path> directory = runDirectory(slot);
            if (directory.isEmpty()) {
                plan.add(
                        new Planned(
                                config.name(),
                                config.seed(),
                                config,
                                slot,
                                State.NEW,
                                directory,
                                OptionalInt.empty()));
                continue;
            }
            Path run = directory.get();
            List<String> differences = differences(run.resolve("config.yaml"), config);
            if (!differences.isEmpty()) {
                conflicts.add(
                        "- "
                                + config.name()
                                + " seed "
                                + config.seed()
                                + " in "
                                + Reports.path(run)
                                + ": "
                                + String.join("; ", differences));
                slots.add(Reports.path(slot));
                continue;
            }
            boolean finished = Files.isRegularFile(run.resolve(RunDriver.SUMMARY));
            plan.add(
                    new Planned(
                            config.name(),
                            config.seed(),
                            config,
                            slot,
                            finished ? State.FINISHED : State.INTERRUPTED,
                            directory,
                            finished ? OptionalInt.empty() : TrainingRun.checkpointedEpochs(run)));
        }
        if (!conflicts.isEmpty()) {
            throw new IllegalArgumentException(
                    "expected the runs already in "
                            + Reports.path(compareRoot)
                            + " to have the configs now requested, found "
                            + (conflicts.size() == 1 ? "one run" : conflicts.size() + " runs")
                            + " with other values:\n"
                            + String.join("\n", conflicts)
                            + "\nTo keep "
                            + (conflicts.size() == 1 ? "that run" : "those runs")
                            + ", use another --runs DIR; to train "
                            + (conflicts.size() == 1 ? "this config" : "these configs")
                            + " anew, delete "
                            + String.join(" ", slots));
        }
        return plan;
    }

    /** The run directory in a slot: its one subfolder with a {@code config.yaml}. */
    private static Optional<Path> runDirectory(Path slot) {
        if (!Files.isDirectory(slot)) {
            if (Files.exists(slot)) {
                throw new IllegalArgumentException(
                        "expected a folder for runs at "
                                + Reports.path(slot)
                                + ", found a file; move it away or choose another --runs DIR");
            }
            return Optional.empty();
        }
        List<Path> runs;
        try (Stream<Path> entries = Files.list(slot)) {
            runs =
                    entries.filter(p -> Files.isRegularFile(p.resolve("config.yaml")))
                            .sorted()
                            .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + slot, e);
        }
        if (runs.size() > 1) {
            throw new IllegalArgumentException(
                    "expected at most one run directory in "
                            + Reports.path(slot)
                            + ", found "
                            + runs.size()
                            + ": "
                            + runs.stream().map(p -> p.getFileName().toString()).toList()
                            + "; delete the ones that should not count");
        }
        return runs.stream().findFirst();
    }

    /**
     * The keys whose values differ between a run's {@code config.yaml} and {@code requested}, as
     * {@code key is X there, Y requested}, keys spelt as for {@code --set}. Only leaves count (an
     * empty mapping or list is the same as none), and the {@link #LOGGING_ONLY} keys not at all.
     */
    static List<String> differences(Path configFile, RunConfig requested) {
        Map<String, String> there;
        Map<String, String> wanted;
        try {
            there = flatten(YAML.readTree(configFile.toFile()));
            wanted = flatten(YAML.readTree(ConfigLoader.toYaml(requested)));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + configFile, e);
        }
        Set<String> keys = new LinkedHashSet<>(wanted.keySet());
        keys.addAll(there.keySet());
        List<String> differences = new ArrayList<>();
        int more = 0;
        for (String key : keys) {
            String old = there.get(key);
            String now = wanted.get(key);
            if (LOGGING_ONLY.contains(key) || (old == null ? now == null : old.equals(now))) {
                continue;
            }
            if (differences.size() == LISTED_DIFFERENCES) {
                more++;
                continue;
            }
            differences.add(
                    key
                            + " is "
                            + (old == null ? "absent" : old)
                            + " there, "
                            + (now == null ? "absent" : now)
                            + " requested");
        }
        if (more > 0) {
            differences.add("and " + more + " more");
        }
        return differences;
    }

    /**
     * Every leaf of a YAML tree under its dotted path, list items by index; an empty mapping or
     * list has no leaves, so {@code settings: {}} and a missing {@code settings} are alike.
     */
    private static Map<String, String> flatten(JsonNode root) {
        Map<String, String> leaves = new LinkedHashMap<>();
        flatten("", root, leaves);
        return leaves;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> leaves) {
        if (node.isObject()) {
            node.properties().forEach(e -> flatten(join(prefix, e.getKey()), e.getValue(), leaves));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(join(prefix, String.valueOf(i)), node.get(i), leaves);
            }
        } else {
            leaves.put(prefix, node.isValueNode() ? node.asText() : node.toString());
        }
    }

    private static String join(String prefix, String key) {
        return prefix.isEmpty() ? key : prefix + "." + key;
    }
}
