package org.wcl4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.wcl4j.core.config.ConfigException;
import org.wcl4j.core.config.RunConfig;
import org.wcl4j.core.registry.PluginRegistry;
import org.wcl4j.core.run.RunOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code wcl4j compare --configs A B ... --seeds 1,2,3 [--set k=v]... [--runs DIR] [--out DIR]}
 * trains every config once per seed and prints one table comparing them: kNN top-1 mean ± sd, its
 * difference to the first config with the paired t-test's p-value, the step-time ratio and the
 * final weak-label precision. The runs live in fixed slots ({@link CompareRuns}), so a second call
 * reuses finished runs and resumes interrupted ones. The table is also written as {@code
 * compare.md} and {@code compare.csv}, with {@code compare.png} and {@code precision.png}.
 */
@Command(
        name = "compare",
        description = {
            "Train several configs over several seeds and compare them in one table.",
            "Each config runs once per seed in <runs>/compare/<name>-seed<k>/; runs that"
                    + " finished are reused, interrupted ones resumed."
        })
final class CompareCommand implements Callable<Integer> {

    /** How else a run of the comparison that stopped goes on. */
    static final String AGAIN =
            "or run the same `wcl4j compare` command again: it resumes this run and reuses the"
                    + " finished ones";

    @Spec private CommandSpec spec;

    @Option(
            names = "--configs",
            required = true,
            arity = "1..*",
            split = ",",
            paramLabel = "CONFIG",
            description =
                    "YAML files or names of shipped configs, each with its own name, separated by"
                            + " spaces or commas (simclr wcl, or simclr,wcl); the first is the"
                            + " reference of the comparison.")
    private List<String> configs = new ArrayList<>();

    @Option(
            names = "--seeds",
            required = true,
            paramLabel = "SEEDS",
            description =
                    "The seeds every config runs with: distinct non-negative integers separated"
                            + " by commas, e.g. 1,2,3.")
    private String seedText = "";

    /** The seeds of {@code --seeds}, once {@link #resolve} has read them. */
    private List<Long> seeds = new ArrayList<>();

    @Option(
            names = "--set",
            paramLabel = "KEY=VALUE",
            description =
                    "Override a value in every config before validation, e.g."
                            + " training.epochs=3. Repeatable. The seed comes from --seeds.")
    private List<String> overrides = new ArrayList<>();

    @Option(
            names = "--runs",
            paramLabel = "DIR",
            defaultValue = "runs",
            description = "The runs go in DIR/compare/ (default: ${DEFAULT-VALUE}).")
    private Path runsRoot = Path.of("runs");

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description =
                    "Where compare.md, compare.csv and the figures go (default: the runs'"
                            + " compare folder).")
    private @Nullable Path out;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();

        // everything is checked before the first run starts
        List<List<RunConfig>> resolved = resolve();
        RunDriver.requireRunsDirectory(runsRoot);
        Path compareRoot = runsRoot.resolve(CompareRuns.FOLDER);
        Path outDir = out != null ? out : compareRoot;
        requireOutDirectory(outDir, "the comparison");
        List<CompareRuns.Planned> plan =
                CompareRuns.plan(compareRoot, resolved.stream().flatMap(List::stream).toList());

        PluginRegistry registry = PluginRegistry.discover();
        RunOptions options = RunOptions.defaults().withCommandLine(Wcl4jCommand.invocation(spec));
        CompareRuns.checkBatches(plan, registry, options, "in --configs ");
        Map<CompareRuns.Planned, Path> directories = new LinkedHashMap<>();
        for (int i = 0; i < plan.size(); i++) {
            CompareRuns.Planned planned = plan.get(i);
            int number = i + 1;
            try {
                // an interruption says so too, after its own `train --resume` line
                directories.put(
                        planned,
                        RunInterruption.withFollowUp(
                                AGAIN,
                                () ->
                                        CompareRuns.execute(
                                                planned,
                                                which(planned, number, plan.size()),
                                                registry,
                                                options,
                                                err)));
            } catch (RunDriver.Failure failure) {
                throw new RunDriver.Failure(
                        failure.note() + "\n" + AGAIN, (RuntimeException) failure.getCause());
            }
        }

        List<Comparison.Method> methods = new ArrayList<>();
        for (List<RunConfig> perSeed : resolved) {
            List<Comparison.RunResult> results = new ArrayList<>();
            for (CompareRuns.Planned planned : plan) {
                if (planned.method().equals(perSeed.get(0).name())) {
                    results.add(Comparison.read(directories.get(planned), planned.seed()));
                }
            }
            methods.add(new Comparison.Method(perSeed.get(0).name(), results));
        }
        List<Comparison.Row> rows = Comparison.rows(methods);
        String table = Comparison.table(rows).render();

        List<String> written = ComparisonFiles.write(outDir, methods, rows, table, seedList(), err);
        stdout.println();
        stdout.print(table);
        stdout.println();
        stdout.printf(
                Locale.ROOT,
                "seeds: %s; reference: %s; runs in %s%n",
                seedList(),
                rows.get(0).method(),
                Reports.path(compareRoot));
        stdout.println("written to " + Reports.path(outDir) + ": " + String.join(", ", written));
        stdout.flush();
        return 0;
    }

    /**
     * Loads every config once per seed, {@code --set} first and the seed last.
     *
     * @return per config (in the given order), its resolved config per seed
     * @throws IllegalArgumentException for a bad seed list, a {@code --set seed=}, a config that
     *     does not load, two configs of one name, or a config without a kNN evaluation
     */
    private List<List<RunConfig>> resolve() {
        seeds = parseSeeds(seedText);
        Set<Long> distinct = new LinkedHashSet<>(seeds);
        if (distinct.size() != seeds.size()) {
            throw new IllegalArgumentException(
                    "expected distinct seeds, found " + seeds + "; list each seed once");
        }
        for (String override : overrides) {
            if (override.strip().startsWith("seed=")) {
                throw new IllegalArgumentException(
                        "expected no --set seed=... (--seeds gives every run its seed), found --set "
                                + override
                                + "; use --seeds instead");
            }
        }
        List<List<RunConfig>> resolved = new ArrayList<>();
        Map<String, String> byFolder = new LinkedHashMap<>();
        for (String config : configs) {
            List<RunConfig> perSeed = new ArrayList<>();
            for (long seed : seeds) {
                List<String> all = new ArrayList<>(overrides);
                all.add("seed=" + seed);
                try {
                    perSeed.add(ConfigSource.load(config, all));
                } catch (ConfigException e) {
                    // the same --set may fit one config and not another: say which
                    throw new IllegalArgumentException(
                            "in --configs "
                                    + config
                                    + (overrides.isEmpty()
                                            ? ""
                                            : " with --set " + String.join(" --set ", overrides))
                                    + ": "
                                    + e.getMessage(),
                            e);
                }
            }
            RunConfig first = perSeed.get(0);
            String folder = CompareRuns.safe(first.name());
            String earlier = byFolder.putIfAbsent(folder, config);
            if (earlier != null && earlier.equals(config)) {
                throw new IllegalArgumentException(
                        "expected each config once in --configs, found "
                                + config
                                + " listed twice; list it once (a comparison with itself needs a"
                                + " copy with another `name:`)");
            }
            if (earlier != null) {
                throw new IllegalArgumentException(
                        "expected every config to have its own name (it names the method and its"
                                + " run folders), found the name '"
                                + first.name()
                                + "' in both "
                                + earlier
                                + " and "
                                + config
                                + "; give one of them another name: with `name:` in its YAML");
            }
            boolean knn = first.evaluation().stream().anyMatch(e -> e.name().equals("knn"));
            if (!knn) {
                throw new IllegalArgumentException(
                        "expected a knn evaluation in "
                                + config
                                + " (the comparison ranks by "
                                + Comparison.KNN_TOP1
                                + "), found "
                                + first.evaluation().stream().map(e -> e.name()).toList()
                                + "; add `- {name: knn}` under `evaluation:`");
            }
            resolved.add(perSeed);
        }
        return resolved;
    }

    private static String which(CompareRuns.Planned planned, int number, int count) {
        return String.format(
                Locale.ROOT,
                "run %d/%d: %s seed %d",
                number,
                count,
                planned.method(),
                planned.seed());
    }

    /**
     * The seeds of {@code --seeds}: comma-separated non-negative integers. A negative seed is
     * refused: it would make folder names such as {@code simclr-seed-1}, which read as a range.
     *
     * @throws IllegalArgumentException saying what was expected and what was found
     */
    static List<Long> parseSeeds(String text) {
        List<Long> parsed = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            String seed = part.strip();
            if (!seed.matches("\\d{1,18}")) {
                throw new IllegalArgumentException(
                        "expected --seeds to be a comma-separated list of non-negative integers,"
                                + " found '"
                                + text
                                + "'"
                                + (seed.isEmpty()
                                        ? " (an empty entry)"
                                        : seed.matches("-\\d+")
                                                ? " ('"
                                                        + seed
                                                        + "' is negative, which would make"
                                                        + " folders such as name-seed"
                                                        + seed
                                                        + ")"
                                                : " ('" + seed + "' is not one)")
                                + "; e.g. --seeds 1,2,3");
            }
            parsed.add(Long.parseLong(seed));
        }
        return parsed;
    }

    private String seedList() {
        return String.join(", ", seeds.stream().map(String::valueOf).toList());
    }

    /**
     * Makes the output folder, or says why it cannot be.
     *
     * @param what what goes there, for the message, e.g. {@code the comparison}
     */
    static void requireOutDirectory(Path outDir, String what) {
        Path existing = outDir.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null && !Files.isDirectory(existing)) {
            throw new IllegalArgumentException(
                    "expected a folder for "
                            + what
                            + " at "
                            + outDir
                            + ", found "
                            + (existing.equals(outDir.toAbsolutePath())
                                    ? "a file"
                                    : "a file in its way, " + existing)
                            + "; choose another with --out DIR");
        }
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "expected a folder that can be written for "
                            + what
                            + " at "
                            + outDir
                            + ", found that it cannot be made ("
                            + e.getMessage()
                            + "); choose another with --out DIR",
                    e);
        }
        try {
            // the way to be sure across permissions, read-only mounts and full disks
            Files.delete(Files.createTempFile(outDir, ".wcl4j-", ".probe"));
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "expected a folder that can be written for "
                            + what
                            + " at "
                            + outDir
                            + ", found that it cannot be written to ("
                            + e.getMessage()
                            + "); choose another with --out DIR",
                    e);
        }
    }
}
