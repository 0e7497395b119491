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

class SupportSetCropStrategyTest {

    private static final long RUN_SEED = 29;

    private final ArraySplit split = new ArraySplit(10, 1, 12, 12);
    private final AugmentationPipeline pipeline =
            new AugmentationPipeline(
                    List.of(
                            new RandomResizedCropAugmentation(RandomResizedCropSettings.defaults()),
                            new HorizontalFlipAugmentation(HorizontalFlipSettings.defaults()),
                            new GreyJitterAugmentation(GreyJitterSettings.defaults())));
    private final SupportSetCropStrategy strategy =
            new SupportSetCropStrategy(new SupportSetSettings(3));

    @Test
    void makesTwoGlobalViewsAndSSupportViewsOfOneShapeAndNoLocalCrops() {
        ViewBatch views = strategy.views(request(new int[] {4, 0, 9}, 0));

        assertThat(views.global()).hasSize(2);
        assertThat(views.support()).hasSize(3);
        assertThat(views.local()).isEmpty();
        for (ImageBatch batch : views.global()) {
            assertThat(batch.shape()).isEqualTo(new ImageShape(1, 12, 12));
            assertThat(batch.size()).isEqualTo(3);
        }
        for (ImageBatch batch : views.support()) {
            assertThat(batch.shape()).isEqualTo(new ImageShape(1, 12, 12));
            assertThat(batch.size()).isEqualTo(3);
        }
    }

    @Test
    void globalViewsAreExactlyThoseOfTwoViews() {
        CropRequest request = request(new int[] {4, 0, 9, 2}, 2);

        ViewBatch support = strategy.views(request);
        ViewBatch two = new TwoViewsCropStrategy().views(request);

        for (int v = 0; v < 2; v++) {
            for (int i = 0; i < 4; i++) {
                assertThat(support.global().get(v).images().get(i).pixels())
                        .as("global view %d of batch member %d", v, i)
                        .containsExactly(two.global().get(v).images().get(i).pixels());
            }
        }
    }

    @Test
    void supportViewIsThePipelineWithTheGeneratorOfViewNumberTwoPlusS() {
        int[] indices = {7, 1};
        ViewBatch views = strategy.views(request(indices, 1));

        for (int s = 0; s < 3; s++) {
            for (int position = 0; position < indices.length; position++) {
                int index = indices[position];
                Image expected =
                        pipeline.apply(
                                split.image(index), Seeds.forView(RUN_SEED, 1, index, 2 + s));
                assertThat(views.support().get(s).images().get(position).pixels())
                        .as("support view %d of image %d", s, index)
                        .containsExactly(expected.pixels());
            }
        }
    }

    @Test
    void supportViewsDifferFromEachOtherAndFromTheGlobalViews() {
        int[] indices = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        ViewBatch views = strategy.views(request(indices, 0));

        for (int position = 0; position < indices.length; position++) {
            List<float[]> all =
                    List.of(
                            views.global().get(0).images().get(position).pixels(),
                            views.global().get(1).images().get(position).pixels(),
                            views.support().get(0).images().get(position).pixels(),
                            views.support().get(1).images().get(position).pixels(),
                            views.support().get(2).images().get(position).pixels());
            for (int a = 0; a < all.size(); a++) {
                for (int b = a + 1; b < all.size(); b++) {
                    assertThat(all.get(a)).as("views %d and %d", a, b).isNotEqualTo(all.get(b));
                }
            }
        }
    }

    @Test
    void sameRequestGivesIdenticalViewsWhateverTheBatchOrder() {
        ViewBatch first = strategy.views(request(new int[] {2, 7, 5}, 1));
        ViewBatch again = strategy.views(request(new int[] {2, 7, 5}, 1));
        ViewBatch reordered = strategy.views(request(new int[] {5, 2}, 1));

        for (int s = 0; s < 3; s++) {
            List<Image> firstViews = first.support().get(s).images();
            for (int position = 0; position < 3; position++) {
                assertThat(again.support().get(s).images().get(position).pixels())
                        .containsExactly(firstViews.get(position).pixels());
            }
            List<Image> reorderedViews = reordered.support().get(s).images();
            assertThat(reorderedViews.get(0).pixels()).containsExactly(firstViews.get(2).pixels());
            assertThat(reorderedViews.get(1).pixels()).containsExactly(firstViews.get(0).pixels());
        }
    }

    @Test
    void providerDefaultsToTwoSupportViews() {
        SupportSetCropStrategyProvider provider = new SupportSetCropStrategyProvider();

        ViewBatch views = provider.create(provider.defaults()).views(request(new int[] {3}, 0));

        assertThat(provider.name()).isEqualTo("support-set");
        assertThat(views.support()).hasSize(2);
    }

    @Test
    void rejectsNoSupportViewsAnEmptyRequestAndIndicesOutsideTheSplit() {
        assertThat(new SupportSetSettings(0).problems())
                .containsExactly(
                        "views: expected at least 1 support view per image, found 0 (use"
                                + " two-views for none; FNCancel's original uses 8)");
        assertThatThrownBy(() -> new SupportSetCropStrategy(new SupportSetSettings(0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("support-set: invalid settings");
        assertThatThrownBy(() -> strategy.views(request(new int[0], 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("support-set: expected at least one dataset index");
        assertThatThrownBy(() -> strategy.views(request(new int[] {3, 10}, 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected dataset indices in [0, 10), found 10");
    }

    private CropRequest request(int[] indices, int epoch) {
        return new CropRequest(split, indices, pipeline, RUN_SEED, epoch);
    }
}
