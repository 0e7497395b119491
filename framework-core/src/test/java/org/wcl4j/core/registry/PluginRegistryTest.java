package org.wcl4j.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcl4j.api.label.WeakLabeller;
import org.wcl4j.api.label.WeakLabellerProvider;
import org.wcl4j.api.loss.Loss;
import org.wcl4j.api.loss.LossProvider;
import org.wcl4j.api.model.Head;
import org.wcl4j.api.model.HeadProvider;
import org.wcl4j.api.plugin.NoSettings;
import org.wcl4j.core.testing.AlignLossProvider;
import org.wcl4j.core.testing.ArgmaxLabellerProvider;

class PluginRegistryTest {

    @Test
    void discoversEveryRegisteredProviderUnderItsFamily() {
        PluginRegistry registry = PluginRegistry.discover();

        assertThat(registry.names(PluginFamily.DATASET)).containsExactly("blobs");
        assertThat(registry.names(PluginFamily.LOSS)).containsExactly("align", "weak-align");
        assertThat(registry.names(PluginFamily.CROP_STRATEGY)).containsExactly("two-views");
        assertThat(registry.find(PluginFamily.LABELLER, "nearest-neighbour"))
                .get()
                .isInstanceOf(ArgmaxLabellerProvider.class);
        assertThat(registry.plugins())
                .extracting(PluginInfo::family, PluginInfo::name)
                .startsWith(
                        org.assertj.core.groups.Tuple.tuple("dataset", "blobs"),
                        org.assertj.core.groups.Tuple.tuple("encoder", "tiny-conv"))
                .hasSize(10);
        assertThat(registry.plugins().get(0).defaults())
                .isEqualTo(new org.wcl4j.core.testing.BlobsDatasetProvider.Blobs(48, 24, 8, 7));
    }

    @Test
    void misspeltNameListsTheKnownNamesAndTheClosest() {
        PluginRegistry registry = PluginRegistry.discover();

        assertThatThrownBy(() -> registry.provider(PluginFamily.LABELLER, "nearest-neigbour"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "unknown labeller 'nearest-neigbour'; did you mean 'nearest-neighbour'?"
                                + " known: nearest-neighbour");
        assertThatThrownBy(() -> registry.provider(PluginFamily.LOSS, "ntxent"))
                .hasMessage("unknown loss 'ntxent'; known: align, weak-align");
    }

    @Test
    void duplicateNameInOneFamilyNamesBothClasses(@TempDir Path classes) throws IOException {
        Path services = classes.resolve("META-INF/services");
        Files.createDirectories(services);
        Files.writeString(
                services.resolve(WeakLabellerProvider.class.getName()),
                CopyLabeller.class.getName() + "\n" + OtherCopyLabeller.class.getName() + "\n");

        try (URLClassLoader loader =
                new URLClassLoader(
                        new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            assertThatThrownBy(() -> PluginRegistry.discover(loader))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(
                            "duplicate labeller name 'copy': registered by both "
                                    + CopyLabeller.class.getName()
                                    + " and "
                                    + OtherCopyLabeller.class.getName()
                                    + "; rename one of them or remove one jar from the class"
                                    + " path");
        }
    }

    @Test
    void sameNameInTwoFamiliesIsFine() {
        PluginRegistry registry =
                PluginRegistry.of(List.of(new SharedNameHead(), new SharedNameLoss()));

        assertThat(registry.names(PluginFamily.HEAD)).containsExactly("shared");
        assertThat(registry.names(PluginFamily.LOSS)).containsExactly("shared");
        assertThatThrownBy(
                        () ->
                                PluginRegistry.of(
                                        List.of(new AlignLossProvider(), new AlignLossProvider())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("duplicate loss name 'align'");
    }

    @Test
    void closestNameAllowsAFewEdits() {
        assertThat(Names.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(Names.closest("trainnig", List.of("name", "training", "heads")))
                .contains("training");
        assertThat(Names.closest("xyz", List.of("training"))).isEmpty();
    }

    /** A labeller named {@code copy}. */
    public static final class CopyLabeller implements WeakLabellerProvider<NoSettings> {
        @Override
        public String name() {
            return "copy";
        }

        @Override
        public String description() {
            return "first of two providers with one name";
        }

        @Override
        public NoSettings defaults() {
            return new NoSettings();
        }

        @Override
        public WeakLabeller create(NoSettings settings) {
            throw new UnsupportedOperationException("never made");
        }
    }

    /** Another labeller named {@code copy}. */
    public static final class OtherCopyLabeller implements WeakLabellerProvider<NoSettings> {
        @Override
        public String name() {
            return "copy";
        }

        @Override
        public String description() {
            return "second of two providers with one name";
        }

        @Override
        public NoSettings defaults() {
            return new NoSettings();
        }

        @Override
        public WeakLabeller create(NoSettings settings) {
            throw new UnsupportedOperationException("never made");
        }
    }

    private static final class SharedNameHead implements HeadProvider<NoSettings> {
        @Override
        public String name() {
            return "shared";
        }

        @Override
        public String description() {
            return "a head called shared";
        }

        @Override
        public NoSettings defaults() {
            return new NoSettings();
        }

        @Override
        public Head create(NoSettings settings) {
            throw new UnsupportedOperationException("never made");
        }
    }

    private static final class SharedNameLoss implements LossProvider<NoSettings> {
        @Override
        public String name() {
            return "shared";
        }

        @Override
        public String description() {
            return "a loss called shared";
        }

        @Override
        public NoSettings defaults() {
            return new NoSettings();
        }

        @Override
        public Loss create(NoSettings settings) {
            throw new UnsupportedOperationException("never made");
        }
    }
}
