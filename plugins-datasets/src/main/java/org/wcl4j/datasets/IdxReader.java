package org.wcl4j.datasets;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads unsigned-byte IDX files, the format of MNIST and Fashion-MNIST, either raw or
 * gzip-compressed; which one is decided by the file's first two bytes (the gzip magic {@code 1f
 * 8b}), not by its name.
 *
 * <p>An IDX file is a big-endian header, the magic number {@code 0x0000 08 NN} (type {@code 08}:
 * unsigned byte; {@code NN}: number of dimensions), then one 32-bit size per dimension, then the
 * values in row-major order. A file whose header and length disagree is rejected with an {@link
 * IllegalArgumentException} that names the file and what was wrong.
 */
public final class IdxReader {

    /** Type code of unsigned bytes, the third byte of the magic number. */
    private static final int UNSIGNED_BYTE = 0x08;

    private static final int BUFFER_BYTES = 1 << 16;

    private IdxReader() {}

    /**
     * Reads an image file: magic {@code 0x00000803}, dimensions {@code [count, rows, columns]}.
     *
     * @throws IllegalArgumentException when the file is missing or malformed
     * @throws UncheckedIOException when reading fails for another reason
     */
    public static IdxData readImages(Path file) {
        return read(file, 3);
    }

    /**
     * Reads a label file: magic {@code 0x00000801}, dimensions {@code [count]}.
     *
     * @throws IllegalArgumentException when the file is missing or malformed
     * @throws UncheckedIOException when reading fails for another reason
     */
    public static IdxData readLabels(Path file) {
        return read(file, 1);
    }

    /**
     * Reads an unsigned-byte IDX file with {@code rank} dimensions.
     *
     * @param file raw or gzip-compressed
     * @param rank expected number of dimensions, from 1 to 255
     * @throws IllegalArgumentException when the file is missing, its magic number is not {@code
     *     0x000008NN} with {@code NN = rank}, or its payload is shorter or longer than the header
     *     declares
     * @throws UncheckedIOException when reading fails for another reason
     */
    public static IdxData read(Path file, int rank) {
        if (rank < 1 || rank > 255) {
            throw new IllegalArgumentException(
                    "IDX rank: expected 1 to 255 dimensions, found " + rank);
        }
        try (InputStream in = open(file)) {
            return read(file, rank, in);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": file not found", e);
        } catch (EOFException e) {
            throw new IllegalArgumentException(
                    file + ": the gzip stream ends early; the file is truncated, download it again",
                    e);
        } catch (ZipException e) {
            throw new IllegalArgumentException(
                    file + ": corrupt gzip data (" + e.getMessage() + "); download it again", e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
    }

    private static IdxData read(Path file, int rank, InputStream in) throws IOException {
        // Header: magic number and one size per dimension, big-endian.
        int headerBytes = 4 + 4 * rank;
        byte[] headerData = in.readNBytes(headerBytes);
        String shortHeader =
                "expected an IDX header of "
                        + headerBytes
                        + " bytes, found a file of "
                        + headerData.length
                        + " bytes";
        if (headerData.length < 4) {
            throw malformed(file, shortHeader);
        }
        ByteBuffer header = ByteBuffer.wrap(headerData);
        int magic = header.getInt();
        int expectedMagic = (UNSIGNED_BYTE << 8) | rank;
        if (magic != expectedMagic) {
            throw malformed(
                    file,
                    String.format(
                            "expected magic number 0x%08X (unsigned bytes, %d dimension%s), found"
                                    + " 0x%08X; %s",
                            expectedMagic,
                            rank,
                            rank == 1 ? "" : "s",
                            magic,
                            file.getFileName().toString().endsWith(".gz")
                                    ? "the name ends in .gz, but the file is not gzip-compressed"
                                            + " and not an IDX file either; replace it with the"
                                            + " original download"
                                    : "is this the right file?"));
        }
        if (headerData.length < headerBytes) {
            throw malformed(file, shortHeader);
        }
        int[] dimensions = new int[rank];
        long length = 1;
        for (int d = 0; d < rank; d++) {
            dimensions[d] = header.getInt();
            if (dimensions[d] < 0) {
                throw malformed(
                        file,
                        "expected a size below 2^31 for dimension "
                                + d
                                + ", found "
                                + Integer.toUnsignedString(dimensions[d]));
            }
            length *= dimensions[d];
            if (length > Integer.MAX_VALUE - 8) {
                throw malformed(file, "expected at most 2^31 values, the header declares more");
            }
        }

        // Payload: exactly as many bytes as the dimensions declare.
        byte[] values = in.readNBytes((int) length);
        if (values.length < length) {
            throw malformed(
                    file,
                    "expected "
                            + length
                            + " bytes of values after the header, found only "
                            + values.length
                            + "; the file is truncated");
        }
        if (in.read() >= 0) {
            throw malformed(
                    file,
                    "expected the file to end after the "
                            + length
                            + " bytes of values the header declares, found more data");
        }
        return new IdxData(file, dimensions, values);
    }

    /** Opens the file, decompressing it when it starts with the gzip magic bytes. */
    private static InputStream open(Path file) throws IOException {
        BufferedInputStream buffered =
                new BufferedInputStream(Files.newInputStream(file), BUFFER_BYTES);
        buffered.mark(2);
        int first = buffered.read();
        int second = buffered.read();
        buffered.reset();
        if (first != 0x1f || second != 0x8b) {
            return buffered;
        }
        try {
            return new GZIPInputStream(buffered, BUFFER_BYTES);
        } catch (IOException e) {
            buffered.close();
            throw e;
        }
    }

    private static IllegalArgumentException malformed(Path file, String problem) {
        return new IllegalArgumentException(file + ": " + problem);
    }
}
