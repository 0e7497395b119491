package org.wcl4j.augment;

import org.wcl4j.api.augment.CropRequest;
import org.wcl4j.api.augment.CropStrategy;
import org.wcl4j.api.augment.ViewBatch;

/**
 * Multi-crop (Caron et al., NeurIPS 2020; WCL, Zheng et al., ICCV 2021, Sec. 3.4): two global views
 * of every image at full resolution plus {@code M} local crops of the same image at a lower
 * resolution (2 + 6 by default, local crops half the side of the image).
 *
 * <p>The result has 2 global {@code ImageBatch}es {@code [n, c, H, W]} (identical to what {@code
 * two-views} makes for the same request) and {@code M} local ones {@code [n, c, S, S]}, {@code S}
 * the local size; member {@code i} of each is batch member {@code i}. How each crop is drawn, and
 * from which generator, is in {@link MultiCropViews}. Keeps no state: safe on any thread.
 */
public final class MultiCropStrategy implements CropStrategy {

    private final MultiCropViews views;

    /**
     * @throws IllegalArgumentException when the settings have problems
     */
    public MultiCropStrategy(MultiCropSettings settings) {
        this.views = new MultiCropViews(MultiCropStrategyProvider.NAME, settings);
    }

    /**
     * Makes the views of one request.
     *
     * @throws IllegalArgumentException for an empty request, an index outside the split, a local
     *     size larger than the images, or views of differing shapes
     */
    @Override
    public ViewBatch views(CropRequest request) {
        return views.views(request, (index, random) -> index);
    }
}
