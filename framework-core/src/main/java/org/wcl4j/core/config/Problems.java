package org.wcl4j.core.config;

import java.util.ArrayList;
import java.util.List;

/** Collects config problems in the order they are found, so that all are reported at once. */
final class Problems {

    private final List<String> messages = new ArrayList<>();

    /** Adds {@code "path: message"}, or just the message when the path is the root. */
    void at(String path, String message) {
        messages.add(path.isEmpty() ? message : path + ": " + message);
    }

    /** Adds a message that names its path itself. */
    void add(String message) {
        messages.add(message);
    }

    int size() {
        return messages.size();
    }

    boolean isEmpty() {
        return messages.isEmpty();
    }

    List<String> list() {
        return List.copyOf(messages);
    }

    /** Throws a {@link ConfigException} listing every problem, if there is any. */
    void throwIfAny(String source) {
        if (!messages.isEmpty()) {
            throw new ConfigException(source, messages);
        }
    }

    /** {@code parent.child}, or {@code child} at the root. */
    static String join(String parent, String child) {
        return parent.isEmpty() ? child : parent + "." + child;
    }

    /** {@code parent.index}, the notation {@code --set} uses for list entries. */
    static String join(String parent, int index) {
        return join(parent, Integer.toString(index));
    }
}
