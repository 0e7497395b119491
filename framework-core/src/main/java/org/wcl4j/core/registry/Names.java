package org.wcl4j.core.registry;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * Helps with misspelt names: finds the closest known name by edit distance and words the message
 * for an unknown one. Used for plugin names and for config keys alike.
 */
public final class Names {

    private Names() {}

    /**
     * The known name closest to {@code name}, when it is close enough to be a plausible typo: at
     * most two edits, or a third of the name's length for long names.
     */
    public static Optional<String> closest(String name, Collection<String> known) {
        int limit = Math.max(2, name.length() / 3);
        return known.stream()
                .filter(candidate -> distance(name, candidate) <= limit)
                .min(
                        Comparator.comparingInt((String candidate) -> distance(name, candidate))
                                .thenComparing(Comparator.naturalOrder()));
    }

    /**
     * The message for an unknown name, for example {@code "unknown labeller 'nearest-neigbour' at
     * labeller.name; did you mean 'nearest-neighbour'? known: nearest-neighbour"}.
     *
     * @param what what the name names, e.g. {@code "labeller"} or {@code "key"}
     * @param name the name found
     * @param location where it was found, e.g. {@code "labeller.name"}; empty to leave it out
     * @param known every valid name, listed in the given order
     */
    public static String unknown(
            String what, String name, String location, Collection<String> known) {
        StringBuilder message = new StringBuilder("unknown ").append(what);
        message.append(" '").append(name).append('\'');
        if (!location.isEmpty()) {
            message.append(" at ").append(location);
        }
        if (known.isEmpty()) {
            return message.append("; none are available").toString();
        }
        closest(name, known)
                .ifPresent(match -> message.append("; did you mean '").append(match).append("'?"));
        message.append(message.charAt(message.length() - 1) == '?' ? " " : "; ");
        return message.append("known: ").append(String.join(", ", known)).toString();
    }

    /** Levenshtein distance: insertions, deletions and substitutions each cost one. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] =
                        Math.min(
                                Math.min(current[j - 1] + 1, previous[j] + 1),
                                previous[j - 1] + substitution);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
