package org.wcl4j.datasets;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * The contents of one unsigned-byte IDX file: its dimension sizes and its values in row-major
 * order. For an image file the dimensions are {@code [count, rows, columns]}, for a label file
 * {@code [count]}.
 *
 * <p>The value array is held, not copied, so that a 47 MB image file is not duplicated; callers
 * must not modify it.
 */
public final class IdxData {

    private final Path file;
    private final int[] dimensions;
    private final byte[] values;

    IdxData(Path file, int[] dimensions, byte[] values) {
        this.file = file;
        this.dimensions = dimensions.clone();
        this.values = values;
    }

    /** The file these values were read from, for messages. */
    public Path file() {
        return file;
    }

    /** Number of dimensions, the last byte of the magic number. */
    public int rank() {
        return dimensions.length;
    }

    /** Size of dimension {@code index}; dimension 0 is the number of items. */
    public int dimension(int index) {
        return dimensions[index];
    }

    /** Size of dimension 0: the number of items (images or labels). */
    public int count() {
        return dimensions[0];
    }

    /**
     * All values, row-major, as stored: read them as unsigned with {@code value & 0xFF}. Not a
     * copy; do not modify.
     */
    public byte[] values() {
        return values;
    }

    @Override
    public String toString() {
        return "IdxData["
                + file.getFileName()
                + ", dimensions "
                + Arrays.toString(dimensions)
                + "]";
    }
}
