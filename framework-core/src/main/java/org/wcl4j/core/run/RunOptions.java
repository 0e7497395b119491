package org.wcl4j.core.run;

import com.google.inject.Module;
import java.time.Clock;
import java.util.List;

/**
 * How a run is started, beyond its config.
 *
 * @param commandLine the command that started the run, recorded in {@code provenance.json}; empty
 *     when unknown
 * @param overrides Guice modules whose bindings replace the config's parts (a test's data set, for
 *     instance); see {@link com.google.inject.util.Modules#override}
 * @param clock gives the run directory's timestamp and the start time
 */
public record RunOptions(List<String> commandLine, List<Module> overrides, Clock clock) {

    public RunOptions {
        commandLine = List.copyOf(commandLine);
        overrides = List.copyOf(overrides);
    }

    /** No command line, no overrides, the system clock. */
    public static RunOptions defaults() {
        return new RunOptions(List.of(), List.of(), Clock.systemDefaultZone());
    }

    /** These options with {@code command} as the command line. */
    public RunOptions withCommandLine(List<String> command) {
        return new RunOptions(command, overrides, clock);
    }

    /** These options with {@code modules} replacing bindings. */
    public RunOptions withOverrides(List<Module> modules) {
        return new RunOptions(commandLine, modules, clock);
    }
}
