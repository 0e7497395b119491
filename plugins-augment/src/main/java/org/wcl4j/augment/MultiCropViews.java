package org.wcl4j.augment;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.wcl4j.api.augment.Augmentation;
import org.wcl4j.api.augment.AugmentationPipeline;
import org.wcl4j.api.augment.CropRequest;
import org.wcl4j.api.augment.ImageBatch;
import org.wcl4j.api.augment.Seeds;
import org.wcl4j.api.augment.ViewBatch;
import org.wcl4j.api.data.DatasetSplit;
import org.wcl4j.api.data.Image;
import org.wcl4j.api.data.ImageShape;

/**
 * Makes the 2 global views and {@code M} local crops of a batch, for {@code multi-crop} and {@code
 * knn-multi-crop}.
 *
 * <p>Global view {@code v} (0 or 1) of dataset image {@code i} is exactly the view {@code
 * two-views} makes: the request's pipeline with the generator {@code Seeds.forView(runSeed, epoch,
 * i, v)}. Local crop {@code m} (0 to {@code M - 1}) uses the generator {@code
 * Seeds.forView(runSeed, epoch, i, 2 + m)}: a {@link Source} first picks the image to crop from it
 * (image {@code i} itself for standard multi-crop, one of its neighbours for K-NN multi-crop), then
 * the local pipeline runs on that image with the same generator. The local pipeline is the
 * request's pipeline with every {@code random-resized-crop} (nested pipelines included) replaced by
 * the local crop: area {@code [localMinScale, localMaxScale]}, ratio {@code [3/4, 4/3]}, output
 * {@code localSize x localSize}; when the pipeline has no resized crop, the local crop runs first.
 * The other augmentations (flip, colour, blur) apply to local crops as to global views.
 */
final class MultiCropViews {

    /** Global views per image. */
    static final int GLOBAL_VIEWS = 2;

    /** Picks the dataset image that local crop {@code m} of image {@code index} is cut from. */
    interface Source {

        /**
         * @param index dataset index of the batch member
         * @param random the local crop's generator, before the pipeline draws from it
         * @return a dataset index
         */
        int imageFor(int index, Random random);
    }

    private final String name;
    private final MultiCropSettings settings;

    /**
     * @param name the strategy's plugin name, for messages
     * @param settings valid settings
     */
    MultiCropViews(String name, MultiCropSettings settings) {
        SettingsChecks.require(name, settings.problems());
        this.name = name;
        this.settings = settings;
    }

    /** The side of a local crop of images of {@code shape}, checked against the image. */
    int localSize(ImageShape shape) {
        int side = Math.min(shape.height(), shape.width());
        if (settings.localSize() > side) {
            throw new IllegalArgumentException(
                    name
                            + ": expected localSize at most the images' smaller side "
                            + side
                            + ", found "
                            + settings.localSize()
                            + "; lower localSize (0 takes half the image)");
        }
        return settings.localSize() == 0 ? (side + 1) / 2 : settings.localSize();
    }

    /** The views of one request. */
    ViewBatch views(CropRequest request, Source source) {
        DatasetSplit split = request.split();
        int[] indices = request.indices();
        if (indices.length == 0) {
            throw new IllegalArgumentException(
                    name + ": expected at least one dataset index in the request, found none");
        }
        AugmentationPipeline pipeline = request.epochPipeline();
        int size = localSize(split.shape());
        Augmentation localCrop =
                new RandomResizedCropAugmentation(
                        new RandomResizedCropSettings(
                                settings.localMinScale(),
                                settings.localMaxScale(),
                                0.75,
                                4.0 / 3.0,
                                size));
        AugmentationPipeline local = localPipeline(pipeline, localCrop);

        // Global views as two-views makes them, then local crops from the chosen images.
        List<List<Image>> global = lists(GLOBAL_VIEWS, indices.length);
        List<List<Image>> locals = lists(settings.localCrops(), indices.length);
        for (int index : indices) {
            checkIndex(index, split);
            Image image = split.image(index);
            for (int v = 0; v < GLOBAL_VIEWS; v++) {
                Random random = Seeds.forView(request.runSeed(), request.epoch(), index, v);
                global.get(v).add(pipeline.apply(image, random));
            }
            for (int m = 0; m < settings.localCrops(); m++) {
                Random random =
                        Seeds.forView(request.runSeed(), request.epoch(), index, GLOBAL_VIEWS + m);
                int from = source.imageFor(index, random);
                Image cropped = from == index ? image : split.image(from);
                locals.get(m).add(local.apply(cropped, random));
            }
        }
        return new ViewBatch(batches(global, "global view"), batches(locals, "local crop"));
    }

    private void checkIndex(int index, DatasetSplit split) {
        if (index < 0 || index >= split.size()) {
            throw new IllegalArgumentException(
                    name
                            + ": expected dataset indices in [0, "
                            + split.size()
                            + "), found "
                            + index);
        }
    }

    /**
     * The pipeline with every {@link RandomResizedCropAugmentation} replaced by {@code localCrop},
     * looking into nested pipelines; {@code localCrop} first when there is none.
     */
    static AugmentationPipeline localPipeline(AugmentationPipeline pipeline, Augmentation crop) {
        boolean[] replaced = {false};
        AugmentationPipeline local = replaceCrops(pipeline, crop, replaced);
        if (replaced[0]) {
            return local;
        }
        List<Augmentation> steps = new ArrayList<>();
        steps.add(crop);
        steps.addAll(local.steps());
        return new AugmentationPipeline(steps);
    }

    private static AugmentationPipeline replaceCrops(
            AugmentationPipeline pipeline, Augmentation crop, boolean[] replaced) {
        List<Augmentation> steps = new ArrayList<>();
        for (Augmentation step : pipeline.steps()) {
            if (step instanceof RandomResizedCropAugmentation) {
                steps.add(crop);
                replaced[0] = true;
            } else if (step instanceof AugmentationPipeline nested) {
                steps.add(replaceCrops(nested, crop, replaced));
            } else {
                steps.add(step);
            }
        }
        return new AugmentationPipeline(steps);
    }

    private static List<List<Image>> lists(int count, int capacity) {
        List<List<Image>> lists = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            lists.add(new ArrayList<>(capacity));
        }
        return lists;
    }

    private List<ImageBatch> batches(List<List<Image>> views, String kind) {
        ImageShape shape = views.get(0).get(0).shape();
        List<ImageBatch> batches = new ArrayList<>(views.size());
        for (int v = 0; v < views.size(); v++) {
            for (Image image : views.get(v)) {
                if (!image.shape().equals(shape)) {
                    throw new IllegalArgumentException(
                            name
                                    + ": expected every "
                                    + kind
                                    + " to have one shape, found "
                                    + shape
                                    + " and "
                                    + image.shape()
                                    + "; give the random-resized-crop a fixed size");
                }
            }
            batches.add(new ImageBatch(views.get(v), shape));
        }
        return batches;
    }
}
