package org.wcl4j.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.wcl4j.api.augment.Augmentation;
import org.wcl4j.api.augment.AugmentationPipeline;
import org.wcl4j.api.augment.CropRequest;
import org.wcl4j.api.augment.ImageBatch;
import org.wcl4j.api.augment.Seeds;
import org.wcl4j.api.augment.ViewBatch;
import org.wcl4j.api.data.Image;
import org.wcl4j.api.data.ImageShape;

class MultiCropStrategyTest {

    private static final long RUN_SEED = 23;

    private final ArraySplit split = new ArraySplit(10, 3, 12, 12);
    private final AugmentationPipeline pipeline =
            new AugmentationPipeline(
                    List.of(
                            new RandomResizedCropAugmentation(RandomResizedCropSettings.defaults()),
                            new HorizontalFlipAugmentation(HorizontalFlipSettings.defaults()),
                            new ColourJitterAugmentation(ColourJitterSettings.defaults())));
    private final MultiCropSettings settings = new MultiCropSettings(3, 0, 0.05, 0.14);
    private final MultiCropStrategy strategy = new MultiCropStrategy(settings);

    @Test
    void makesTwoGlobalViewsAndMLocalCropsAtHalfTheSide() {
        ViewBatch views = strategy.views(request(new int[] {4, 0, 9}, 0));

        assertThat(views.global()).hasSize(2);
        assertThat(views.local()).hasSize(3);
        for (ImageBatch batch : views.global()) {
            assertThat(batch.shape()).isEqualTo(new ImageShape(3, 12, 12));
            assertThat(batch.size()).isEqualTo(3);
        }
        for (ImageBatch batch : views.local()) {
            assertThat(batch.shape()).isEqualTo(new ImageShape(3, 6, 6));
            assertThat(batch.size()).isEqualTo(3);
        }
    }

    @Test
    void globalViewsAreExactlyThoseOfTwoViews() {
        CropRequest request = request(new int[] {4, 0, 9}, 2);

        ViewBatch multi = strategy.views(request);
        ViewBatch two = new TwoViewsCropStrategy().views(request);

        for (int v = 0; v < 2; v++) {
            for (int i = 0; i < 3; i++) {
                assertThat(multi.global().get(v).images().get(i).pixels())
                        .containsExactly(two.global().get(v).images().get(i).pixels());
            }
        }
    }

    @Test
    void localCropIsTheLocalResizedCropThenTheRestOfThePipelineWithItsOwnGenerator() {
        int[] indices = {7, 1};
        ViewBatch views = strategy.views(request(indices, 1));

        Augmentation expectedPipeline =
                new AugmentationPipeline(
                        List.of(
                                new RandomResizedCropAugmentation(
                                        new RandomResizedCropSettings(
                                                0.05, 0.14, 0.75, 4.0 / 3.0, 6)),
                                pipeline.steps().get(1),
                                pipeline.steps().get(2)));
        for (int m = 0; m < 3; m++) {
            for (int position = 0; position < indices.length; position++) {
                int index = indices[position];
                Random random = Seeds.forView(RUN_SEED, 1, index, 2 + m);
                Image expected = expectedPipeline.apply(split.image(index), random);
                assertThat(views.local().get(m).images().get(position).pixels())
                        .as("local crop %d of image %d", m, index)
                        .containsExactly(expected.pixels());
            }
        }
    }

    @Test
    void localCropBoxesStayInsideTheImageWithinTheLocalScaleAndRatio() {
        RandomResizedCropAugmentation local =
                new RandomResizedCropAugmentation(
                        new RandomResizedCropSettings(0.05, 0.14, 0.75, 4.0 / 3.0, 6));
        Random random = new Random(3);

        for (int draw = 0; draw < 2000; draw++) {
            CropBox box = local.sampleBox(12, 12, random);
            assertThat(box.top()).isGreaterThanOrEqualTo(0);
            assertThat(box.left()).isGreaterThanOrEqualTo(0);
            assertThat(box.top() + box.height()).isLessThanOrEqualTo(12 + 1e-9);
            assertThat(box.left() + box.width()).isLessThanOrEqualTo(12 + 1e-9);
            assertThat(box.area() / 144).isBetween(0.05 - 1e-9, 0.14 + 1e-9);
            assertThat(box.ratio()).isBetween(0.75 - 1e-9, 4.0 / 3.0 + 1e-9);
        }
    }

    @Test
    void replacesTheResizedCropInsideNestedPipelinesAndPrependsItWhenThereIsNone() {
        Augmentation crop =
                new RandomResizedCropAugmentation(
                        new RandomResizedCropSettings(0.05, 0.14, 0.75, 4.0 / 3.0, 6));
        AugmentationPipeline named = NamedPipelines.of(PipelineSettings.simclr());
        AugmentationPipeline nested = new AugmentationPipeline(List.of(named));
        AugmentationPipeline withoutCrop =
                new AugmentationPipeline(
                        List.of(new HorizontalFlipAugmentation(HorizontalFlipSettings.defaults())));

        AugmentationPipeline local = MultiCropViews.localPipeline(nested, crop);
        AugmentationPipeline prepended = MultiCropViews.localPipeline(withoutCrop, crop);

        List<Augmentation> steps = ((AugmentationPipeline) local.steps().get(0)).steps();
        assertThat(steps.get(0)).isSameAs(crop);
        assertThat(steps.subList(1, 5)).containsExactlyElementsOf(named.steps().subList(1, 5));
        assertThat(prepended.steps()).containsExactly(crop, withoutCrop.steps().get(0));
    }

    @Test
    void rejectsALocalSizeLargerThanTheImage() {
        MultiCropStrategy tooLarge =
                new MultiCropStrategy(new MultiCropSettings(6, 13, 0.05, 0.14));

        assertThatThrownBy(() -> tooLarge.views(request(new int[] {0}, 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(
                        "multi-crop: expected localSize at most the images' smaller side 12,"
                                + " found 13")
                .hasMessageContaining("lower localSize");
    }

    @Test
    void reportsEveryInvalidSettingAtOnce() {
        assertThat(new MultiCropSettings(0, -1, 0.5, 0.2).problems())
                .containsExactly(
                        "localCrops: expected at least 1 local crop per image, found 0 (use"
                                + " two-views for none)",
                        "localSize: expected a value >= 0 (0 for half the image), found -1",
                        "localMaxScale: expected a value in [localMinScale, 1] with"
                                + " localMinScale = 0.5, found 0.2");
        assertThatThrownBy(() -> new MultiCropStrategy(new MultiCropSettings(0, 0, 0.05, 0.14)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("multi-crop: invalid settings");
    }

    private CropRequest request(int[] indices, int epoch) {
        return new CropRequest(split, indices, pipeline, RUN_SEED, epoch);
    }
}
