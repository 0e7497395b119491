package org.wcl4j.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wcl4j.api.loss.LossProvider;
import org.wcl4j.api.plugin.Provider;
import org.wcl4j.api.plugin.Settings;
import org.wcl4j.core.registry.Names;
import org.wcl4j.core.registry.PluginFamily;
import org.wcl4j.core.registry.PluginRegistry;

/**
 * Reads a prepared YAML tree into a {@link RunConfig}, checking structure, types, ranges, plugin
 * names, plugin settings and references between sections, and collecting every problem before
 * failing. Settings maps come out complete: the provider's defaults filled in.
 */
final class ConfigReader {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigReader.class);

    static final List<String> KEYS =
            List.of(
                    "name",
                    "seed",
                    "dataset",
                    "encoder",
                    "heads",
                    "labeller",
                    "crops",
                    "augmentations",
                    "losses",
                    "training",
                    "evaluation");

    private static final String NAME_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]*";
    private static final String HEAD_PATTERN = "[A-Za-z][A-Za-z0-9_-]*";

    private final PluginRegistry registry;
    private final Problems problems;

    ConfigReader(PluginRegistry registry, Problems problems) {
        this.registry = registry;
        this.problems = problems;
    }

    /** A plugin found by name, with its settings bound and as a complete map. */
    private record Resolved<P>(
            String name, P provider, Settings settings, Map<String, Object> map) {}

    /**
     * Reads the whole config.
     *
     * @throws ConfigException listing every problem, including those already collected
     */
    RunConfig read(JsonNode root, String source) {
        if (!root.isObject()) {
            problems.add(
                    "expected a mapping with keys "
                            + String.join(", ", KEYS)
                            + " at the top level, found "
                            + Yaml.describe(root));
            problems.throwIfAny(source);
        }
        checkKeys(root, "", KEYS);

        String name = name(root.path("name"));
        long seed = seed(root.path("seed"));
        var dataset = required(root, "dataset", PluginFamily.DATASET, "{name: fashion-mnist}");
        var encoder = required(root, "encoder", PluginFamily.ENCODER, "{name: small-resnet}");
        Map<String, PluginChoice> heads = heads(root.path("heads"));
        Set<String> headNames = headNames(root.path("heads"));
        Optional<LabellerChoice> labeller = labeller(root.path("labeller"), headNames);
        var crops = required(root, "crops", PluginFamily.CROP_STRATEGY, "{name: two-views}");
        var augmentations =
                choiceList(root.path("augmentations"), "augmentations", PluginFamily.AUGMENTATION);
        List<LossChoice> losses =
                losses(root.path("losses"), headNames, !root.path("labeller").isMissingNode());
        TrainingConfig training = training(root.path("training"));
        var evaluation = choiceList(root.path("evaluation"), "evaluation", PluginFamily.EVALUATION);

        problems.throwIfAny(source);
        return new RunConfig(
                name,
                seed,
                dataset.orElseThrow(),
                encoder.orElseThrow(),
                heads,
                labeller,
                crops.orElseThrow(),
                augmentations,
                losses,
                training,
                evaluation);
    }

    private void checkKeys(JsonNode mapping, String path, List<String> known) {
        for (Iterator<String> it = mapping.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!known.contains(key)) {
                problems.add(Names.unknown("key", key, Problems.join(path, key), known));
            }
        }
    }

    private String name(JsonNode node) {
        if (node.isMissingNode()) {
            return RunConfig.DEFAULT_NAME;
        }
        if (!node.isTextual() || !node.asText().matches(NAME_PATTERN)) {
            problems.at(
                    "name",
                    "expected a run name of letters, digits, '.', '-' and '_' (it names the run"
                            + " directory), found "
                            + Yaml.describe(node));
            return RunConfig.DEFAULT_NAME;
        }
        return node.asText();
    }

    private long seed(JsonNode node) {
        if (node.isMissingNode()) {
            return RunConfig.DEFAULT_SEED;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            problems.at("seed", "expected an integer, found " + Yaml.describe(node));
            return RunConfig.DEFAULT_SEED;
        }
        return node.asLong();
    }

    private <P extends Provider<?, ?>> Optional<PluginChoice> required(
            JsonNode root, String key, PluginFamily<P> family, String example) {
        JsonNode node = root.path(key);
        if (node.isMissingNode()) {
            problems.at(key, "missing; expected " + article(family.label()) + ", e.g. " + example);
            return Optional.empty();
        }
        return choice(node, key, family, List.of())
                .map(resolved -> new PluginChoice(resolved.name(), resolved.map()));
    }

    /** Checks a plugin choice's keys, name and settings; {@code extraKeys} are the caller's. */
    private <P extends Provider<?, ?>> Optional<Resolved<P>> choice(
            JsonNode node, String path, PluginFamily<P> family, List<String> extraKeys) {
        List<String> keys = new ArrayList<>(List.of("name"));
        keys.addAll(extraKeys);
        keys.add("settings");
        if (!node.isObject()) {
            problems.at(
                    path,
                    "expected a mapping with keys "
                            + String.join(", ", keys)
                            + ", found "
                            + Yaml.describe(node));
            return Optional.empty();
        }
        checkKeys(node, path, keys);

        // the plugin's name
        String namePath = Problems.join(path, "name");
        JsonNode name = node.path("name");
        if (!name.isTextual()) {
            problems.at(
                    namePath,
                    (name.isMissingNode() ? "missing" : "found " + Yaml.describe(name))
                            + "; expected the name of "
                            + article(family.label())
                            + ", one of: "
                            + String.join(", ", registry.names(family)));
            return Optional.empty();
        }
        Optional<P> provider = registry.find(family, name.asText());
        if (provider.isEmpty()) {
            // no near miss: perhaps a plugin of the user's own whose jar is not on the class path
            String hint =
                    Names.closest(name.asText(), registry.names(family)).isPresent()
                            ? ""
                            : " (a plugin from a jar of your own must be on the class path: with"
                                    + " the wcl4j launcher, in WCL4J_PLUGIN_PATH)";
            problems.add(
                    Names.unknown(family.label(), name.asText(), namePath, registry.names(family))
                            + hint);
            return Optional.empty();
        }

        // its settings, defaults filled in, ranges checked
        Provider<?, ?> found = provider.get();
        Optional<? extends Settings> settings =
                PluginSettings.bind(
                        found, node.path("settings"), Problems.join(path, "settings"), problems);
        return settings.map(
                s -> new Resolved<>(name.asText(), provider.get(), s, PluginSettings.toMap(s)));
    }

    private static String article(String noun) {
        return ("aeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
    }

    private Set<String> headNames(JsonNode node) {
        Set<String> names = new LinkedHashSet<>();
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(names::add);
        }
        return names;
    }

    private Map<String, PluginChoice> heads(JsonNode node) {
        Map<String, PluginChoice> heads = new LinkedHashMap<>();
        if (!node.isObject() || node.isEmpty()) {
            problems.at(
                    "heads",
                    (node.isMissingNode() ? "missing" : "found " + Yaml.describe(node))
                            + "; expected a mapping of head name to head with at least one"
                            + " entry, e.g. {g: {name: mlp}}");
            return heads;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> head = it.next();
            String path = Problems.join("heads", head.getKey());
            if (!head.getKey().matches(HEAD_PATTERN)) {
                problems.at(
                        path,
                        "expected a head name of letters, digits, '-' and '_' starting with a"
                                + " letter, found '"
                                + head.getKey()
                                + "'");
            }
            choice(head.getValue(), path, PluginFamily.HEAD, List.of())
                    .ifPresent(r -> heads.put(head.getKey(), new PluginChoice(r.name(), r.map())));
        }
        return heads;
    }

    private Optional<LabellerChoice> labeller(JsonNode node, Set<String> heads) {
        if (node.isMissingNode()) {
            return Optional.empty();
        }
        var resolved = choice(node, "labeller", PluginFamily.LABELLER, List.of("head"));
        Optional<String> head = head(node, "labeller", heads);
        if (resolved.isEmpty() || head.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                new LabellerChoice(resolved.get().name(), head.get(), resolved.get().map()));
    }

    private Optional<String> head(JsonNode choice, String path, Set<String> heads) {
        if (!choice.isObject()) {
            return Optional.empty();
        }
        String headPath = Problems.join(path, "head");
        JsonNode head = choice.path("head");
        if (!head.isTextual()) {
            problems.at(
                    headPath,
                    (head.isMissingNode() ? "missing" : "found " + Yaml.describe(head))
                            + "; expected the name of a head, one of: "
                            + String.join(", ", heads));
            return Optional.empty();
        }
        if (!heads.contains(head.asText())) {
            problems.add(Names.unknown("head", head.asText(), headPath, heads));
            return Optional.empty();
        }
        return Optional.of(head.asText());
    }

    private List<LossChoice> losses(JsonNode node, Set<String> heads, boolean hasLabeller) {
        List<LossChoice> losses = new ArrayList<>();
        if (!node.isArray() || node.isEmpty()) {
            problems.at(
                    "losses",
                    (node.isMissingNode() ? "missing" : "found " + Yaml.describe(node))
                            + "; expected a list with at least one loss, e.g. [{name: nt-xent,"
                            + " head: g}]");
            return losses;
        }
        for (int i = 0; i < node.size(); i++) {
            String path = Problems.join("losses", i);
            JsonNode entry = node.get(i);
            var resolved = choice(entry, path, PluginFamily.LOSS, List.of("head", "weight"));
            Optional<String> head = head(entry, path, heads);
            double weight = weight(entry.path("weight"), Problems.join(path, "weight"));
            if (resolved.isPresent() && !hasLabeller) {
                checkNeedsNoLabels(resolved.get(), path);
            }
            if (resolved.isPresent() && head.isPresent()) {
                losses.add(
                        new LossChoice(
                                resolved.get().name(), head.get(), weight, resolved.get().map()));
            }
        }
        return losses;
    }

    private double weight(JsonNode node, String path) {
        if (node.isMissingNode()) {
            return LossChoice.DEFAULT_WEIGHT;
        }
        if (!node.isNumber() || !(node.asDouble() > 0) || Double.isInfinite(node.asDouble())) {
            problems.at(path, "expected a finite number > 0, found " + Yaml.describe(node));
            return LossChoice.DEFAULT_WEIGHT;
        }
        return node.asDouble();
    }

    private void checkNeedsNoLabels(Resolved<LossProvider<?>> loss, String path) {
        try {
            if (create(loss.provider(), loss.settings()).needsWeakLabels()) {
                problems.at(
                        path,
                        "loss '"
                                + loss.name()
                                + "' needs weak labels, but the config has no labeller; add"
                                + " one (e.g. labeller: {name: nearest-neighbour, head: phi}) or"
                                + " remove this loss");
            }
        } catch (RuntimeException e) {
            problems.at(path, "could not create loss '" + loss.name() + "': " + e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private static <T, S extends Settings> T create(Provider<T, S> provider, Settings settings) {
        return provider.create((S) settings);
    }

    private <P extends Provider<?, ?>> List<PluginChoice> choiceList(
            JsonNode node, String key, PluginFamily<P> family) {
        List<PluginChoice> choices = new ArrayList<>();
        if (node.isMissingNode()) {
            return choices;
        }
        if (!node.isArray()) {
            problems.at(
                    key,
                    "expected a list of "
                            + family.label()
                            + " choices, e.g. [{name: ...}], found "
                            + Yaml.describe(node));
            return choices;
        }
        for (int i = 0; i < node.size(); i++) {
            choice(node.get(i), Problems.join(key, i), family, List.of())
                    .ifPresent(r -> choices.add(new PluginChoice(r.name(), r.map())));
        }
        return choices;
    }

    private TrainingConfig training(JsonNode node) {
        int before = problems.size();
        Optional<TrainingConfig> training =
                RecordBinder.bind(node, TrainingConfig.defaults(), "training", problems);
        if (training.isEmpty()) {
            return TrainingConfig.defaults();
        }
        var keys = RecordBinder.properties(TrainingConfig.class, training.get()).keySet();
        for (String problem : training.get().problems()) {
            problems.add(RecordBinder.prefixed("training", problem, keys));
        }
        return problems.size() > before ? TrainingConfig.defaults() : training.get();
    }

    /** Warns about what is allowed but probably not meant. */
    static void warnAboutOddities(RunConfig config) {
        Set<String> used = new HashSet<>();
        config.losses().forEach(loss -> used.add(loss.head()));
        config.labeller().ifPresent(labeller -> used.add(labeller.head()));
        for (String head : config.heads().keySet()) {
            if (!used.contains(head)) {
                LOG.warn("head '{}' is read by no loss and no labeller; it only costs time", head);
            }
        }
    }
}
