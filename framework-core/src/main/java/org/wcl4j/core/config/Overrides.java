package org.wcl4j.core.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.wcl4j.core.registry.Names;

/**
 * Applies {@code --set path=value} overrides to the YAML tree before it is validated. A path is
 * keys and list indices joined by dots ({@code heads.g.settings.output}, {@code losses.0.weight});
 * a value is read as a YAML scalar ({@code 3}, {@code 0.5}, {@code true}, {@code nt-xent}), or as a
 * flow list or mapping when it starts with {@code [} or <code>{</code>.
 *
 * <p>Every step of the path but the last must exist; the last may add a key, which validation then
 * checks like any other. Omitted {@code settings} and {@code training} mappings are added as empty
 * ones first ({@link #prepare}), so overriding a default never needs the key spelt out in the file.
 */
final class Overrides {

    private static final List<String> CHOICES = List.of("dataset", "encoder", "labeller", "crops");
    private static final List<String> CHOICE_LISTS =
            List.of("augmentations", "losses", "evaluation");

    private Overrides() {}

    /**
     * Rewrites the short form {@code crops: two-views} as {@code {name: two-views}}, and adds an
     * empty {@code settings} to every plugin choice and an empty {@code training} section where
     * they are left out.
     */
    static void prepare(ObjectNode root) {
        for (String key : CHOICES) {
            prepareChoice(root, key);
        }
        if (root.get("heads") instanceof ObjectNode heads) {
            List<String> names = new ArrayList<>();
            heads.fieldNames().forEachRemaining(names::add);
            names.forEach(name -> prepareChoice(heads, name));
        }
        for (String key : CHOICE_LISTS) {
            if (root.get(key) instanceof ArrayNode list) {
                for (int i = 0; i < list.size(); i++) {
                    if (list.get(i).isTextual()) {
                        list.set(i, shortForm(list.get(i).asText()));
                    } else if (list.get(i) instanceof ObjectNode choice
                            && !choice.has("settings")) {
                        choice.set("settings", root.objectNode());
                    }
                }
            }
        }
        if (!root.has("training")) {
            root.set("training", root.objectNode());
        }
    }

    private static void prepareChoice(ObjectNode parent, String key) {
        JsonNode choice = parent.get(key);
        if (choice != null && choice.isTextual()) {
            parent.set(key, shortForm(choice.asText()));
        } else if (choice instanceof ObjectNode mapping && !mapping.has("settings")) {
            mapping.set("settings", mapping.objectNode());
        }
    }

    private static ObjectNode shortForm(String name) {
        ObjectNode choice = Yaml.MAPPER.createObjectNode();
        choice.put("name", name);
        choice.set("settings", choice.objectNode());
        return choice;
    }

    /** Applies each override in order; every malformed one is reported to {@code problems}. */
    static void apply(ObjectNode root, List<String> overrides, Problems problems) {
        for (String override : overrides) {
            apply(root, override, problems).ifPresent(problems::add);
        }
    }

    private static Optional<String> apply(ObjectNode root, String override, Problems problems) {
        String prefix = "--set " + override + ": ";
        int equals = override.indexOf('=');
        if (equals <= 0) {
            return Optional.of(prefix + "expected path=value, e.g. training.epochs=3");
        }
        String path = override.substring(0, equals).strip();
        JsonNode value = value(override.substring(equals + 1));
        String[] segments = path.split("\\.", -1);
        for (String segment : segments) {
            if (segment.isEmpty()) {
                return Optional.of(
                        prefix + "expected a dotted path such as heads.g.settings.output");
            }
        }

        // walk to the parent of the last segment; each step must exist
        JsonNode parent = root;
        String at = "";
        for (int i = 0; i < segments.length - 1; i++) {
            String here = Problems.join(at, segments[i]);
            Optional<JsonNode> child = child(parent, segments[i]);
            if (child.isEmpty()) {
                return Optional.of(prefix + missing(parent, at, segments[i]));
            }
            if (child.get().isValueNode()) {
                return Optional.of(
                        prefix
                                + here
                                + " is "
                                + Yaml.describe(child.get())
                                + ", not a mapping or list, so it has no '"
                                + segments[i + 1]
                                + "'");
            }
            parent = child.get();
            at = here;
        }

        // set the last segment: a key of a mapping, or an existing index of a list
        String last = segments[segments.length - 1];
        if (parent instanceof ObjectNode mapping) {
            mapping.set(last, value);
            return Optional.empty();
        }
        ArrayNode list = (ArrayNode) parent;
        Optional<Integer> index = index(list, last);
        if (index.isEmpty()) {
            return Optional.of(prefix + missing(list, at, last));
        }
        list.set(index.get(), value);
        return Optional.empty();
    }

    private static Optional<JsonNode> child(JsonNode parent, String segment) {
        if (parent instanceof ArrayNode list) {
            return index(list, segment).map(list::get);
        }
        return Optional.ofNullable(parent.get(segment));
    }

    private static Optional<Integer> index(ArrayNode list, String segment) {
        if (!segment.matches("\\d{1,9}")) {
            return Optional.empty();
        }
        int index = Integer.parseInt(segment);
        return index < list.size() ? Optional.of(index) : Optional.empty();
    }

    /** Names the nearest existing key for a step that does not exist. */
    private static String missing(JsonNode parent, String at, String segment) {
        String wanted = Problems.join(at, segment);
        if (parent instanceof ArrayNode list) {
            return wanted
                    + " does not exist: "
                    + (at.isEmpty() ? "the list" : at)
                    + (list.isEmpty()
                            ? " is empty"
                            : " has "
                                    + list.size()
                                    + " entries, indices 0 to "
                                    + (list.size() - 1));
        }
        List<String> keys = new ArrayList<>();
        parent.fieldNames().forEachRemaining(keys::add);
        String where = at.isEmpty() ? "at the top level" : "under " + at;
        Optional<String> match = Names.closest(segment, keys);
        StringBuilder message = new StringBuilder(wanted).append(" does not exist");
        match.ifPresent(m -> message.append("; did you mean ").append(Problems.join(at, m)));
        return message.append(match.isPresent() ? "? existing keys " : "; existing keys ")
                .append(where)
                .append(": ")
                .append(keys.isEmpty() ? "none" : String.join(", ", keys))
                .toString();
    }

    /** Reads a value as a YAML scalar, or as a flow list or mapping when it starts as one. */
    static JsonNode value(String text) {
        String stripped = text.strip();
        try {
            JsonNode node = Yaml.MAPPER.readTree(text);
            if (node == null || node.isMissingNode()) {
                return TextNode.valueOf(text);
            }
            if (node.isContainerNode() && !(stripped.startsWith("[") || stripped.startsWith("{"))) {
                return TextNode.valueOf(text);
            }
            return node;
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(text);
        }
    }
}
