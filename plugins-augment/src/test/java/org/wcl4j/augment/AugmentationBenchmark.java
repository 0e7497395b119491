package org.wcl4j.augment;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.wcl4j.api.augment.AugmentationPipeline;
import org.wcl4j.api.augment.CropRequest;
import org.wcl4j.api.augment.Seeds;
import org.wcl4j.api.data.Image;

/**
 * Prints the throughput of the default pipeline ({@code random-resized-crop}, {@code
 * horizontal-flip}, {@code grey-jitter}, all with their defaults) on 28 x 28 grey images, in views
 * per second: one view at a time, and through {@code two-views} at batch 256. Single-threaded.
 *
 * <p>Run after {@code mvn -o -pl plugins-augment test-compile}, from {@code plugins-augment}:
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat target/classpath.txt) \
 *     org.wcl4j.augment.AugmentationBenchmark [seconds per measurement, default 3]
 * </pre>
 *
 * where {@code target/classpath.txt} comes from {@code mvn -o -pl plugins-augment
 * dependency:build-classpath -Dmdep.outputFile=target/classpath.txt}.
 */
public final class AugmentationBenchmark {

    private static final int BATCH = 256;

    private AugmentationBenchmark() {}

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
        AugmentationPipeline pipeline =
                new AugmentationPipeline(
                        List.of(
                                new RandomResizedCropProvider()
                                        .create(RandomResizedCropSettings.defaults()),
                                new HorizontalFlipProvider()
                                        .create(HorizontalFlipSettings.defaults()),
                                new GreyJitterProvider().create(GreyJitterSettings.defaults())));
        ArraySplit split = new ArraySplit(4096, 1, 28, 28);
        TwoViewsCropStrategy strategy = new TwoViewsCropStrategy();

        // Warm up both paths so that the timings see compiled code.
        singleViews(pipeline, split, 1.0);
        batches(strategy, pipeline, split, 1.0);

        System.out.printf(
                Locale.ROOT,
                "pipeline, one view at a time: %,.0f views/s%n",
                singleViews(pipeline, split, seconds));
        System.out.printf(
                Locale.ROOT,
                "two-views, batch %d:          %,.0f views/s%n",
                BATCH,
                batches(strategy, pipeline, split, seconds));
    }

    /** Views per second of the pipeline applied to one image at a time. */
    private static double singleViews(
            AugmentationPipeline pipeline, ArraySplit split, double seconds) {
        long views = 0;
        float checksum = 0;
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        while (System.nanoTime() < end) {
            for (int i = 0; i < 1000; i++) {
                int index = (int) (views % split.size());
                Image view = pipeline.apply(split.image(index), new Random(Seeds.mix(views)));
                checksum += view.pixels()[0];
                views++;
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        return checksum >= 0 ? views / elapsed : 0;
    }

    /** Views per second (two per image) of the crop strategy on consecutive batches. */
    private static double batches(
            TwoViewsCropStrategy strategy,
            AugmentationPipeline pipeline,
            ArraySplit split,
            double seconds) {
        long views = 0;
        int epoch = 0;
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        while (System.nanoTime() < end) {
            int[] indices = new int[BATCH];
            for (int i = 0; i < BATCH; i++) {
                indices[i] = (int) ((views / 2 + i) % split.size());
            }
            views +=
                    2L
                            * strategy.views(new CropRequest(split, indices, pipeline, 1, epoch++))
                                    .batchSize();
        }
        return views / ((System.nanoTime() - start) / 1e9);
    }
}
