package org.wcl4j.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.wcl4j.cli.ReproductionTable.Cell;
import org.wcl4j.cli.ReproductionTable.Claim;
import org.wcl4j.cli.ReproductionTable.Direction;
import org.wcl4j.cli.ReproductionTable.Measure;
import org.wcl4j.cli.ReproductionTable.Profile;

/**
 * Reads a {@link ReproductionTable} from its YAML: a shipped table by number, or any file of the
 * same form. Every problem of a file is collected and reported at once, each with its place in the
 * file, what was expected and what was found.
 */
final class ReproductionTableFile {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private ReproductionTableFile() {}

    /**
     * Reads a table: {@code 1} to {@code 4} (or {@code table2}) for a shipped one, else a YAML
     * file.
     *
     * @return the table and the folder its relative config paths are read from (empty for a shipped
     *     table, whose configs are shipped ones)
     * @throws IllegalArgumentException when there is no such table or the file is not a valid
     *     table; the message names every problem and what to do
     */
    static Loaded load(String nameOrPath) {
        Path file = Path.of(nameOrPath);
        if (Files.isRegularFile(file)) {
            try {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                String stem = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
                String slug = stem.replaceAll("[^A-Za-z0-9._-]", "-");
                if (ReproductionTable.SHIPPED.stream().anyMatch(n -> slug.equals("table" + n))) {
                    throw new IllegalArgumentException(
                            "expected a table file named unlike the shipped tables (its runs and"
                                    + " report are named after the file), found "
                                    + file
                                    + ", which would share the folders of the shipped "
                                    + slug
                                    + "; rename the file, e.g. to my-"
                                    + stem
                                    + ".yaml");
                }
                return new Loaded(
                        parse(text, file.toString(), slug),
                        Optional.ofNullable(file.toAbsolutePath().getParent()));
            } catch (IOException e) {
                throw new UncheckedIOException("could not read the table " + file, e);
            }
        }
        String stem = nameOrPath.toLowerCase(Locale.ROOT).replaceFirst("^table", "");
        if (stem.matches("\\d+") && ReproductionTable.SHIPPED.contains(Integer.parseInt(stem))) {
            String resource = "/tables/table" + Integer.parseInt(stem) + ".yaml";
            try (InputStream in = ReproductionTableFile.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException(
                            "the shipped table " + resource + " is missing from the class path");
                }
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                return new Loaded(
                        parse(text, resource, "table" + Integer.parseInt(stem)), Optional.empty());
            } catch (IOException e) {
                throw new UncheckedIOException("could not read the shipped table " + resource, e);
            }
        }
        throw new IllegalArgumentException(
                "no table '"
                        + nameOrPath
                        + "': expected the number of one of the paper's tables "
                        + ReproductionTable.SHIPPED
                        + " or a table YAML file; e.g. wcl4j reproduce 2 --profile cpu");
    }

    /**
     * A table and where its relative paths start.
     *
     * @param table the table
     * @param directory the folder of its file; empty for a shipped table
     */
    record Loaded(ReproductionTable table, Optional<Path> directory) {}

    /**
     * Parses a table's YAML.
     *
     * @param source the file it came from, for messages
     * @throws IllegalArgumentException naming every problem found
     */
    static ReproductionTable parse(String text, String source) {
        return parse(text, source, null);
    }

    /**
     * Parses a table's YAML.
     *
     * @param source the file it came from, for messages
     * @param slug what its folders and files are named after; {@code null} for {@code
     *     table<number>}
     * @throws IllegalArgumentException naming every problem found
     */
    static ReproductionTable parse(String text, String source, @Nullable String slug) {
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "expected a table in YAML in "
                            + source
                            + ", found text that does not parse: "
                            + e.getOriginalMessage()
                            + " (line "
                            + (e.getLocation() == null ? "?" : e.getLocation().getLineNr())
                            + "); fix the YAML",
                    e);
        }
        Reader reader = new Reader(source);
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(
                    "expected a mapping with number, title, cells, ... in "
                            + source
                            + ", found "
                            + (root == null || root.isMissingNode()
                                    ? "an empty file"
                                    : root.isValueNode() ? "the value " + root : "a list")
                            + "; see the shipped tables in reproductions/src/main/resources/tables");
        }
        reader.keys(
                root,
                "",
                Set.of(
                        "number",
                        "title",
                        "source",
                        "measure",
                        "reference",
                        "profiles",
                        "cells",
                        "claims"));
        int number = reader.integer(root, "number");
        String title = reader.text(root, "title");
        String source2 = reader.text(root, "source");
        String measureText = reader.text(root, "measure");
        Measure measure = Measure.ACCURACY;
        switch (measureText) {
            case "accuracy" -> measure = Measure.ACCURACY;
            case "step-time" -> measure = Measure.STEP_TIME;
            case "" -> {}
            default ->
                    reader.problem(
                            "measure: expected accuracy or step-time, found '" + measureText + "'");
        }
        String reference = reader.text(root, "reference");

        Map<String, Profile> profiles = profiles(root, reader);
        List<Cell> cells = cells(root, profiles, reader);
        Set<String> ids = new HashSet<>();
        cells.forEach(cell -> ids.add(cell.id()));
        if (!reference.isEmpty() && !ids.contains(reference)) {
            reader.problem(
                    "reference: expected the id of a cell, found '"
                            + reference
                            + "'; cells: "
                            + ids);
        }
        for (Profile profile : profiles.values()) {
            boolean referenceRuns =
                    cells.stream()
                            .anyMatch(c -> c.id().equals(reference) && c.runsIn(profile.name()));
            if (!reference.isEmpty() && ids.contains(reference) && !referenceRuns) {
                reader.problem(
                        "reference: the cell '"
                                + reference
                                + "' does not run in profile "
                                + profile.name()
                                + ", but every profile needs it");
            }
        }

        List<Claim> claims = new ArrayList<>();
        List<JsonNode> claimNodes = reader.list(root, "", "claims");
        for (int i = 0; i < claimNodes.size(); i++) {
            claims.add(claim(claimNodes.get(i), "claims." + i, ids, reader));
        }
        reader.throwIfAny();
        return new ReproductionTable(
                number,
                title,
                source2,
                measure,
                reference,
                profiles,
                cells,
                claims,
                slug != null ? slug : "table" + number);
    }

    /** The {@code profiles:} mapping, by name in the file's order. */
    private static Map<String, Profile> profiles(JsonNode root, Reader reader) {
        Map<String, Profile> profiles = new LinkedHashMap<>();
        JsonNode profileNodes = root.path("profiles");
        if (!profileNodes.isObject() || profileNodes.isEmpty()) {
            reader.problem("profiles: expected a mapping of profile names, found none");
        } else {
            profileNodes
                    .properties()
                    .forEach(
                            e -> {
                                String at = "profiles." + e.getKey();
                                JsonNode node = e.getValue();
                                reader.keys(
                                        node, at, Set.of("description", "seeds", "metric", "set"));
                                List<Long> seeds = new ArrayList<>();
                                for (JsonNode seed : reader.list(node, at, "seeds")) {
                                    if (seed.canConvertToLong() && seed.asLong() >= 0) {
                                        seeds.add(seed.asLong());
                                    } else {
                                        reader.problem(
                                                at
                                                        + ".seeds: expected non-negative integers,"
                                                        + " found "
                                                        + seed);
                                    }
                                }
                                if (seeds.isEmpty()) {
                                    reader.problem(at + ".seeds: expected at least one seed");
                                }
                                profiles.put(
                                        e.getKey(),
                                        new Profile(
                                                e.getKey(),
                                                reader.text(node, at, "description"),
                                                seeds,
                                                node.path("metric").asText("knn/top1"),
                                                reader.strings(node, at, "set")));
                            });
        }
        return profiles;
    }

    /** The {@code cells:} list; ids are checked to be well formed and unique. */
    private static List<Cell> cells(JsonNode root, Map<String, Profile> profiles, Reader reader) {
        List<Cell> cells = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        List<JsonNode> cellNodes = reader.list(root, "", "cells");
        if (cellNodes.isEmpty()) {
            reader.problem("cells: expected at least one cell");
        }
        for (int i = 0; i < cellNodes.size(); i++) {
            JsonNode node = cellNodes.get(i);
            String at = "cells." + i;
            reader.keys(
                    node, at, Set.of("id", "label", "config", "set", "profiles", "only", "paper"));
            String id = reader.text(node, at, "id");
            if (!id.isEmpty() && !id.matches("[a-z0-9][a-z0-9-]*")) {
                reader.problem(
                        at
                                + ".id: expected lower-case letters, digits and '-' (it names"
                                + " folders), found '"
                                + id
                                + "'");
            } else if (!id.isEmpty() && !ids.add(id)) {
                reader.problem(at + ".id: expected each id once, found '" + id + "' again");
            }
            Map<String, List<String>> perProfile = new LinkedHashMap<>();
            JsonNode byProfile = node.path("profiles");
            if (!byProfile.isMissingNode()) {
                if (!byProfile.isObject()) {
                    reader.problem(at + ".profiles: expected a mapping of profile to overrides");
                } else {
                    byProfile
                            .properties()
                            .forEach(
                                    e -> {
                                        if (!profiles.isEmpty()
                                                && !profiles.containsKey(e.getKey())) {
                                            reader.problem(
                                                    at
                                                            + ".profiles."
                                                            + e.getKey()
                                                            + ": no such profile; the table has "
                                                            + profiles.keySet());
                                        }
                                        perProfile.put(
                                                e.getKey(),
                                                reader.strings(
                                                        byProfile, at + ".profiles", e.getKey()));
                                    });
                }
            }
            List<String> only = reader.strings(node, at, "only");
            for (String profile : only) {
                if (!profiles.isEmpty() && !profiles.containsKey(profile)) {
                    reader.problem(
                            at
                                    + ".only: no profile '"
                                    + profile
                                    + "'; the table has "
                                    + profiles.keySet());
                }
            }
            JsonNode paper = node.path("paper");
            OptionalDouble paperValue = OptionalDouble.empty();
            if (paper.isNumber()) {
                paperValue = OptionalDouble.of(paper.asDouble());
            } else if (!paper.isMissingNode() && !paper.isNull()) {
                reader.problem(at + ".paper: expected a number, found " + paper);
            }
            cells.add(
                    new Cell(
                            id,
                            node.path("label").asText(id),
                            reader.text(node, at, "config"),
                            reader.strings(node, at, "set"),
                            perProfile,
                            only,
                            paperValue));
        }
        return cells;
    }

    /**
     * A claim: {@code {claim: TEXT, higher|lower: [CELLS], than: [CELLS]}} for pairwise
     * comparisons, or {@code {claim: TEXT, higher|lower: [CELLS], than: NUMBER}} against a bound.
     */
    private static Claim claim(JsonNode node, String at, Set<String> ids, Reader reader) {
        reader.keys(node, at, Set.of("claim", "higher", "lower", "than"));
        String text = reader.text(node, at, "claim");
        boolean higher = node.has("higher");
        if (higher == node.has("lower")) {
            reader.problem(at + ": expected exactly one of higher: or lower:");
        }
        String key = higher ? "higher" : "lower";
        List<String> cells = reader.strings(node, at, key);
        List<String> than = new ArrayList<>();
        OptionalDouble bound = OptionalDouble.empty();
        JsonNode thanNode = node.path("than");
        if (thanNode.isNumber()) {
            bound = OptionalDouble.of(thanNode.asDouble());
        } else {
            than = reader.strings(node, at, "than");
            if (than.size() != cells.size()) {
                reader.problem(
                        at
                                + ": expected as many cells in than: as in "
                                + key
                                + ": (they are compared pairwise), found "
                                + than.size()
                                + " and "
                                + cells.size());
            }
        }
        if (cells.isEmpty()) {
            reader.problem(at + "." + key + ": expected at least one cell");
        }
        for (int i = 0; i < Math.min(cells.size(), than.size()); i++) {
            if (cells.get(i).equals(than.get(i))) {
                reader.problem(
                        at
                                + ": expected two different cells in each comparison, found "
                                + cells.get(i)
                                + " against itself");
            }
        }
        List<String> named = new ArrayList<>(cells);
        named.addAll(than);
        for (String cell : named) {
            if (!ids.contains(cell)) {
                reader.problem(at + ": no cell '" + cell + "'; cells: " + ids);
            }
        }
        return new Claim(text, higher ? Direction.HIGHER : Direction.LOWER, cells, than, bound);
    }

    /** Reads values and collects every problem, so a file is fixed in one go. */
    private static final class Reader {
        private final String source;
        private final List<String> problems = new ArrayList<>();

        Reader(String source) {
            this.source = source;
        }

        void problem(String problem) {
            problems.add(problem);
        }

        void keys(JsonNode node, String at, Set<String> allowed) {
            if (!node.isObject()) {
                problem((at.isEmpty() ? "the table" : at) + ": expected a mapping, found " + node);
                return;
            }
            node.fieldNames()
                    .forEachRemaining(
                            key -> {
                                if (!allowed.contains(key)) {
                                    problem(
                                            (at.isEmpty() ? "" : at + ".")
                                                    + key
                                                    + ": unknown key; expected one of "
                                                    + allowed.stream().sorted().toList());
                                }
                            });
        }

        String text(JsonNode node, String key) {
            return text(node, "", key);
        }

        String text(JsonNode node, String at, String key) {
            JsonNode value = node.path(key);
            if (value.isValueNode() && !value.isNull() && !value.asText().isBlank()) {
                return value.asText();
            }
            problem(
                    (at.isEmpty() ? "" : at + ".")
                            + key
                            + ": expected a text, found "
                            + (value.isMissingNode() ? "none" : value.toString()));
            return "";
        }

        int integer(JsonNode node, String key) {
            JsonNode value = node.path(key);
            if (value.canConvertToInt() && value.isIntegralNumber()) {
                return value.asInt();
            }
            problem(
                    key
                            + ": expected an integer, found "
                            + (value.isMissingNode() ? "none" : value.toString()));
            return 0;
        }

        List<JsonNode> list(JsonNode node, String at, String key) {
            JsonNode value = node.path(key);
            List<JsonNode> items = new ArrayList<>();
            if (value.isMissingNode() || value.isNull()) {
                return items;
            }
            if (!value.isArray()) {
                problem((at.isEmpty() ? "" : at + ".") + key + ": expected a list, found " + value);
                return items;
            }
            value.forEach(items::add);
            return items;
        }

        List<String> strings(JsonNode node, String at, String key) {
            List<String> strings = new ArrayList<>();
            for (JsonNode item : list(node, at, key)) {
                if (item.isTextual()) {
                    strings.add(item.asText());
                } else {
                    problem(
                            (at.isEmpty() ? "" : at + ".")
                                    + key
                                    + ": expected texts, found "
                                    + item
                                    + (item.isObject()
                                            ? " (quote an override whose value is a mapping)"
                                            : ""));
                }
            }
            return strings;
        }

        void throwIfAny() {
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException(
                        "expected a valid table in "
                                + source
                                + ", found "
                                + (problems.size() == 1
                                        ? "a problem"
                                        : problems.size() + " problems")
                                + ":\n- "
                                + String.join("\n- ", problems)
                                + "\nFix the table file; the shipped tables in"
                                + " reproductions/src/main/resources/tables show the form");
            }
        }
    }
}
