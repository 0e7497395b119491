package org.wcl4j.core.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.wcl4j.api.data.Dataset;
import org.wcl4j.api.data.DatasetProvider;
import org.wcl4j.api.data.DatasetSplit;
import org.wcl4j.api.data.Image;
import org.wcl4j.api.data.ImageShape;
import org.wcl4j.api.plugin.Settings;

/**
 * {@code blobs}: grey {@code size}×{@code size} images of one bright quadrant (the class) on faint
 * noise, generated from a seed.
 */
public final class BlobsDatasetProvider implements DatasetProvider<BlobsDatasetProvider.Blobs> {

    /**
     * @param trainSize training images
     * @param testSize test images
     * @param size side length
     * @param seed noise seed
     */
    public record Blobs(int trainSize, int testSize, int size, int seed) implements Settings {
        @Override
        public List<String> problems() {
            List<String> problems = new ArrayList<>();
            if (trainSize < 1) {
                problems.add("trainSize: expected an integer >= 1, found " + trainSize);
            }
            if (size < 2) {
                problems.add("size: expected an integer >= 2, found " + size);
            }
            return problems;
        }
    }

    @Override
    public String name() {
        return "blobs";
    }

    @Override
    public String description() {
        return "test double: one bright quadrant per class";
    }

    @Override
    public Blobs defaults() {
        return new Blobs(48, 24, 8, 7);
    }

    @Override
    public Dataset create(Blobs settings) {
        Random random = new Random(settings.seed());
        Split train = split(settings.trainSize(), settings.size(), random);
        Split test = split(settings.testSize(), settings.size(), random);
        return new Dataset() {
            @Override
            public String name() {
                return "blobs";
            }

            @Override
            public DatasetSplit train() {
                return train;
            }

            @Override
            public DatasetSplit test() {
                return test;
            }
        };
    }

    private static Split split(int count, int size, Random random) {
        ImageShape shape = new ImageShape(1, size, size);
        float[][] pixels = new float[count][shape.length()];
        int[] labels = new int[count];
        int half = size / 2;
        for (int i = 0; i < count; i++) {
            labels[i] = i % 4;
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    int quadrant = (y < half ? 0 : 2) + (x < half ? 0 : 1);
                    float base = quadrant == labels[i] ? 0.8f : 0.1f;
                    pixels[i][y * size + x] = base + 0.1f * random.nextFloat();
                }
            }
        }
        return new Split(pixels, labels, shape);
    }

    /** An in-memory split. */
    public record Split(float[][] pixels, int[] labels, ImageShape shape) implements DatasetSplit {

        @Override
        public int size() {
            return labels.length;
        }

        @Override
        public int classCount() {
            return 4;
        }

        @Override
        public Image image(int index) {
            return new Image(pixels[index].clone(), shape);
        }

        @Override
        public int label(int index) {
            return labels[index];
        }
    }
}
