package org.wcl4j.datasets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.wcl4j.api.data.ImageShape;

/**
 * Reads the binary version of CIFAR-10 and CIFAR-100 (Krizhevsky, "Learning Multiple Layers of
 * Features from Tiny Images", 2009): files of fixed-length records with no header.
 *
 * <p>A record is {@code labelBytes} label bytes followed by the 3072 pixel bytes of one 32x32
 * colour image: the 1024 red values row by row, then the green, then the blue. That is already the
 * channels-first order of {@link org.wcl4j.api.data.Image}, so pixels are copied as they are.
 * CIFAR-10 has one label byte (the class, 0 to 9); CIFAR-100 has two (the coarse class, 0 to 19,
 * then the fine class, 0 to 99). Every label byte of every record is checked against its range,
 * even the one that is not kept, so that a file of the other data set or a corrupt file is caught.
 */
final class CifarBinaryReader {

    /** Shape of every CIFAR image. */
    static final ImageShape SHAPE = new ImageShape(3, 32, 32);

    private CifarBinaryReader() {}

    /**
     * The layout of one record's labels.
     *
     * @param dataset the data set's name, for messages
     * @param names name of each label byte, e.g. {@code ["coarse", "fine"]}
     * @param classCounts number of classes of each label byte, in the same order
     * @param kept which label byte becomes the image's label
     */
    record Layout(String dataset, List<String> names, List<Integer> classCounts, int kept) {

        Layout {
            names = List.copyOf(names);
            classCounts = List.copyOf(classCounts);
        }

        int labelBytes() {
            return names.size();
        }

        int recordBytes() {
            return labelBytes() + SHAPE.length();
        }

        int classCount() {
            return classCounts.get(kept);
        }
    }

    /**
     * Reads the records of {@code files}, in order, into one split.
     *
     * @throws IllegalArgumentException when a file is missing, its length is not a whole number of
     *     records, or a label lies outside its range; the message names the file
     * @throws UncheckedIOException when reading fails for another reason
     */
    static ByteImageSplit read(Layout layout, List<Path> files) {
        // Sizes first, so that a bad file fails before anything large is read.
        int recordBytes = layout.recordBytes();
        long records = 0;
        for (Path file : files) {
            records += recordCount(layout, file);
        }
        if (records * SHAPE.length() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(
                    layout.dataset()
                            + ": expected at most "
                            + (Integer.MAX_VALUE - 8) / SHAPE.length()
                            + " images in one split, found "
                            + records);
        }

        // Records: labels checked, pixels copied.
        byte[] pixels = new byte[(int) records * SHAPE.length()];
        byte[] labels = new byte[(int) records];
        int image = 0;
        for (Path file : files) {
            byte[] data = readAll(file);
            for (int offset = 0; offset < data.length; offset += recordBytes) {
                int index = offset / recordBytes;
                for (int b = 0; b < layout.labelBytes(); b++) {
                    int label = data[offset + b] & 0xFF;
                    int count = layout.classCounts().get(b);
                    if (label >= count) {
                        throw new IllegalArgumentException(
                                file
                                        + ": record "
                                        + index
                                        + " (byte "
                                        + offset
                                        + "): expected a "
                                        + layout.names().get(b)
                                        + " label in [0, "
                                        + count
                                        + "), found "
                                        + label
                                        + "; is this a "
                                        + layout.dataset()
                                        + " binary file?");
                    }
                }
                labels[image] = data[offset + layout.kept()];
                System.arraycopy(
                        data,
                        offset + layout.labelBytes(),
                        pixels,
                        image * SHAPE.length(),
                        SHAPE.length());
                image++;
            }
        }
        return new ByteImageSplit(pixels, labels, SHAPE, layout.classCount());
    }

    private static long recordCount(Layout layout, Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(
                    layout.dataset()
                            + ": expected the file "
                            + file.getFileName()
                            + " in "
                            + file.toAbsolutePath().getParent()
                            + ", found none; "
                            + CifarDataset.DOWNLOAD_HINT);
        }
        long length;
        try {
            length = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the size of " + file, e);
        }
        int recordBytes = layout.recordBytes();
        if (length == 0 || length % recordBytes != 0) {
            throw new IllegalArgumentException(
                    file
                            + ": expected a whole, non-zero number of "
                            + recordBytes
                            + "-byte "
                            + layout.dataset()
                            + " records, found "
                            + length
                            + " bytes ("
                            + length / recordBytes
                            + " records and "
                            + length % recordBytes
                            + " bytes more); the file is truncated or not a "
                            + layout.dataset()
                            + " binary file, download it again");
        }
        return length / recordBytes;
    }

    private static byte[] readAll(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
    }
}
