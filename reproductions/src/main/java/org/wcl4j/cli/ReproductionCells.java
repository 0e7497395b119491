package org.wcl4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.wcl4j.core.config.ConfigException;
import org.wcl4j.core.config.RunConfig;

/**
 * Turns the cells of a {@link ReproductionTable} into the run configs of one profile: each cell's
 * config with, in order, the profile's overrides ({@code *} expanded against the cell's config),
 * the cell's own, the cell's for the profile, the command line's, and last the cell's id as the
 * run's name and the seed.
 */
final class ReproductionCells {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private ReproductionCells() {}

    /**
     * One cell resolved for one seed.
     *
     * @param cell the cell
     * @param config its run config
     * @param overrides every override applied to the cell's config, in order
     */
    record Resolved(ReproductionTable.Cell cell, RunConfig config, List<String> overrides) {

        Resolved {
            overrides = List.copyOf(overrides);
        }
    }

    /**
     * Resolves every cell of the profile for every seed, cell by cell.
     *
     * @param directory where a cell's relative config path starts; empty for shipped configs only
     * @return per cell (in the table's order), one config per seed
     * @throws IllegalArgumentException for a config that is missing or invalid with its overrides;
     *     the message names the cell and the overrides
     */
    static List<List<Resolved>> resolve(
            ReproductionTable table,
            Optional<Path> directory,
            ReproductionTable.Profile profile,
            List<Long> seeds,
            List<String> commandLine) {
        List<List<Resolved>> resolved = new ArrayList<>();
        for (ReproductionTable.Cell cell : table.cellsIn(profile.name())) {
            String config = configOf(cell, directory);
            JsonNode base = baseTree(cell, config, table);
            List<String> overrides = new ArrayList<>();
            List<String> given = new ArrayList<>(profile.set());
            given.addAll(cell.set());
            given.addAll(cell.perProfile().getOrDefault(profile.name(), List.of()));
            given.addAll(commandLine);
            for (String override : given) {
                overrides.addAll(expand(override, base));
            }
            overrides.add("name=" + cell.id());
            List<Resolved> perSeed = new ArrayList<>();
            for (long seed : seeds) {
                List<String> all = new ArrayList<>(overrides);
                all.add("seed=" + seed);
                try {
                    perSeed.add(new Resolved(cell, ConfigSource.load(config, all), all));
                } catch (ConfigException e) {
                    throw new IllegalArgumentException(
                            "in cell "
                                    + cell.id()
                                    + " of "
                                    + table.slug()
                                    + " (config "
                                    + cell.config()
                                    + ", profile "
                                    + profile.name()
                                    + "): "
                                    + e.getMessage(),
                            e);
                }
            }
            resolved.add(perSeed);
        }
        return resolved;
    }

    /** The cell's config as {@link ConfigSource#load} takes it. */
    private static String configOf(ReproductionTable.Cell cell, Optional<Path> directory) {
        if (ConfigSource.shippedText(cell.config()).isPresent() || directory.isEmpty()) {
            return cell.config();
        }
        return directory.get().resolve(cell.config()).toString();
    }

    /**
     * The cell's config file as a YAML tree, before any override.
     *
     * @throws IllegalArgumentException when there is no such shipped config or file
     */
    private static JsonNode baseTree(
            ReproductionTable.Cell cell, String config, ReproductionTable table) {
        Optional<String> shipped = ConfigSource.shippedText(config);
        if (shipped.isEmpty() && !Files.isRegularFile(Path.of(config))) {
            throw new IllegalArgumentException(
                    "in cell "
                            + cell.id()
                            + " of "
                            + table.slug()
                            + ": expected the name of a shipped config "
                            + ConfigSource.SHIPPED
                            + " or a YAML file (relative to the table's file), found '"
                            + cell.config()
                            + "'"
                            + (config.equals(cell.config()) ? "" : " (no file " + config + ")")
                            + "; fix config: in the table");
        }
        try {
            String text =
                    shipped.isPresent()
                            ? shipped.get()
                            : Files.readString(Path.of(config), StandardCharsets.UTF_8);
            JsonNode tree = YAML.readTree(text);
            return tree == null ? YAML.createObjectNode() : tree;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the config " + config, e);
        }
    }

    /**
     * An override with {@code *} in its path as one override per key found there in {@code tree}
     * (none when the place does not exist); an override without {@code *} as itself.
     */
    static List<String> expand(String override, JsonNode tree) {
        int equals = override.indexOf('=');
        String path = equals < 0 ? override : override.substring(0, equals);
        if (equals < 0 || !path.contains("*")) {
            return List.of(override);
        }
        String value = override.substring(equals);
        List<String> paths = new ArrayList<>();
        expand("", List.of(path.split("\\.", -1)), tree, paths);
        return paths.stream().map(p -> p + value).toList();
    }

    private static void expand(String prefix, List<String> rest, JsonNode node, List<String> out) {
        if (rest.isEmpty()) {
            out.add(prefix);
            return;
        }
        String segment = rest.get(0);
        List<String> tail = rest.subList(1, rest.size());
        if (segment.equals("*")) {
            node.fieldNames()
                    .forEachRemaining(key -> expand(join(prefix, key), tail, node.path(key), out));
            return;
        }
        if (tail.stream().noneMatch("*"::equals)) {
            // the rest has no wildcard: the override applies as written below an existing key
            out.add(join(prefix, String.join(".", rest)));
            return;
        }
        if (node.has(segment)) {
            expand(join(prefix, segment), tail, node.path(segment), out);
        }
    }

    private static String join(String prefix, String key) {
        return prefix.isEmpty() ? key : prefix + "." + key;
    }
}
