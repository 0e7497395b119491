package org.wcl4j.augment;

import java.util.List;
import java.util.stream.IntStream;
import org.wcl4j.api.data.DatasetSplit;
import org.wcl4j.api.data.Image;
import org.wcl4j.api.data.ImageShape;

/** A split of random images of one shape, all of class 0, for tests and the benchmark. */
final class ArraySplit implements DatasetSplit {

    private final List<Image> images;
    private final ImageShape shape;

    ArraySplit(int size, int channels, int height, int width) {
        this.shape = new ImageShape(channels, height, width);
        this.images =
                IntStream.range(0, size)
                        .mapToObj(i -> TestImages.random(channels, height, width, 1000 + i))
                        .toList();
    }

    @Override
    public int size() {
        return images.size();
    }

    @Override
    public ImageShape shape() {
        return shape;
    }

    @Override
    public int classCount() {
        return 1;
    }

    @Override
    public Image image(int index) {
        Image image = images.get(index);
        return new Image(image.pixels().clone(), image.shape());
    }

    @Override
    public int label(int index) {
        return 0;
    }
}
