package org.wcl4j.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.inject.AbstractModule;
import com.google.inject.Module;
import com.google.inject.Provides;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.wcl4j.api.augment.CropStrategy;
import org.wcl4j.api.augment.ViewBatch;
import org.wcl4j.api.label.ComponentLabels;
import org.wcl4j.api.label.WeakLabeller;
import org.wcl4j.api.plugin.NoSettings;
import org.wcl4j.core.config.ConfigLoader;
import org.wcl4j.core.config.RunConfig;
import org.wcl4j.core.registry.PluginRegistry;
import org.wcl4j.core.testing.TwoViewsCropProvider;
import org.wcl4j.engine.LabellerBinding;

/** Support views made by the crop strategy reach the labeller of a whole run unchanged. */
class SupportViewsRunTest {

    private static final PluginRegistry REGISTRY = PluginRegistry.discover();

    @TempDir Path runs;

    /** One labeller call: the view's embeddings and the support views' embeddings. */
    private record Call(double[] view, List<double[]> support, long[] supportShape) {}

    @Test
    void supportViewsFromTheCropStrategyReachTheLabellerOfEveryStep() throws IOException {
        // support view 0 is a copy of global view 1 and support view 1 of global view 0, so in
        // one forward pass (one set of BatchNorm statistics) their embeddings equal those views'
        CropStrategy twoViews = new TwoViewsCropProvider().create(new NoSettings());
        CropStrategy swappedCopies =
                request -> {
                    ViewBatch views = twoViews.views(request);
                    return new ViewBatch(
                            views.global(),
                            List.of(),
                            List.of(views.global().get(1), views.global().get(0)));
                };
        List<Call> calls = new ArrayList<>();
        WeakLabeller recording =
                (embeddings, context) -> {
                    calls.add(
                            new Call(
                                    doubles(embeddings),
                                    context.supportViews().stream()
                                            .map(SupportViewsRunTest::doubles)
                                            .toList(),
                                    context.supportViews().isEmpty()
                                            ? new long[0]
                                            : context.supportViews().get(0).shape()));
                    int n = embeddings.rows();
                    int[] components = new int[n];
                    for (int i = 0; i < n; i++) {
                        components[i] = embeddings.getRow(i).argMax().getInt(0);
                    }
                    return new ComponentLabels(components);
                };
        Module overrides =
                new AbstractModule() {
                    @Provides
                    CropStrategy crops() {
                        return swappedCopies;
                    }

                    @Provides
                    Optional<LabellerBinding> labeller() {
                        return Optional.of(new LabellerBinding("phi", recording));
                    }
                };
        RunConfig config =
                ConfigLoader.load(
                        Path.of("src/test/resources/configs/tiny.yaml"), List.of(), REGISTRY);

        RunSummary summary =
                TrainingRun.create(
                                config,
                                runs,
                                REGISTRY,
                                RunOptions.defaults().withOverrides(List.of(overrides)))
                        .execute(RunListener.NONE);

        // first the check before the run directory is made: random embeddings of the batch's
        // size, with as many support views as the crops make
        Call preflight = calls.remove(0);
        assertThat(preflight.support()).hasSize(2);
        assertThat(preflight.supportShape()[0]).isEqualTo(8);

        // 10 steps of two global views each; head phi has 4 outputs, batches hold 8 images
        assertThat(calls).hasSize(20);
        for (int c = 0; c < calls.size(); c++) {
            Call call = calls.get(c);
            assertThat(call.support()).as("call %d", c).hasSize(2);
            assertThat(call.supportShape()).containsExactly(8, 4);
            // call 2t labels global view 0 (= support view 1), call 2t + 1 view 1 (= support 0)
            double[] copy = call.support().get(c % 2 == 0 ? 1 : 0);
            assertThat(copy).hasSameSizeAs(call.view());
            for (int k = 0; k < copy.length; k++) {
                assertThat(copy[k])
                        .as("call %d entry %d", c, k)
                        .isCloseTo(call.view()[k], within(1e-5));
            }
        }
        assertThat(summary.steps()).isEqualTo(10);
        assertThat(summary.lastEpoch().get("weak/reciprocity")).isEqualTo(1.0);
        JsonNode json =
                JsonFiles.MAPPER.readTree(summary.directory().resolve("summary.json").toFile());
        assertThat(json.get("weak/reciprocity").asDouble()).isEqualTo(1.0);
        assertThat(Files.readAllLines(summary.directory().resolve("metrics.csv"))).hasSize(11);
    }

    private static double[] doubles(INDArray array) {
        return array.castTo(DataType.DOUBLE).dup().data().asDouble();
    }
}
