package org.wcl4j.datasets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes files in the official CIFAR binary format, record after record, with no header. */
final class CifarFiles {

    static final int PIXELS = 3 * 32 * 32;

    private CifarFiles() {}

    /**
     * Byte {@code k} of the pixels of the image with serial number {@code serial}: red plane first
     * ({@code k < 1024}), then green, then blue. Byte 0 holds the serial number, so that a copy can
     * be traced; byte 1 is always 0xFF and byte 2 always 0x80, the unsigned extremes.
     */
    static byte pixel(int serial, int k) {
        return switch (k) {
            case 0 -> (byte) serial;
            case 1 -> (byte) 0xFF;
            case 2 -> (byte) 0x80;
            default -> (byte) (serial * 37 + k * 11 + k / 1024);
        };
    }

    /**
     * The bytes of records {@code first, first + 1, ...}, one per row of {@code labels}: the label
     * bytes of the row, then the pixels of serial number {@code first + row}.
     */
    static byte[] records(int first, int[][] labels) {
        int labelBytes = labels.length == 0 ? 0 : labels[0].length;
        int recordBytes = labelBytes + PIXELS;
        byte[] data = new byte[labels.length * recordBytes];
        for (int r = 0; r < labels.length; r++) {
            for (int b = 0; b < labelBytes; b++) {
                data[r * recordBytes + b] = (byte) labels[r][b];
            }
            for (int k = 0; k < PIXELS; k++) {
                data[r * recordBytes + labelBytes + k] = pixel(first + r, k);
            }
        }
        return data;
    }

    static void write(Path file, byte[] data) {
        try {
            Files.write(file, data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
