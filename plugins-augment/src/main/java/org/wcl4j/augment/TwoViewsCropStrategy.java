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
        DatasetSplit split = request.split();
        int[] indices = request.indices();
        AugmentationPipeline pipeline = request.epochPipeline();
        if (indices.length == 0) {
            throw new IllegalArgumentException(
                    "two-views: expected at least one dataset index in the request, found none");
        }

        // Augment each image twice, each view with its own generator.
        List<List<Image>> views = new ArrayList<>();
        for (int v = 0; v < VIEWS; v++) {
            views.add(new ArrayList<>(indices.length));
        }
        for (int index : indices) {
            if (index < 0 || index >= split.size()) {
                throw new IllegalArgumentException(
                        "two-views: expected dataset indices in [0, "
                                + split.size()
                                + "), found "
                                + index);
            }
            Image image = split.image(index);
            for (int v = 0; v < VIEWS; v++) {
                Random random = Seeds.forView(request.runSeed(), request.epoch(), index, v);
                views.get(v).add(pipeline.apply(image, random));
            }
        }

        // One shape for all views, so that they stack into arrays.
        ImageShape shape = views.get(0).get(0).shape();
        List<ImageBatch> global = new ArrayList<>(VIEWS);
        for (int v = 0; v < VIEWS; v++) {
            List<Image> batch = views.get(v);
            for (int position = 0; position < batch.size(); position++) {
                ImageShape found = batch.get(position).shape();
                if (!found.equals(shape)) {
                    throw new IllegalArgumentException(
                            "two-views: expected every view to have one shape, found "
                                    + shape
                                    + " for view 0 of dataset image "
                                    + indices[0]
                                    + " but "
                                    + found
                                    + " for view "
                                    + v
                                    + " of dataset image "
                                    + indices[position]
                                    + "; add a random-resized-crop with a fixed size (for"
                                    + " example {name: random-resized-crop, settings: {size: "
                                    + shape.height()
                                    + "}}) to the augmentations");
                }
            }
            global.add(new ImageBatch(batch, shape));
        }
        return new ViewBatch(global, List.of());
    }
}
