package org.wcl4j.augment;

import java.util.List;
import org.wcl4j.api.augment.CropRequest;
import org.wcl4j.api.augment.CropStrategy;
import org.wcl4j.api.augment.ImageBatch;
import org.wcl4j.api.augment.Seeds;
import org.wcl4j.api.augment.ViewBatch;

/**
 * Two global views of every image and no local crops: the pair of views of SimCLR and of WCL's
 * two-view setting (Zheng et al., ICCV 2021, Sec. 3).
 *
 * <p>View {@code v} (0 or 1) of the image at dataset index {@code i} is the request's pipeline (as
 * it stands in the request's epoch) applied to {@code split.image(i)} with the generator {@link
 * Seeds#forView}{@code (runSeed, epoch, i, v)}. The views therefore depend only on the run seed,
 * the epoch, the index and the view number, not on batch order or threads: the same request always
 * gives the same pixels, and the two views of one image are independent draws. Keeps no state, so
 * it is safe to call from several threads when the augmentations are (those of this package are).
 *
 * <p>Both {@link ImageBatch}es of the result, {@code [batch, channels, height, width]} each, hold
 * the views in request order; every view of the batch must have the same shape.
 */
public final class TwoViewsCropStrategy implements CropStrategy {

    /** Number of global views per image. */
    static final int VIEWS = 2;

    /**
     * Makes the two views of every image of the request.
     *
     * @throws IllegalArgumentException when the request has no index, an index lies outside the
     *     split, or the views do not all have one shape
     */
    @Override
    public ViewBatch views(CropRequest request) {
        return new ViewBatch(FullResolutionViews.make("two-views", request, VIEWS), List.of());
    }
}
