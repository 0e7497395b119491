package org.wcl4j.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.wcl4j.api.augment.Augmentation;
import org.wcl4j.api.augment.AugmentationPipeline;
import org.wcl4j.api.augment.CropRequest;
import org.wcl4j.api.augment.Seeds;
import org.wcl4j.api.augment.ViewBatch;
import org.wcl4j.api.data.Image;

class KnnMultiCropStrategyTest {

    private static final long RUN_SEED = 31;
    private static final int[] ALL = {0, 1, 2, 3, 4};

    private final ArraySplit split = new ArraySplit(5, 1, 8, 8);
    private final AugmentationPipeline pipeline =
            new AugmentationPipeline(
                    List.of(
                            new RandomResizedCropAugmentation(RandomResizedCropSettings.defaults()),
                            new HorizontalFlipAugmentation(HorizontalFlipSettings.defaults())));

    @Test
    void behavesExactlyAsMultiCropBeforeTheWarmUpEpochAndUsesNeighboursFromIt() {
        KnnMultiCropStrategy knn = new KnnMultiCropStrategy(settings(2, 2));
        MultiCropStrategy plain = new MultiCropStrategy(settings(2, 2).multiCrop());

        // Epochs 0 and 1: features observed, but no neighbours in use yet.
        for (int epoch = 0; epoch < 2; epoch++) {
            ViewBatch views = knn.views(request(epoch));
            assertSameViews(views, plain.views(request(epoch)));
            knn.observe(ALL, FeatureBankTest.features());
            knn.endEpoch(epoch);
            if (epoch == 0) {
                assertThat(knn.neighbours()).isNull();
            }
        }

        // Epoch 2: local crops of image i come from its neighbours of FeatureBankTest.
        int[][] neighbours = {{1, 2}, {0, 2}, {1, 0}, {4, 2}, {3, 2}};
        assertThat(knn.neighbours()).isDeepEqualTo(neighbours);
        ViewBatch views = knn.views(request(2));
        ViewBatch plainViews = plain.views(request(2));
        Augmentation local = localPipeline();
        int fromNeighbours = 0;
        for (int m = 0; m < 2; m++) {
            for (int i = 0; i < 5; i++) {
                Random random = Seeds.forView(RUN_SEED, 2, i, 2 + m);
                int source = neighbours[i][random.nextInt(2)];
                Image expected = local.apply(split.image(source), random);
                assertThat(views.local().get(m).images().get(i).pixels())
                        .as("local crop %d of image %d", m, i)
                        .containsExactly(expected.pixels());
                if (!Arrays.equals(
                        expected.pixels(), plainViews.local().get(m).images().get(i).pixels())) {
                    fromNeighbours++;
                }
            }
        }
        assertThat(fromNeighbours).isEqualTo(10);
        for (int v = 0; v < 2; v++) {
            for (int i = 0; i < 5; i++) {
                assertThat(views.global().get(v).images().get(i).pixels())
                        .containsExactly(plainViews.global().get(v).images().get(i).pixels());
            }
        }
    }

    @Test
    void warmUpZeroStartsTheNeighboursInTheSecondEpoch() {
        KnnMultiCropStrategy knn = new KnnMultiCropStrategy(settings(2, 0));
        MultiCropStrategy plain = new MultiCropStrategy(settings(2, 0).multiCrop());

        assertSameViews(knn.views(request(0)), plain.views(request(0)));
        knn.observe(ALL, FeatureBankTest.features());
        knn.endEpoch(0);

        assertThat(knn.neighbours()).isNotNull();
        ViewBatch second = knn.views(request(1));
        assertThat(second.local().get(0).images().get(3).pixels())
                .isNotEqualTo(plain.views(request(1)).local().get(0).images().get(3).pixels());
    }

    @Test
    void restoredStateMakesTheViewsOfTheStrategyThatSavedIt() {
        KnnMultiCropStrategy original = new KnnMultiCropStrategy(settings(2, 0));
        original.views(request(0));
        original.observe(ALL, FeatureBankTest.features());
        original.endEpoch(0);
        assertThat(original.neighbours()).as("neighbours exist before saving").isNotNull();

        KnnMultiCropStrategy resumed = new KnnMultiCropStrategy(settings(2, 0));
        resumed.restore(original.state());

        assertThat(resumed.neighbours()).isDeepEqualTo(original.neighbours());
        assertSameViews(resumed.views(request(1)), original.views(request(1)));
        // the bank came back too: the next search, from the restored rows alone, agrees
        resumed.endEpoch(1);
        original.endEpoch(1);
        assertThat(resumed.neighbours()).isDeepEqualTo(original.neighbours());
        assertThat(resumed.state()).isEqualTo(original.state());
    }

    @Test
    void hasNoStateBeforeAnyViews() {
        assertThat(new KnnMultiCropStrategy(settings(2, 0)).state()).isEmpty();
    }

    @Test
    void rejectsDamagedStates() {
        KnnMultiCropStrategy original = new KnnMultiCropStrategy(settings(2, 0));
        original.views(request(0));
        original.observe(ALL, FeatureBankTest.features());
        original.endEpoch(0);
        byte[] state = original.state();
        KnnMultiCropStrategy resumed = new KnnMultiCropStrategy(settings(2, 0));

        byte[] cut = Arrays.copyOf(state, state.length - 3);
        assertThatThrownBy(() -> resumed.restore(cut))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ends early (" + cut.length + " bytes)");

        byte[] longer = Arrays.copyOf(state, state.length + 2);
        assertThatThrownBy(() -> resumed.restore(longer))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("found 2 more bytes");

        byte[] otherVersion = state.clone();
        otherVersion[3] = 9;
        assertThatThrownBy(() -> resumed.restore(otherVersion))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(
                        "expected a checkpointed state of version 1, found version 9");

        // the last neighbour index of the last image, the final four bytes, points past the bank
        byte[] outside = state.clone();
        outside[outside.length - 1] = 7;
        assertThatThrownBy(() -> resumed.restore(outside))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("checkpointed neighbour 7 of image 4 lies outside the bank");
        assertThat(resumed.neighbours()).as("nothing restored from a damaged state").isNull();
    }

    @Test
    void rejectsKNotBelowTheNumberOfImages() {
        KnnMultiCropStrategy knn = new KnnMultiCropStrategy(settings(5, 1));

        assertThatThrownBy(() -> knn.views(request(0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(
                        "knn-multi-crop: expected neighbours (K) below the number of training"
                                + " images 5, found 5")
                .hasMessageContaining("lower neighbours");
    }

    @Test
    void rejectsFeaturesBeforeAnyViews() {
        KnnMultiCropStrategy knn = new KnnMultiCropStrategy(settings(2, 1));

        assertThatThrownBy(() -> knn.observe(ALL, FeatureBankTest.features()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("call views first");
    }

    @Test
    void reportsInvalidNeighboursAndWarmUp() {
        assertThat(new KnnMultiCropSettings(6, 0, 0.05, 0.14, 0, -1).problems())
                .containsExactly(
                        "neighbours: expected a value >= 1, found 0",
                        "warmupEpochs: expected a value >= 0, found -1");
    }

    private static KnnMultiCropSettings settings(int neighbours, int warmupEpochs) {
        return new KnnMultiCropSettings(2, 4, 0.05, 0.3, neighbours, warmupEpochs);
    }

    private Augmentation localPipeline() {
        return new AugmentationPipeline(
                List.of(
                        new RandomResizedCropAugmentation(
                                new RandomResizedCropSettings(0.05, 0.3, 0.75, 4.0 / 3.0, 4)),
                        pipeline.steps().get(1)));
    }

    private CropRequest request(int epoch) {
        return new CropRequest(split, ALL, pipeline, RUN_SEED, epoch);
    }

    private static void assertSameViews(ViewBatch actual, ViewBatch expected) {
        assertThat(actual.local()).hasSameSizeAs(expected.local());
        for (int v = 0; v < 2; v++) {
            for (int i = 0; i < actual.batchSize(); i++) {
                assertThat(actual.global().get(v).images().get(i).pixels())
                        .containsExactly(expected.global().get(v).images().get(i).pixels());
            }
        }
        for (int m = 0; m < actual.local().size(); m++) {
            for (int i = 0; i < actual.batchSize(); i++) {
                assertThat(actual.local().get(m).images().get(i).pixels())
                        .containsExactly(expected.local().get(m).images().get(i).pixels());
            }
        }
    }
}
