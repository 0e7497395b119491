package org.wcl4j.augment;

import java.util.List;
import org.wcl4j.api.augment.CropRequest;
import org.wcl4j.api.augment.CropStrategy;
import org.wcl4j.api.augment.ImageBatch;
import org.wcl4j.api.augment.ViewBatch;

/**
 * Two global views of every image plus {@code S} support views: the support set of FNCancel (Huynh
 * et al., "Boosting Contrastive Self-Supervised Learning with False Negative Cancellation", WACV
 * 2022, Sec. 3.2), extra augmentations of each anchor image that the labeller compares candidates
 * with to find false negatives. No loss sees the support views.
 *
 * <p>Global view {@code v} (0 or 1) of dataset image {@code i} is exactly the view {@code
 * two-views} makes: the request's pipeline with the generator {@code Seeds.forView(runSeed, epoch,
 * i, v)}, so a run with support views trains on the same global views as one without. Support view
 * {@code s} (0 to {@code S - 1}) is the same pipeline, a full-resolution view like the global ones,
 * with its own generator {@code Seeds.forView(runSeed, epoch, i, 2 + s)}. Every view therefore
 * depends only on the run seed, the epoch, the index and the view number, not on batch order or
 * threads. Keeps no state: safe on any thread when the augmentations are.
 *
 * <p>The result has 2 global and {@code S} support {@link ImageBatch}es, {@code [n, c, H, W]} each,
 * member {@code i} of each being batch member {@code i}, and no local crops.
 */
public final class SupportSetCropStrategy implements CropStrategy {

    /** Global views per image; support view {@code s} has the view number {@code 2 + s}. */
    static final int GLOBAL_VIEWS = 2;

    private final SupportSetSettings settings;

    /**
     * @throws IllegalArgumentException when the settings have problems
     */
    public SupportSetCropStrategy(SupportSetSettings settings) {
        SettingsChecks.require(SupportSetCropStrategyProvider.NAME, settings.problems());
        this.settings = settings;
    }

    /**
     * Makes the global and support views of every image of the request.
     *
     * @throws IllegalArgumentException when the request has no index, an index lies outside the
     *     split, or the views do not all have one shape
     */
    @Override
    public ViewBatch views(CropRequest request) {
        List<ImageBatch> views =
                FullResolutionViews.make(
                        SupportSetCropStrategyProvider.NAME,
                        request,
                        GLOBAL_VIEWS + settings.views());
        return new ViewBatch(
                views.subList(0, GLOBAL_VIEWS),
                List.of(),
                views.subList(GLOBAL_VIEWS, views.size()));
    }
}
