package org.wcl4j.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.wcl4j.engine.NativeBackend;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code wcl4j} command: contrastive self-supervised learning (WCL and its baselines) on
 * Deeplearning4j, driven by YAML configs.
 *
 * <p>Exit codes: 0 on success, 2 for a bad command line, config or input (a {@code --runs}
 * directory that cannot be written, a data set that cannot be read, a damaged checkpoint; the
 * message says what to fix), 1 for any other failure. A stack trace is printed only with {@code
 * --verbose}.
 */
@Command(
        name = "wcl4j",
        mixinStandardHelpOptions = true,
        scope = ScopeType.INHERIT,
        versionProvider = Wcl4jCommand.Version.class,
        description =
                "Contrastive self-supervised learning (WCL and its baselines) on Deeplearning4j.",
        subcommands = {
            PluginsCommand.class,
            ConfigsCommand.class,
            TrainCommand.class,
            EvalCommand.class,
            QuickstartCommand.class,
            BenchCommand.class,
            CompareCommand.class,
            ReproduceCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Wcl4jCommand implements Callable<Integer> {

    @Spec private CommandSpec spec;

    @Option(
            names = "--verbose",
            scope = ScopeType.INHERIT,
            description = "Print the stack trace of an error.")
    private boolean verbose;

    /** Runs the command line and exits with its exit code. */
    public static void main(String[] args) {
        NativeBackend.configure();
        System.exit(commandLine().execute(args));
    }

    /** A command line with the error handling described on this class, writing to the console. */
    public static CommandLine commandLine() {
        return new CommandLine(new Wcl4jCommand())
                .setExecutionExceptionHandler(new ErrorHandler())
                .setCaseInsensitiveEnumValuesAllowed(true);
    }

    /**
     * The command line as typed, {@code wcl4j} first, for a run's {@code provenance.json}.
     *
     * @param spec the spec of the running (sub)command
     */
    static List<String> invocation(CommandSpec spec) {
        List<String> words = new ArrayList<>();
        words.add("wcl4j");
        ParseResult parsed = spec.root().commandLine().getParseResult();
        if (parsed != null) {
            words.addAll(parsed.originalArgs());
        }
        return words;
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing a command, for example: train");
    }

    /** The version from the jar's manifest, or a note that this is a development build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Wcl4jCommand.class.getPackage().getImplementationVersion();
            return new String[] {"wcl4j " + (version == null ? "(development build)" : version)};
        }
    }
}
