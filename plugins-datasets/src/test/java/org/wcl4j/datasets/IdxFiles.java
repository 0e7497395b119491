package org.wcl4j.datasets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes small IDX files for tests, laid out by hand from the format description. */
final class IdxFiles {

    static final int IMAGES_MAGIC = 0x00000803;
    static final int LABELS_MAGIC = 0x00000801;

    private IdxFiles() {}

    /** The bytes of an IDX file: big-endian magic, sizes, then {@code values} as they are. */
    static byte[] idx(int magic, int[] sizes, byte[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(4 + 4 * sizes.length + values.length);
        buffer.putInt(magic);
        for (int size : sizes) {
            buffer.putInt(size);
        }
        buffer.put(values);
        return buffer.array();
    }

    static byte[] gzip(byte[] data) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
                out.write(data);
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path write(Path file, byte[] data) {
        try {
            return Files.write(file, data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes an images file of {@code count} 28x28 images and a labels file, optionally gzipped.
     */
    static void writeSplit(
            Path directory, String prefix, byte[] pixels, byte[] labels, boolean gzip) {
        String suffix = gzip ? ".gz" : "";
        byte[] images = idx(IMAGES_MAGIC, new int[] {labels.length, 28, 28}, pixels);
        byte[] labelFile = idx(LABELS_MAGIC, new int[] {labels.length}, labels);
        write(
                directory.resolve(prefix + "-images-idx3-ubyte" + suffix),
                gzip ? gzip(images) : images);
        write(
                directory.resolve(prefix + "-labels-idx1-ubyte" + suffix),
                gzip ? gzip(labelFile) : labelFile);
    }
}
