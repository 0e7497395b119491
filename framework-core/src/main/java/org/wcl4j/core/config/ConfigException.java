package org.wcl4j.core.config;

import java.util.List;

/**
 * A config that cannot be used, with every problem found in it. Each problem names its path in the
 * YAML, the value found and what was expected; the message lists them numbered.
 */
public final class ConfigException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    /**
     * @param source what was read, e.g. a file name or {@code "config"}
     * @param problems at least one problem, in the order they were found
     */
    public ConfigException(String source, List<String> problems) {
        super(message(source, problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem, unnumbered, in the order they were found. */
    public List<String> problems() {
        return problems;
    }

    private static String message(String source, List<String> problems) {
        StringBuilder message = new StringBuilder(source).append(" has ");
        message.append(problems.size()).append(problems.size() == 1 ? " problem:" : " problems:");
        for (int i = 0; i < problems.size(); i++) {
            message.append(System.lineSeparator())
                    .append("  ")
                    .append(i + 1)
                    .append(". ")
                    .append(problems.get(i));
        }
        return message.toString();
    }
}
