package org.wcl4j.api.augment;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.wcl4j.api.data.Image;
import org.wcl4j.api.data.ImageShape;

/**
 * One view of every image of a batch, all of one shape.
 *
 * @param images the view of batch member {@code i} at index {@code i}
 * @param shape the shape every image has
 */
public record ImageBatch(List<Image> images, ImageShape shape) {

    public ImageBatch {
        images = List.copyOf(images);
        for (int i = 0; i < images.size(); i++) {
            if (!images.get(i).shape().equals(shape)) {
                throw new IllegalArgumentException(
                        "image batch: expected every view to have shape "
                                + shape
                                + ", found "
                                + images.get(i).shape()
                                + " at "
                                + i);
            }
        }
    }

    /** Number of images. */
    public int size() {
        return images.size();
    }

    /** A new float array {@code [size, channels, height, width]}. */
    public INDArray toArray() {
        int length = shape.length();
        float[] data = new float[images.size() * length];
        for (int i = 0; i < images.size(); i++) {
            System.arraycopy(images.get(i).pixels(), 0, data, i * length, length);
        }
        return Nd4j.create(
                data,
                new long[] {images.size(), shape.channels(), shape.height(), shape.width()},
                'c');
    }
}
