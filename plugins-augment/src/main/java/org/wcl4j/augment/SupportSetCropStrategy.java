package org.wcl4j.augment;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.wcl4j.api.augment.AugmentationPipeline;
import org.wcl4j.api.augment.CropRequest;
import org.wcl4j.api.augment.CropStrategy;
import org.wcl4j.api.augment.ImageBatch;
import org.wcl4j.api.augment.Seeds;
import org.wcl4j.api.augment.ViewBatch;
import org.wcl4j.api.data.DatasetSplit;
import org.wcl4j.api.data.Image;
import org.wcl4j.api.data.ImageShape;

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
        DatasetSplit split = request.split();
        int[] indices = request.indices();
        AugmentationPipeline pipeline = request.epochPipeline();
        if (indices.length == 0) {
            throw new IllegalArgumentException(
                    SupportSetCropStrategyProvider.NAME
                            + ": expected at least one dataset index in the request, found none");
        }

        // Each image: the global views, then the support views, each with its own generator.
        int total = GLOBAL_VIEWS + settings.views();
        List<List<Image>> views = new ArrayList<>(total);
        for (int v = 0; v < total; v++) {
            views.add(new ArrayList<>(indices.length));
        }
        for (int index : indices) {
            if (index < 0 || index >= split.size()) {
                throw new IllegalArgumentException(
                        SupportSetCropStrategyProvider.NAME
                                + ": expected dataset indices in [0, "
                                + split.size()
                                + "), found "
                                + index);
            }
            Image image = split.image(index);
            for (int v = 0; v < total; v++) {
                Random random = Seeds.forView(request.runSeed(), request.epoch(), index, v);
                views.get(v).add(pipeline.apply(image, random));
            }
        }

        // One shape for all views: the engine stacks global and support views into one input.
        ImageShape shape = views.get(0).get(0).shape();
        List<ImageBatch> batches = new ArrayList<>(total);
        for (int v = 0; v < total; v++) {
            List<Image> batch = views.get(v);
            for (int position = 0; position < batch.size(); position++) {
                ImageShape found = batch.get(position).shape();
                if (!found.equals(shape)) {
                    throw new IllegalArgumentException(
                            SupportSetCropStrategyProvider.NAME
                                    + ": expected every global and support view to have one"
                                    + " shape, found "
                                    + shape
                                    + " and "
                                    + found
                                    + " (dataset image "
                                    + indices[position]
                                    + "); add a random-resized-crop with a fixed size to the"
                                    + " augmentations");
                }
            }
            batches.add(new ImageBatch(batch, shape));
        }
        return new ViewBatch(
                batches.subList(0, GLOBAL_VIEWS), List.of(), batches.subList(GLOBAL_VIEWS, total));
    }
}
