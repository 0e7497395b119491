package org.wcl4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.wcl4j.core.config.RunConfig;

/** Reading table files, expanding {@code *} overrides, and resolving the shipped tables. */
class ReproductionTableTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void everyProblemOfATableFileIsNamedAtOnce() {
        String broken =
                """
                number: 2
                title: t
                source: s
                measure: acuracy
                reference: nowhere
                profiles:
                  cpu: {description: d, seeds: [1], sett: []}
                cells:
                  - {id: a, config: simclr}
                  - {id: a, config: wcl}
                  - {id: Bad_Id, config: wcl}
                claims:
                  - {claim: c, higher: [a, b], than: [a]}
                  - {claim: d, lower: [a], than: [a]}
                """;

        assertThatThrownBy(() -> ReproductionTableFile.parse(broken, "broken.yaml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected a valid table in broken.yaml, found 9 problems")
                .hasMessageContaining("measure: expected accuracy or step-time, found 'acuracy'")
                .hasMessageContaining("profiles.cpu.sett: unknown key")
                .hasMessageContaining("cells.1.id: expected each id once, found 'a' again")
                .hasMessageContaining("cells.2.id: expected lower-case letters")
                .hasMessageContaining("reference: expected the id of a cell, found 'nowhere'")
                .hasMessageContaining("claims.0: expected as many cells in than: as in higher:")
                .hasMessageContaining("claims.0: no cell 'b'")
                .hasMessageContaining(
                        "claims.1: expected two different cells in each comparison, found a"
                                + " against itself");
    }

    @Test
    void anUnknownTableSaysWhichExist() {
        assertThatThrownBy(() -> ReproductionTableFile.load("7"))
                .hasMessage(
                        "no table '7': expected the number of one of the paper's tables [1, 2, 3,"
                                + " 4] or a table YAML file; e.g. wcl4j reproduce 2 --profile cpu");
    }

    @Test
    void aStarStandsForEveryKeyThere() throws Exception {
        var tree =
                YAML.readTree("heads:\n  g: {name: mlp}\n  phi: {name: mlp}\nencoder: {name: x}\n");

        assertThat(ReproductionCells.expand("heads.*.settings.hidden=16", tree))
                .containsExactly("heads.g.settings.hidden=16", "heads.phi.settings.hidden=16");
        assertThat(ReproductionCells.expand("encoder.settings.widths=[4,8]", tree))
                .containsExactly("encoder.settings.widths=[4,8]");
        // no heads at all: nothing to set
        assertThat(ReproductionCells.expand("heads.*.settings.hidden=16", YAML.readTree("a: 1")))
                .isEmpty();
    }

    @Test
    void everyShippedTableResolvesInEveryProfile() {
        for (int number : ReproductionTable.SHIPPED) {
            ReproductionTable table = ReproductionTableFile.load(String.valueOf(number)).table();
            assertThat(table.number()).isEqualTo(number);
            assertThat(table.claims()).as("claims of table %d", number).isNotEmpty();
            for (ReproductionTable.Profile profile : table.profiles().values()) {
                List<List<ReproductionCells.Resolved>> cells =
                        ReproductionCells.resolve(
                                table, Optional.empty(), profile, List.of(1L), List.of());
                assertThat(cells)
                        .as("table %d, profile %s", number, profile.name())
                        .hasSize(table.cellsIn(profile.name()).size());
                for (List<ReproductionCells.Resolved> perSeed : cells) {
                    RunConfig config = perSeed.get(0).config();
                    assertThat(config.name()).isEqualTo(perSeed.get(0).cell().id());
                    assertThat(config.seed()).isEqualTo(1L);
                }
            }
            assertThat(table.profiles()).containsKeys("paper", "cpu", "smoke");
        }
    }

    @Test
    void aStarOnTheCommandLineReachesEveryHeadOfEveryCell() {
        ReproductionTable table = ReproductionTableFile.load("2").table();
        ReproductionTable.Profile smoke = table.profiles().get("smoke");

        List<List<ReproductionCells.Resolved>> cells =
                ReproductionCells.resolve(
                        table,
                        Optional.empty(),
                        smoke,
                        List.of(3L),
                        List.of("heads.*.settings.output=12"));

        // nt-xent has head g only, graph-only phi only, two-heads both
        assertThat(cells.get(0).get(0).overrides())
                .contains("heads.g.settings.output=12")
                .doesNotContain("heads.phi.settings.output=12")
                .endsWith("name=nt-xent", "seed=3");
        assertThat(cells.get(1).get(0).overrides()).contains("heads.phi.settings.output=12");
        assertThat(cells.get(3).get(0).overrides())
                .contains("heads.g.settings.output=12", "heads.phi.settings.output=12");
        // the command line's value comes after the profile's 8, so it wins
        assertThat(cells.get(3).get(0).config().heads().get("phi").toString())
                .contains("output=12");
    }
}
