package org.wcl4j.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.wcl4j.core.config.PluginSettings;
import org.wcl4j.core.registry.PluginInfo;
import org.wcl4j.core.registry.PluginRegistry;
import org.wcl4j.report.MarkdownTable;
import org.wcl4j.report.MarkdownTable.Alignment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code wcl4j plugins}: every plugin found on the class path, by family, with its description and
 * default settings (the values a config gets for every key it leaves out).
 */
@Command(
        name = "plugins",
        description = "List every registered plugin by family, with its default settings.")
final class PluginsCommand implements Callable<Integer> {

    @Spec private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<PluginInfo> plugins = PluginRegistry.discover().plugins();
        MarkdownTable table =
                MarkdownTable.withHeader("family", "name", "description", "defaults")
                        .aligned(Alignment.LEFT, Alignment.LEFT, Alignment.LEFT, Alignment.LEFT);
        for (PluginInfo plugin : plugins) {
            table =
                    table.withRow(
                            plugin.family(),
                            plugin.name(),
                            plugin.description(),
                            settings(plugin.defaults()));
        }
        out.print(table.render());
        out.println();
        out.println(
                plugins.size()
                        + " plugins. In a config, a plugin is named by family and name, and"
                        + " `settings:` overrides its defaults.");
        out.flush();
        return 0;
    }

    /**
     * A settings record as {@code key: value} pairs in declaration order, as a config would write
     * them, or {@code (none)}.
     */
    static String settings(Object defaults) {
        List<String> pairs = new ArrayList<>();
        PluginSettings.toMap(defaults)
                .forEach(
                        (key, value) ->
                                pairs.add(
                                        key
                                                + ": "
                                                + (value instanceof String text
                                                        ? "\"" + text + "\""
                                                        : value)));
        return pairs.isEmpty() ? "(none)" : String.join(", ", pairs);
    }
}
