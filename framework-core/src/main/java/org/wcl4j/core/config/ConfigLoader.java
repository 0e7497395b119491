package org.wcl4j.core.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.wcl4j.core.registry.PluginRegistry;

/**
 * Reads run configs from YAML and writes them back.
 *
 * <p>Reading goes: parse the YAML; apply the {@code --set path=value} overrides to the tree (see
 * {@link Overrides}); check every key, type and range, resolve every plugin name against the
 * registry and bind every plugin's settings over its defaults; then fail with a {@link
 * ConfigException} listing all problems, or return a complete {@link RunConfig}. {@link #toYaml}
 * writes such a config with every default spelt out, so that reading it back gives an equal config.
 *
 * <p>Methods without a {@link PluginRegistry} argument use {@link PluginRegistry#discover()}.
 */
public final class ConfigLoader {

    private ConfigLoader() {}

    /**
     * Reads a config file.
     *
     * @param yaml the file
     * @param overrides {@code path=value} strings, applied in order
     * @throws ConfigException listing every problem (a missing file and one that is not UTF-8 text
     *     are problems too)
     * @throws UncheckedIOException when the file exists but cannot be read
     */
    public static RunConfig load(Path yaml, List<String> overrides) {
        return load(yaml, overrides, PluginRegistry.discover());
    }

    /**
     * Reads a config file, resolving plugins in {@code registry}; see {@link #load(Path, List)}.
     */
    public static RunConfig load(Path yaml, List<String> overrides, PluginRegistry registry) {
        String text;
        try {
            ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(yaml));
            try {
                text = StandardCharsets.UTF_8.newDecoder().decode(bytes).toString();
            } catch (CharacterCodingException e) {
                throw new ConfigException(
                        yaml.toString(),
                        List.of(
                                "expected UTF-8 text, found a byte that is not UTF-8 at offset "
                                        + bytes.position()
                                        + " (a binary file, or text in another encoding); save"
                                        + " the config as UTF-8"));
            }
        } catch (NoSuchFileException e) {
            throw new ConfigException(
                    yaml.toString(),
                    List.of("file not found; expected a YAML config at " + yaml.toAbsolutePath()));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read config " + yaml, e);
        }
        return read(text, overrides, registry, yaml.toString());
    }

    /**
     * Reads a config from text.
     *
     * @throws ConfigException listing every problem
     */
    public static RunConfig parse(String yaml, List<String> overrides) {
        return parse(yaml, overrides, PluginRegistry.discover());
    }

    /** Reads a config from text, resolving plugins in {@code registry}. */
    public static RunConfig parse(String yaml, List<String> overrides, PluginRegistry registry) {
        return read(yaml, overrides, registry, "config");
    }

    /**
     * Writes a config as YAML, every key present, in the order of {@link RunConfig}'s components.
     * Reading the result back gives an equal config.
     */
    public static String toYaml(RunConfig config) {
        ObjectNode root = Yaml.MAPPER.createObjectNode();
        root.put("name", config.name());
        root.put("seed", config.seed());
        root.set("dataset", choice(config.dataset().name(), config.dataset().settings()));
        root.set("encoder", choice(config.encoder().name(), config.encoder().settings()));
        ObjectNode heads = root.putObject("heads");
        config.heads()
                .forEach((name, head) -> heads.set(name, choice(head.name(), head.settings())));
        config.labeller()
                .ifPresent(
                        labeller -> {
                            ObjectNode node = root.putObject("labeller");
                            node.put("name", labeller.name());
                            node.put("head", labeller.head());
                            node.set("settings", Yaml.MAPPER.valueToTree(labeller.settings()));
                        });
        root.set("crops", choice(config.crops().name(), config.crops().settings()));
        ArrayNode augmentations = root.putArray("augmentations");
        config.augmentations().forEach(a -> augmentations.add(choice(a.name(), a.settings())));
        ArrayNode losses = root.putArray("losses");
        for (LossChoice loss : config.losses()) {
            ObjectNode node = losses.addObject();
            node.put("name", loss.name());
            node.put("head", loss.head());
            node.put("weight", loss.weight());
            node.set("settings", Yaml.MAPPER.valueToTree(loss.settings()));
        }
        root.set("training", RecordBinder.toTree(config.training()));
        ArrayNode evaluation = root.putArray("evaluation");
        config.evaluation().forEach(e -> evaluation.add(choice(e.name(), e.settings())));
        try {
            return Yaml.MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write config as YAML", e);
        }
    }

    private static ObjectNode choice(String name, Map<String, Object> settings) {
        ObjectNode node = Yaml.MAPPER.createObjectNode();
        node.put("name", name);
        node.set("settings", Yaml.MAPPER.valueToTree(settings));
        return node;
    }

    private static RunConfig read(
            String text, List<String> overrides, PluginRegistry registry, String source) {
        JsonNode root;
        try {
            root = Yaml.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ConfigException(source, List.of(syntaxError(e)));
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new ConfigException(
                    source,
                    List.of(
                            "the config is empty; expected a mapping with at least dataset,"
                                    + " encoder, heads, crops and losses"));
        }
        Problems problems = new Problems();
        if (root instanceof ObjectNode tree) {
            Overrides.prepare(tree);
            Overrides.apply(tree, overrides, problems);
        }
        RunConfig config = new ConfigReader(registry, problems).read(root, source);
        ConfigReader.warnAboutOddities(config);
        return config;
    }

    private static String syntaxError(JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        String where =
                location == null
                        ? ""
                        : " (line "
                                + location.getLineNr()
                                + ", column "
                                + location.getColumnNr()
                                + ")";
        return "not valid YAML" + where + ": " + e.getOriginalMessage();
    }
}
