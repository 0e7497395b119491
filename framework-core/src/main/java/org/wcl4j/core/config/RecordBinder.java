package org.wcl4j.core.config;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.wcl4j.core.registry.Names;

/**
 * Binds one YAML mapping to a record (a plugin's settings, the training section), filling omitted
 * keys from a defaults instance. Unlike a plain Jackson bind, which stops at the first problem, it
 * checks every key on its own first, so that an unknown key and a wrongly typed value in the same
 * mapping are both reported. The final bind is Jackson's, with unknown keys rejected.
 */
final class RecordBinder {

    private RecordBinder() {}

    /**
     * Binds {@code node} over {@code defaults}.
     *
     * @param node the mapping from the config; missing or null means all defaults
     * @param defaults the value of every key the mapping leaves out; its class is the type bound
     * @param path where the mapping sits, e.g. {@code heads.g.settings}
     * @param problems receives one message per problem
     * @return the keys that were valid bound over the defaults (so a caller can still check ranges;
     *     the value is usable only if no problem was added), or empty when even that failed
     */
    static <T> Optional<T> bind(JsonNode node, T defaults, String path, Problems problems) {
        @SuppressWarnings("unchecked")
        Class<T> type = (Class<T>) defaults.getClass();
        Map<String, JavaType> properties = properties(type, defaults);
        if (node.isMissingNode() || node.isNull()) {
            node = Yaml.MAPPER.createObjectNode();
        }
        if (!node.isObject()) {
            problems.at(
                    path,
                    "expected a mapping with keys "
                            + String.join(", ", properties.keySet())
                            + ", found "
                            + Yaml.describe(node));
            return Optional.empty();
        }

        // check every key on its own, so that all problems are reported
        ObjectNode merged = toTree(defaults);
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = field.getKey();
            String keyPath = Problems.join(path, key);
            JavaType valueType = properties.get(key);
            if (valueType == null) {
                problems.add(Names.unknown("key", key, keyPath, properties.keySet()));
            } else if (field.getValue().isNull()) {
                problems.at(keyPath, "expected " + expected(valueType) + ", found nothing");
            } else if (!fits(field.getValue(), valueType)) {
                problems.at(
                        keyPath,
                        "expected "
                                + expected(valueType)
                                + outOfRange(field.getValue(), valueType)
                                + ", found "
                                + Yaml.describe(field.getValue()));
            } else {
                merged.set(key, field.getValue());
            }
        }

        // bind the valid keys over the defaults, so that range checks can run on them even when
        // other keys were wrong; a constructor may still reject the combination
        try {
            return Optional.of(Yaml.MAPPER.treeToValue(merged, type));
        } catch (Exception e) {
            problems.at(path, rootMessage(e));
            return Optional.empty();
        }
    }

    /**
     * Prefixes a message from a {@code problems()} method with the path: {@code "temperature:
     * expected ..."} under {@code losses.0.settings} becomes {@code "losses.0.settings.temperature:
     * expected ..."}.
     */
    static String prefixed(String path, String message, Iterable<String> keys) {
        for (String key : keys) {
            if (message.startsWith(key + ":")) {
                return Problems.join(path, message);
            }
        }
        return path.isEmpty() ? message : path + ": " + message;
    }

    /** Property name to value type, in declaration order. */
    static Map<String, JavaType> properties(Class<?> type, Object defaults) {
        Map<String, JavaType> properties = new LinkedHashMap<>();
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                properties.put(
                        component.getName(),
                        Yaml.MAPPER.getTypeFactory().constructType(component.getGenericType()));
            }
        } else {
            JavaType any = Yaml.MAPPER.getTypeFactory().constructType(Object.class);
            toTree(defaults).fieldNames().forEachRemaining(name -> properties.put(name, any));
        }
        return properties;
    }

    /** The value as a YAML tree, one key per property, in declaration order. */
    static ObjectNode toTree(Object value) {
        if (!value.getClass().isRecord()) {
            return Yaml.MAPPER.valueToTree(value);
        }
        ObjectNode tree = Yaml.MAPPER.createObjectNode();
        for (RecordComponent component : value.getClass().getRecordComponents()) {
            try {
                component.getAccessor().setAccessible(true);
                Object componentValue = component.getAccessor().invoke(value);
                tree.set(component.getName(), Yaml.MAPPER.valueToTree(componentValue));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException(
                        "could not read "
                                + component.getName()
                                + " of "
                                + value.getClass().getName(),
                        e);
            }
        }
        return tree;
    }

    private static boolean fits(JsonNode value, JavaType type) {
        try {
            Yaml.MAPPER.readerFor(type).readValue(value);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    /** For a whole number too large for an {@code int}: the range an {@code int} has. */
    private static String outOfRange(JsonNode value, JavaType type) {
        Class<?> raw = type.getRawClass();
        boolean intType = raw == int.class || raw == Integer.class;
        return intType && value.isIntegralNumber() && !value.canConvertToInt()
                ? " from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE
                : "";
    }

    /** What a value of {@code type} is called in a message: "an integer", "a list of numbers". */
    static String expected(JavaType type) {
        Class<?> raw = type.getRawClass();
        if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
            return "an integer";
        }
        if (raw == short.class || raw == Short.class || raw == byte.class || raw == Byte.class) {
            return "an integer";
        }
        if (raw == double.class || raw == Double.class || raw == float.class) {
            return "a number";
        }
        if (raw == Float.class || Number.class.isAssignableFrom(raw)) {
            return "a number";
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return "true or false";
        }
        if (raw == String.class) {
            return "a string";
        }
        if (type.isCollectionLikeType() || type.isArrayType()) {
            String element = expected(type.getContentType());
            return "a list of "
                    + (element.equals("true or false")
                            ? "true/false values"
                            : element.substring(element.indexOf(' ') + 1) + "s");
        }
        if (type.isMapLikeType()) {
            return "a mapping";
        }
        if (raw == Object.class) {
            return "a value";
        }
        return "a " + raw.getSimpleName();
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return message == null
                ? cause.getClass().getSimpleName()
                : message.lines().findFirst().orElse(message);
    }
}
