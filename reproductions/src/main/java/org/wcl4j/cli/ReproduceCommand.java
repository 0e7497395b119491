package org.wcl4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.wcl4j.core.config.RunConfig;
import org.wcl4j.core.registry.PluginRegistry;
import org.wcl4j.core.run.RunOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code wcl4j reproduce TABLE --profile PROFILE [--seeds 1,2] [--set k=v]... [--runs DIR] [--out
 * DIR] [--plan]} runs every cell of one of the paper's tables ({@link ReproductionTable}) once per
 * seed, and writes {@code report.md}, the CSVs and the figure ({@link ReproductionFiles}): our mean
 * ± sd beside the paper's number for each cell, and the paper's claims checked on our numbers.
 *
 * <p>The runs live in fixed slots, {@code <runs>/reproduce/table<N>-<profile>/<cell>-seed<k>/}, as
 * for {@code compare} ({@link CompareRuns}): a second call reuses the finished runs, resumes an
 * interrupted one, and refuses one whose config has changed.
 */
@Command(
        name = "reproduce",
        description = {
            "Run every cell of one of the paper's tables over seeds and report it beside the"
                    + " paper's numbers, with the paper's claims checked on ours.",
            "Cells run in <runs>/reproduce/table<N>-<profile>/<cell>-seed<k>/; finished ones are"
                    + " reused, interrupted ones resumed."
        })
final class ReproduceCommand implements Callable<Integer> {

    /** How else a stopped table goes on. */
    static final String AGAIN =
            "or run the same `wcl4j reproduce` command again: it resumes this run and reuses the"
                    + " finished ones";

    /** The folder under {@code --runs} that holds the tables. */
    static final String FOLDER = "reproduce";

    @Spec private CommandSpec spec;

    @Parameters(
            index = "0",
            paramLabel = "TABLE",
            description =
                    "The paper's table: 1 (SimCLR vs WCL over batch sizes and lengths), 2 (two"
                            + " heads and multi-crop), 3 (K-NN multi-crop warm-up), 4 (cost); or a"
                            + " table YAML file of the same form.")
    private String tableName = "";

    @Option(
            names = "--profile",
            required = true,
            paramLabel = "PROFILE",
            description =
                    "How the cells are scaled: paper (the paper's settings, for a GPU machine"
                            + " with CIFAR), cpu (Fashion-MNIST on a 2-core machine) or smoke (a"
                            + " few steps per cell).")
    private String profileName = "";

    @Option(
            names = "--seeds",
            paramLabel = "SEEDS",
            description = "The seeds every cell runs with, e.g. 1,2,3 (default: the profile's).")
    private @Nullable String seedText;

    @Option(
            names = "--set",
            paramLabel = "KEY=VALUE",
            description =
                    "Override a value in every cell after the table's own overrides, e.g."
                            + " dataset.settings.directory=/data/cifar. Repeatable.")
    private List<String> overrides = new ArrayList<>();

    @Option(
            names = "--runs",
            paramLabel = "DIR",
            defaultValue = "runs",
            description = "The runs go in DIR/reproduce/ (default: ${DEFAULT-VALUE}).")
    private Path runsRoot = Path.of("runs");

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description =
                    "Where report.md, the CSVs and the figure go (default: the table's folder of"
                            + " runs).")
    private @Nullable Path out;

    @Option(
            names = "--plan",
            description =
                    "Print the cells, their overrides and what each run's slot holds, then stop"
                            + " without training.")
    private boolean planOnly;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();

        // everything is checked before the first run starts
        ReproductionTableFile.Loaded loaded = ReproductionTableFile.load(tableName);
        ReproductionTable table = loaded.table();
        ReproductionTable.Profile profile = profile(table);
        List<Long> seeds = seeds(profile);
        for (String override : overrides) {
            String key = override.strip();
            if (key.startsWith("seed=") || key.startsWith("name=")) {
                throw new IllegalArgumentException(
                        "expected no --set "
                                + key.substring(0, key.indexOf('='))
                                + "=... (the table names every cell and --seeds gives the seeds),"
                                + " found --set "
                                + override
                                + (key.startsWith("seed=")
                                        ? "; use --seeds instead"
                                        : "; the runs are named after the cells, so leave it"
                                                + " out"));
            }
        }
        List<List<ReproductionCells.Resolved>> cells =
                ReproductionCells.resolve(table, loaded.directory(), profile, seeds, overrides);
        Path root = runsRoot.resolve(FOLDER).resolve(table.slug() + "-" + profile.name());
        List<RunConfig> configs =
                cells.stream()
                        .flatMap(List::stream)
                        .map(ReproductionCells.Resolved::config)
                        .toList();
        if (planOnly) {
            // a plan makes nothing, but says when the runs could not go there
            if (Files.exists(runsRoot) && !Files.isDirectory(runsRoot)) {
                throw new IllegalArgumentException(
                        "expected a directory for runs at "
                                + runsRoot
                                + ", found a file; choose another with --runs DIR");
            }
        } else {
            RunDriver.requireRunsDirectory(runsRoot);
        }
        List<CompareRuns.Planned> plan = CompareRuns.plan(root, configs);
        if (planOnly) {
            printPlan(stdout, table, profile, cells, plan);
            return 0;
        }
        Path outDir = out != null ? out : root;
        CompareCommand.requireOutDirectory(outDir, "the report");

        PluginRegistry registry = PluginRegistry.discover();
        RunOptions options = RunOptions.defaults().withCommandLine(Wcl4jCommand.invocation(spec));
        CompareRuns.checkBatches(plan, registry, options, "in cell ");
        err.printf(
                Locale.ROOT,
                "%s, profile %s: %d %s x %d %s = %d runs in %s%n",
                table.slug(),
                profile.name(),
                cells.size(),
                cells.size() == 1 ? "cell" : "cells",
                seeds.size(),
                seeds.size() == 1 ? "seed" : "seeds",
                plan.size(),
                Reports.path(root));
        err.flush();
        Map<RunConfig, Path> directories = new LinkedHashMap<>();
        for (int i = 0; i < plan.size(); i++) {
            CompareRuns.Planned planned = plan.get(i);
            String which =
                    String.format(
                            Locale.ROOT,
                            "run %d/%d: cell %s seed %d",
                            i + 1,
                            plan.size(),
                            planned.method(),
                            planned.seed());
            try {
                directories.put(
                        planned.config(),
                        RunInterruption.withFollowUp(
                                AGAIN,
                                () -> CompareRuns.execute(planned, which, registry, options, err)));
            } catch (RunDriver.Failure failure) {
                throw new RunDriver.Failure(
                        failure.note() + "\n" + AGAIN, (RuntimeException) failure.getCause());
            }
        }

        List<Reproduction.CellRuns> read = new ArrayList<>();
        for (List<ReproductionCells.Resolved> perSeed : cells) {
            List<Path> runs = perSeed.stream().map(r -> directories.get(r.config())).toList();
            read.add(
                    Reproduction.read(
                            perSeed.get(0).cell(), seeds, runs, table.measure(), profile.metric()));
        }
        List<Reproduction.Row> rows = Reproduction.rows(table, read);
        List<Reproduction.ClaimResult> claims = Reproduction.claims(table, rows);
        ReproductionFiles.Context context =
                new ReproductionFiles.Context(
                        table,
                        profile,
                        seeds,
                        String.join(" ", Wcl4jCommand.invocation(spec)),
                        root);
        List<String> written;
        try {
            written = ReproductionFiles.write(outDir, context, rows, claims, err);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the report into " + outDir, e);
        }
        stdout.println();
        stdout.print(ReproductionFiles.table(context, rows).render());
        if (!claims.isEmpty()) {
            stdout.println();
            stdout.print(ReproductionFiles.claimsTable(claims).render());
        }
        stdout.println();
        stdout.println("written to " + Reports.path(outDir) + ": " + String.join(", ", written));
        stdout.flush();
        return 0;
    }

    private ReproductionTable.Profile profile(ReproductionTable table) {
        ReproductionTable.Profile profile = table.profiles().get(profileName);
        if (profile == null) {
            List<String> names = new ArrayList<>();
            // the file's order: paper, cpu, smoke for the shipped tables
            table.profiles().keySet().stream()
                    .sorted(ReproduceCommand::byUsualOrder)
                    .forEach(names::add);
            throw new IllegalArgumentException(
                    "expected --profile to be one of "
                            + names
                            + " for "
                            + table.slug()
                            + ", found '"
                            + profileName
                            + "'");
        }
        return profile;
    }

    private static int byUsualOrder(String a, String b) {
        List<String> usual = List.of("paper", "cpu", "smoke");
        int ia = usual.indexOf(a);
        int ib = usual.indexOf(b);
        return Integer.compare(ia < 0 ? usual.size() : ia, ib < 0 ? usual.size() : ib);
    }

    private List<Long> seeds(ReproductionTable.Profile profile) {
        if (seedText == null) {
            return profile.seeds();
        }
        List<Long> seeds = CompareCommand.parseSeeds(seedText);
        if (new LinkedHashSet<>(seeds).size() != seeds.size()) {
            throw new IllegalArgumentException(
                    "expected distinct seeds, found " + seeds + "; list each seed once");
        }
        return seeds;
    }

    /** A word as a shell reads it back: in single quotes unless it needs none. */
    static String quoted(String word) {
        return word.matches("[A-Za-z0-9._=/,:+-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
    }

    private static void printPlan(
            PrintWriter stdout,
            ReproductionTable table,
            ReproductionTable.Profile profile,
            List<List<ReproductionCells.Resolved>> cells,
            List<CompareRuns.Planned> plan) {
        stdout.printf(
                Locale.ROOT,
                "Table %d (%s), profile %s: %s%n%n",
                table.number(),
                table.title(),
                profile.name(),
                profile.description());
        for (List<ReproductionCells.Resolved> perSeed : cells) {
            ReproductionCells.Resolved first = perSeed.get(0);
            List<String> shown = first.overrides().subList(0, first.overrides().size() - 1);
            stdout.printf(
                    Locale.ROOT,
                    "%s (%s): %s --set %s%n",
                    first.cell().id(),
                    first.cell().label(),
                    first.cell().config(),
                    String.join(" --set ", shown.stream().map(ReproduceCommand::quoted).toList()));
        }
        stdout.println();
        for (CompareRuns.Planned planned : plan) {
            stdout.printf(
                    Locale.ROOT,
                    "%s seed %d: %s%n",
                    planned.method(),
                    planned.seed(),
                    switch (planned.state()) {
                        case NEW -> "to train in " + Reports.path(planned.slot());
                        case FINISHED ->
                                "finished in " + Reports.path(planned.directory().orElseThrow());
                        case INTERRUPTED ->
                                "to resume in " + Reports.path(planned.directory().orElseThrow());
                    });
        }
        stdout.flush();
    }
}
