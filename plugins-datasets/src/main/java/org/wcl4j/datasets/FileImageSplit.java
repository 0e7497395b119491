package org.wcl4j.datasets;

import java.nio.file.Path;
import java.util.List;
import org.wcl4j.api.data.DatasetSplit;
import org.wcl4j.api.data.Image;
import org.wcl4j.api.data.ImageShape;

/**
 * A split whose images stay on disk: only the file list and the labels are held in memory, and
 * every call to {@link #image} decodes and resizes the file again (see {@link ImageFiles}), so a
 * folder far larger than memory, such as ImageNet, can be trained on.
 *
 * <p>Immutable and safe to read from several threads.
 */
final class FileImageSplit implements DatasetSplit {

    private final List<Path> files;
    private final int[] labels;
    private final ImageShape shape;
    private final int classCount;

    /**
     * @param files one image file per index
     * @param labels one class per file, in {@code [0, classCount)}; held, not copied
     */
    FileImageSplit(List<Path> files, int[] labels, ImageShape shape, int classCount) {
        if (files.size() != labels.length) {
            throw new IllegalArgumentException(
                    "split: expected one label per file, found "
                            + files.size()
                            + " files and "
                            + labels.length
                            + " labels");
        }
        this.files = List.copyOf(files);
        this.labels = labels;
        this.shape = shape;
        this.classCount = classCount;
    }

    @Override
    public int size() {
        return labels.length;
    }

    @Override
    public ImageShape shape() {
        return shape;
    }

    @Override
    public int classCount() {
        return classCount;
    }

    @Override
    public Image image(int index) {
        return ImageFiles.read(files.get(checked(index)), shape);
    }

    @Override
    public int label(int index) {
        return labels[checked(index)];
    }

    private int checked(int index) {
        if (index < 0 || index >= labels.length) {
            throw new IndexOutOfBoundsException(
                    "image index: expected 0 to " + (labels.length - 1) + ", found " + index);
        }
        return index;
    }
}
