package org.wcl4j.core.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wcl4j.api.data.Dataset;
import org.wcl4j.api.data.DatasetSplit;
import org.wcl4j.api.data.Image;
import org.wcl4j.api.loss.LossProvider;
import org.wcl4j.core.config.ConfigException;
import org.wcl4j.core.config.ConfigLoader;
import org.wcl4j.core.config.LossChoice;
import org.wcl4j.core.config.RunConfig;
import org.wcl4j.core.registry.PluginRegistry;
import org.wcl4j.core.testing.AlignLossProvider;
import org.wcl4j.core.testing.BlobsDatasetProvider;
import org.wcl4j.engine.LossTerm;

class RunWiringTest {

    private static final PluginRegistry REGISTRY = PluginRegistry.discover();

    private static RunConfig tiny(String... overrides) {
        return ConfigLoader.load(
                Path.of("src/test/resources/configs/tiny.yaml"), List.of(overrides), REGISTRY);
    }

    @Test
    void makesEveryPartFromTheConfig() {
        RunComponents parts = RunWiring.components(RunWiring.injector(tiny(), REGISTRY, List.of()));

        assertThat(parts.dataset().train().size()).isEqualTo(40);
        assertThat(parts.heads().keySet()).containsExactly("g", "phi");
        assertThat(parts.heads().get("g").outputSize()).isEqualTo(4);
        assertThat(parts.labeller()).get().extracting(b -> b.head()).isEqualTo("phi");
        assertThat(parts.augmentations().steps()).hasSize(1);
        assertThat(parts.losses())
                .extracting(LossTerm::name, LossTerm::head, LossTerm::weight)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("align", "g", 1.0),
                        org.assertj.core.groups.Tuple.tuple("weak-align", "phi", 0.5));
        assertThat(parts.evaluation()).hasSize(1);
    }

    @Test
    void repeatedLossesGetNumberedTermNames() {
        RunConfig base = tiny();
        RunConfig twice =
                new RunConfig(
                        base.name(),
                        base.seed(),
                        base.dataset(),
                        base.encoder(),
                        base.heads(),
                        base.labeller(),
                        base.crops(),
                        base.augmentations(),
                        List.of(
                                new LossChoice("align", "g", 1.0, Map.of()),
                                new LossChoice("align", "phi", 1.0, Map.of()),
                                new LossChoice("align", "g", 2.0, Map.of("scale", 3.0))),
                        base.training(),
                        base.evaluation());

        List<LossTerm> terms =
                RunWiring.injector(twice, REGISTRY, List.of())
                        .getInstance(Key.get(new TypeLiteral<List<LossTerm>>() {}));

        assertThat(terms).extracting(LossTerm::name).containsExactly("align", "align-2", "align-3");
    }

    @Test
    void overrideReplacesOneBindingAndKeepsTheOthers() {
        Dataset replacement =
                new BlobsDatasetProvider().create(new BlobsDatasetProvider.Blobs(12, 6, 4, 1));

        RunComponents parts =
                RunWiring.components(
                        RunWiring.injector(
                                tiny(),
                                REGISTRY,
                                List.of(
                                        binder ->
                                                binder.bind(Dataset.class)
                                                        .toInstance(replacement))));

        assertThat(parts.dataset()).isSameAs(replacement);
        DatasetSplit train = parts.dataset().train();
        Image first = train.image(0);
        assertThat(first.shape().height()).isEqualTo(4);
        assertThat(parts.losses()).hasSize(2);
    }

    @Test
    void mapBinderHoldsEveryProviderOfAFamily() {
        Map<String, LossProvider<?>> losses =
                RunWiring.injector(tiny(), REGISTRY, List.of())
                        .getInstance(Key.get(new TypeLiteral<Map<String, LossProvider<?>>>() {}));

        assertThat(losses).containsOnlyKeys("align", "weak-align");
        assertThat(losses.get("align")).isInstanceOf(AlignLossProvider.class);
    }

    @Test
    void settingsOfAHandMadeConfigAreStillChecked() {
        RunConfig base = tiny();
        RunConfig bad =
                new RunConfig(
                        base.name(),
                        base.seed(),
                        base.dataset(),
                        base.encoder(),
                        base.heads(),
                        base.labeller(),
                        base.crops(),
                        base.augmentations(),
                        List.of(new LossChoice("align", "g", 1.0, Map.of("scale", 0.0))),
                        base.training(),
                        base.evaluation());

        assertThatThrownBy(() -> RunWiring.components(RunWiring.injector(bad, REGISTRY, List.of())))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(
                        "losses.0.settings.scale: expected a value in (0, 10], found 0.0");
    }
}
