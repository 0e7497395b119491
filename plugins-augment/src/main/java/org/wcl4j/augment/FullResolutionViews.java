package org.wcl4j.augment;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.wcl4j.api.augment.AugmentationPipeline;
import org.wcl4j.api.augment.CropRequest;
import org.wcl4j.api.augment.ImageBatch;
import org.wcl4j.api.augment.Seeds;
import org.wcl4j.api.data.DatasetSplit;
import org.wcl4j.api.data.Image;
import org.wcl4j.api.data.ImageShape;

/**
 * Full-resolution views of a batch, shared by the strategies whose views all stack into one input:
 * view {@code v} of dataset image {@code i} is the request's pipeline applied with the generator
 * {@code Seeds.forView(runSeed, epoch, i, v)}, so it depends on the run seed, epoch, index and view
 * number only, never on batch order or threads.
 */
final class FullResolutionViews {

    private FullResolutionViews() {}

    /**
     * Makes views {@code 0 .. count - 1} of every image of the request.
     *
     * @param strategy the crop strategy's plugin name, for messages
     * @return {@code count} batches, member {@code i} of each being batch member {@code i}
     * @throws IllegalArgumentException when the request has no index, an index lies outside the
     *     split, or the views do not all have one shape
     */
    static List<ImageBatch> make(String strategy, CropRequest request, int count) {
        DatasetSplit split = request.split();
        int[] indices = request.indices();
        AugmentationPipeline pipeline = request.epochPipeline();
        if (indices.length == 0) {
            throw new IllegalArgumentException(
                    strategy + ": expected at least one dataset index in the request, found none");
        }

        // Augment each image count times, each view with its own generator.
        List<List<Image>> views = new ArrayList<>(count);
        for (int v = 0; v < count; v++) {
            views.add(new ArrayList<>(indices.length));
        }
        for (int index : indices) {
            if (index < 0 || index >= split.size()) {
                throw new IllegalArgumentException(
                        strategy
                                + ": expected dataset indices in [0, "
                                + split.size()
                                + "), found "
                                + index);
            }
            Image image = split.image(index);
            for (int v = 0; v < count; v++) {
                Random random = Seeds.forView(request.runSeed(), request.epoch(), index, v);
                views.get(v).add(pipeline.apply(image, random));
            }
        }

        // One shape for all views, so that they stack into one input.
        ImageShape shape = views.get(0).get(0).shape();
        List<ImageBatch> batches = new ArrayList<>(count);
        for (int v = 0; v < count; v++) {
            List<Image> batch = views.get(v);
            for (int position = 0; position < batch.size(); position++) {
                ImageShape found = batch.get(position).shape();
                if (!found.equals(shape)) {
                    throw new IllegalArgumentException(
                            strategy
                                    + ": expected every view to have one shape, found "
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
            batches.add(new ImageBatch(batch, shape));
        }
        return batches;
    }
}
