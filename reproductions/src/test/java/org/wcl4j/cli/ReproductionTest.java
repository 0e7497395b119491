package org.wcl4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The numbers of a reproduced table on runs made up here, worked out by hand. p-values use the
 * closed form of Student's t with one degree of freedom (two seeds): {@code p = 1 - (2/pi)
 * atan(|t|)}, evaluated with Python's math module.
 */
class ReproductionTest {

    private static final String ACCURACY_TABLE =
            """
            number: 9
            title: made up
            source: nowhere
            measure: accuracy
            reference: base
            profiles:
              smoke: {description: tiny, seeds: [1, 2], metric: knn/top1, set: []}
            cells:
              - {id: base, label: Base, config: simclr, paper: 80.0}
              - {id: better, label: Better, config: wcl, paper: 82.5}
              - {id: worse, label: Worse, config: wcl, paper: 81.0}
            claims:
              - {claim: better beats base, higher: [better], than: [base]}
              - {claim: both beat base, higher: [better, worse], than: [base, base]}
            """;

    private static final String TIME_TABLE =
            """
            number: 8
            title: made-up cost
            source: nowhere
            measure: step-time
            reference: base
            profiles:
              smoke: {description: tiny, seeds: [1, 2], set: []}
            cells:
              - {id: base, config: simclr, paper: 1.0}
              - {id: slow, config: wcl, paper: 1.31}
            claims:
              - {claim: slow costs under 1.31, lower: [slow], than: 1.31}
              - {claim: slow costs over 1.2, higher: [slow], than: 1.2}
            """;

    private static Reproduction.CellRuns runs(ReproductionTable table, String id, double... raw) {
        return new Reproduction.CellRuns(
                table.cell(id).orElseThrow(),
                List.of(1L, 2L),
                raw,
                List.of(Path.of(id + "-1"), Path.of(id + "-2")));
    }

    /** Base 70 and 72 over seeds 1 and 2; better 71 and 75; worse 69 and 72. */
    private static List<Reproduction.Row> accuracyRows(ReproductionTable table) {
        return Reproduction.rows(
                table,
                List.of(
                        runs(table, "base", 70, 72),
                        runs(table, "better", 71, 75),
                        runs(table, "worse", 69, 72)));
    }

    @Test
    void accuracyRowsAreMeansDifferencesAndPairedTests() {
        ReproductionTable table = ReproductionTableFile.parse(ACCURACY_TABLE, "test");
        List<Reproduction.Row> rows = accuracyRows(table);

        Reproduction.Row better = rows.get(1);
        // mean (71 + 75) / 2 = 73; sd sqrt((4 + 4) / 1) = 2.828...; base mean 71, so +2
        assertThat(better.mean()).isEqualTo(73.0);
        assertThat(better.sd()).isCloseTo(Math.sqrt(8), within(1e-12));
        assertThat(better.difference()).isEqualTo(2.0);
        // differences 1 and 3: sd sqrt(2), t = 2 / (sqrt 2 / sqrt 2) = 2, p = 1 - (2/pi) atan 2
        assertThat(better.differenceSd()).isCloseTo(Math.sqrt(2), within(1e-12));
        assertThat(better.p()).isCloseTo(0.2951672353008665, within(1e-12));
        assertThat(better.paperDifference()).isEqualTo(2.5);
        assertThat(rows.get(0).p()).isNaN();
        // worse: 70.5 - 71 = -0.5
        assertThat(rows.get(2).difference()).isEqualTo(-0.5);
    }

    @Test
    void aClaimHoldsOnlyWhenEveryComparisonGoesItsWay() {
        ReproductionTable table = ReproductionTableFile.parse(ACCURACY_TABLE, "test");
        List<Reproduction.ClaimResult> claims = Reproduction.claims(table, accuracyRows(table));

        Reproduction.ClaimResult one = claims.get(0);
        assertThat(one.held()).isTrue();
        assertThat(one.significant()).isFalse(); // p 0.295
        assertThat(one.paperHolds()).isTrue();
        assertThat(one.verdict()).isEqualTo("held in the mean, not significant");

        Reproduction.ClaimResult both = claims.get(1);
        assertThat(both.held()).isFalse(); // worse is 0.5 below base
        assertThat(both.paperHolds()).isTrue(); // the paper has 82.5 and 81 over 80
        assertThat(both.verdict()).isEqualTo("did not hold (1 of 2 went its way)");
        assertThat(both.comparisons().get(1).difference()).isEqualTo(-0.5);
    }

    @Test
    void stepTimesBecomeRatiosToTheReferenceOfTheSameSeed() {
        ReproductionTable table = ReproductionTableFile.parse(TIME_TABLE, "test");
        List<Reproduction.Row> rows =
                Reproduction.rows(
                        table,
                        List.of(runs(table, "base", 100, 200), runs(table, "slow", 150, 260)));

        // 150 / 100 = 1.5 and 260 / 200 = 1.3: mean 1.4, sd sqrt(0.02) = 0.1414
        Reproduction.Row slow = rows.get(1);
        assertThat(slow.values()).containsExactly(1.5, 1.3);
        assertThat(slow.raw()).containsExactly(150.0, 260.0);
        assertThat(slow.mean()).isCloseTo(1.4, within(1e-12));
        assertThat(slow.sd()).isCloseTo(Math.sqrt(0.02), within(1e-12));
        assertThat(rows.get(0).values()).containsExactly(1.0, 1.0);

        List<Reproduction.ClaimResult> claims = Reproduction.claims(table, rows);
        // 1.4 is not under 1.31: t = 0.09 / (0.1414 / sqrt 2) = 0.9, p = 1 - (2/pi) atan 0.9
        assertThat(claims.get(0).held()).isFalse();
        assertThat(claims.get(0).paperHolds()).isFalse(); // the paper's 1.31 is not under 1.31
        assertThat(claims.get(0).comparisons().get(0).p())
                .isCloseTo(0.5334754167131482, within(1e-9));
        assertThat(claims.get(1).held()).isTrue();
        assertThat(claims.get(1).comparisons().get(0).difference()).isCloseTo(0.2, within(1e-12));
    }

    @Test
    void csvHasTheUnroundedNumbersAndEverySeed() {
        ReproductionTable table = ReproductionTableFile.parse(ACCURACY_TABLE, "test");
        List<Reproduction.Row> rows = accuracyRows(table);

        String csv = ReproductionFiles.csv(rows);

        String[] better = csv.lines().toList().get(2).split(",", -1);
        assertThat(better)
                .hasSize(11)
                .startsWith("better", "Better", "82.5", "73.0", Double.toString(Math.sqrt(8)))
                .endsWith("2.0", "2.5", better[7], "2", "71.0;75.0", "71.0;75.0");
        assertThat(Double.parseDouble(better[7])).isCloseTo(0.2951672353008665, within(1e-12));
        assertThat(csv.lines().toList().get(1)).startsWith("base,Base,80.0,71.0,").contains(",,");
    }
}
