package org.wcl4j.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wcl4j.api.augment.AugmentationPipeline;
import org.wcl4j.api.augment.CropRequest;
import org.wcl4j.api.augment.ImageBatch;
import org.wcl4j.api.augment.Seeds;
import org.wcl4j.api.augment.ViewBatch;
import org.wcl4j.api.data.Image;
import org.wcl4j.api.data.ImageShape;

class TwoViewsCropStrategyTest {

    private static final long RUN_SEED = 17;

    private final ArraySplit split = new ArraySplit(10, 1, 12, 12);
    private final AugmentationPipeline pipeline =
            new AugmentationPipeline(
                    List.of(
                            new RandomResizedCropAugmentation(RandomResizedCropSettings.defaults()),
                            new HorizontalFlipAugmentation(HorizontalFlipSettings.defaults()),
                            new GreyJitterAugmentation(GreyJitterSettings.defaults())));
    private final TwoViewsCropStrategy strategy = new TwoViewsCropStrategy();

    @Test
    void makesTwoGlobalViewsOfEveryImageAndNoLocalOnes() {
        ViewBatch views = strategy.views(request(new int[] {4, 0, 9}, 0));

        assertThat(views.global()).hasSize(2);
        assertThat(views.local()).isEmpty();
        assertThat(views.batchSize()).isEqualTo(3);
        for (ImageBatch batch : views.global()) {
            assertThat(batch.shape()).isEqualTo(new ImageShape(1, 12, 12));
        }
    }

    @Test
    void viewIsThePipelineWithTheGeneratorOfRunEpochIndexAndView() {
        int[] indices = {4, 0, 9};
        ViewBatch views = strategy.views(request(indices, 3));

        for (int v = 0; v < 2; v++) {
            for (int position = 0; position < indices.length; position++) {
                int index = indices[position];
                Image expected =
                        pipeline.apply(split.image(index), Seeds.forView(RUN_SEED, 3, index, v));
                assertThat(views.global().get(v).images().get(position).pixels())
                        .containsExactly(expected.pixels());
            }
        }
    }

    @Test
    void sameRequestGivesIdenticalViewsWhateverTheBatchOrder() {
        ViewBatch first = strategy.views(request(new int[] {2, 7, 5}, 1));
        ViewBatch again = strategy.views(request(new int[] {2, 7, 5}, 1));
        ViewBatch reordered = strategy.views(request(new int[] {5, 2}, 1));

        for (int v = 0; v < 2; v++) {
            List<Image> firstViews = first.global().get(v).images();
            for (int position = 0; position < 3; position++) {
                assertThat(again.global().get(v).images().get(position).pixels())
                        .containsExactly(firstViews.get(position).pixels());
            }
            List<Image> reorderedViews = reordered.global().get(v).images();
            assertThat(reorderedViews.get(0).pixels()).containsExactly(firstViews.get(2).pixels());
            assertThat(reorderedViews.get(1).pixels()).containsExactly(firstViews.get(0).pixels());
        }
    }

    @Test
    void viewsOfOneImageDifferAndChangeWithTheEpoch() {
        int[] indices = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        ViewBatch epoch0 = strategy.views(request(indices, 0));
        ViewBatch epoch1 = strategy.views(request(indices, 1));

        for (int position = 0; position < indices.length; position++) {
            float[] view0 = epoch0.global().get(0).images().get(position).pixels();
            float[] view1 = epoch0.global().get(1).images().get(position).pixels();
            assertThat(view0).isNotEqualTo(view1);
            assertThat(epoch1.global().get(0).images().get(position).pixels()).isNotEqualTo(view0);
        }
    }

    @Test
    void rejectsViewsOfDifferentShapesSuggestingAFixedSizeCrop() {
        // Keeps a random number of columns, so views differ in width.
        AugmentationPipeline ragged =
                new AugmentationPipeline(
                        List.of(
                                (image, random) -> {
                                    int width = 1 + random.nextInt(4);
                                    return new Image(new float[width], new ImageShape(1, 1, width));
                                }));
        CropRequest request = new CropRequest(split, new int[] {0, 1, 2, 3}, ragged, RUN_SEED, 0);

        assertThatThrownBy(() -> strategy.views(request))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("two-views: expected every view to have one shape")
                .hasMessageContaining("add a random-resized-crop with a fixed size");
    }

    @Test
    void rejectsAnEmptyRequestAndIndicesOutsideTheSplit() {
        assertThatThrownBy(() -> strategy.views(request(new int[0], 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected at least one dataset index");
        assertThatThrownBy(() -> strategy.views(request(new int[] {3, 10}, 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected dataset indices in [0, 10), found 10");
    }

    private CropRequest request(int[] indices, int epoch) {
        return new CropRequest(split, indices, pipeline, RUN_SEED, epoch);
    }
}
