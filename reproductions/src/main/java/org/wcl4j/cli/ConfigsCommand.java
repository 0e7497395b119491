package org.wcl4j.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.wcl4j.report.MarkdownTable;
import org.wcl4j.report.MarkdownTable.Alignment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code wcl4j configs [NAME]}: lists the shipped configs, or prints one as YAML to copy and edit.
 */
@Command(
        name = "configs",
        description = {
            "List the shipped configs, or print one (for example: wcl4j configs wcl > my.yaml)."
        })
final class ConfigsCommand implements Callable<Integer> {

    @Spec private CommandSpec spec;

    @Parameters(
            arity = "0..1",
            paramLabel = "NAME",
            description = "A shipped config to print: ${COMPLETION-CANDIDATES}.",
            completionCandidates = ShippedNames.class)
    private @Nullable String name;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (name != null) {
            String text =
                    ConfigSource.shippedText(name)
                            .orElseThrow(
                                    () ->
                                            new IllegalArgumentException(
                                                    "no shipped config '"
                                                            + name
                                                            + "'; expected one of "
                                                            + ConfigSource.SHIPPED));
            out.print(text);
            out.flush();
            return 0;
        }
        MarkdownTable table =
                MarkdownTable.withHeader("config", "what it trains")
                        .aligned(Alignment.LEFT, Alignment.LEFT);
        for (String shipped : ConfigSource.SHIPPED) {
            table = table.withRow(shipped, summary(ConfigSource.shippedText(shipped).orElse("")));
        }
        out.print(table.render());
        out.println();
        out.println("Print one with `wcl4j configs NAME`; train it with `wcl4j train NAME`.");
        out.flush();
        return 0;
    }

    /** The first sentence of the comment block at the top of a shipped config. */
    private static String summary(String yaml) {
        StringBuilder comment = new StringBuilder();
        for (String line : yaml.lines().toList()) {
            if (!line.startsWith("#")) {
                break;
            }
            comment.append(comment.isEmpty() ? "" : " ").append(line.substring(1).strip());
        }
        String text = comment.toString();
        Matcher end = SENTENCE_END.matcher(text);
        return end.find() ? text.substring(0, end.start() + 1) : text;
    }

    /**
     * A full stop, then a space and a capital or a command in backticks, except after the paper's
     * abbreviations.
     */
    private static final Pattern SENTENCE_END =
            Pattern.compile("(?<!\\b(?:Eq|Eqs|Sec|Fig|al|e\\.g|i\\.e))\\. (?=[A-Z`])");

    /** The shipped config names, for the help text. */
    static final class ShippedNames extends java.util.ArrayList<String> {
        ShippedNames() {
            super(ConfigSource.SHIPPED);
        }
    }
}
