package org.wcl4j.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One table of the paper as {@code wcl4j reproduce} runs it, read from a YAML file: its cells (each
 * a config plus {@code --set} overrides), the paper's number for each, the profiles that scale the
 * cells to a machine, and the paper's claims to check on our numbers. The shipped tables are in
 * {@code reproductions/src/main/resources/tables/}; any other file of the same form works too.
 *
 * <p>{@link ReproductionTableFile} reads and checks the files.
 *
 * <p>The overrides of a cell, in the order they are applied: the profile's {@code set}, the cell's
 * {@code set}, the cell's {@code profiles.<profile>} list, the command line's {@code --set}, then
 * the cell's name and the seed. In a profile's {@code set}, a {@code *} in the path stands for
 * every key at that place in the cell's config ({@code heads.*.settings.hidden=2048} sets the
 * hidden width of every head the cell has, one head or two).
 *
 * @param number the paper's table number
 * @param title what the table is about
 * @param source where in the paper the numbers are from, with the paper's own setting
 * @param measure what is compared
 * @param reference the cell every other is compared with
 * @param profiles by name, in the order of the file
 * @param cells in the order of the file
 * @param claims in the order of the file
 * @param slug what the table's folder of runs and its files are named after: {@code table<N>} for a
 *     shipped table, the file's name (without {@code .yaml}) for any other
 */
record ReproductionTable(
        int number,
        String title,
        String source,
        Measure measure,
        String reference,
        Map<String, Profile> profiles,
        List<Cell> cells,
        List<Claim> claims,
        String slug) {

    /** The shipped tables, by number. */
    static final List<Integer> SHIPPED = List.of(1, 2, 3, 4);

    ReproductionTable {
        profiles = Collections.unmodifiableMap(new LinkedHashMap<>(profiles));
        cells = List.copyOf(cells);
        claims = List.copyOf(claims);
    }

    /** What a table compares. */
    enum Measure {
        /**
         * An evaluation metric of the trained encoder, from {@code summary.json}'s {@code after}.
         */
        ACCURACY,
        /**
         * The mean training step time ({@code summary.json}'s {@code meanStepMilliseconds}), as a
         * ratio to the reference cell's of the same seed.
         */
        STEP_TIME
    }

    /**
     * How the table's cells are scaled for one kind of machine.
     *
     * @param name {@code paper}, {@code cpu}, {@code smoke} or any other
     * @param description how and why the cells are scaled, for the report
     * @param seeds the seeds run when {@code --seeds} is not given
     * @param metric the key of {@code summary.json}'s {@code after} compared (accuracy tables)
     * @param set overrides applied to every cell first; {@code *} as explained on the table
     */
    record Profile(
            String name, String description, List<Long> seeds, String metric, List<String> set) {

        Profile {
            seeds = List.copyOf(seeds);
            set = List.copyOf(set);
        }
    }

    /**
     * One cell: a config with overrides.
     *
     * @param id a short name, unique in the table; it names the cell's runs
     * @param label the cell as the paper's table names it
     * @param config a shipped config's name, or a YAML file (relative to the table's file)
     * @param set overrides for every profile
     * @param perProfile more overrides for some profiles, after {@code set}
     * @param only the profiles the cell runs in; empty for all
     * @param paper the paper's number for the cell, as the table's measure (accuracy in percent, or
     *     the step time relative to the reference); empty where the paper has none
     */
    record Cell(
            String id,
            String label,
            String config,
            List<String> set,
            Map<String, List<String>> perProfile,
            List<String> only,
            OptionalDouble paper) {

        Cell {
            set = List.copyOf(set);
            perProfile = Map.copyOf(perProfile);
            only = List.copyOf(only);
        }

        boolean runsIn(String profile) {
            return only.isEmpty() || only.contains(profile);
        }
    }

    /** The direction a claim expects. */
    enum Direction {
        /** The cell's number is above the other's (or the bound). */
        HIGHER,
        /** The cell's number is below the other's (or the bound). */
        LOWER
    }

    /**
     * A claim of the paper about the table, checked on our numbers.
     *
     * @param text the claim in words
     * @param direction what it expects of the cells
     * @param cells the cells it is about
     * @param than the cells they are compared with, pairwise with {@code cells}; empty for a claim
     *     against {@link #bound}
     * @param bound the number {@code cells} are compared with when {@code than} is empty
     */
    record Claim(
            String text,
            Direction direction,
            List<String> cells,
            List<String> than,
            OptionalDouble bound) {

        Claim {
            cells = List.copyOf(cells);
            than = List.copyOf(than);
        }
    }

    /** The cells that run in a profile, in the file's order. */
    List<Cell> cellsIn(String profile) {
        return cells.stream().filter(c -> c.runsIn(profile)).toList();
    }

    /** A cell by id. */
    Optional<Cell> cell(String id) {
        return cells.stream().filter(c -> c.id().equals(id)).findFirst();
    }
}
