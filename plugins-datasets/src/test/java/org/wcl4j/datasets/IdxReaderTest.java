package org.wcl4j.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wcl4j.datasets.IdxFiles.IMAGES_MAGIC;
import static org.wcl4j.datasets.IdxFiles.LABELS_MAGIC;
import static org.wcl4j.datasets.IdxFiles.gzip;
import static org.wcl4j.datasets.IdxFiles.idx;
import static org.wcl4j.datasets.IdxFiles.write;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {

    /** Two 2x3 images; 0xFF and 0x80 would read as negative if taken as signed. */
    private static final byte[] PIXELS = {0, 1, 2, 3, 4, (byte) 0xFF, (byte) 0x80, 7, 8, 9, 10, 11};

    @TempDir Path directory;

    @Test
    void readsARawImageFileValueForValue() {
        Path file =
                write(directory.resolve("images"), idx(IMAGES_MAGIC, new int[] {2, 2, 3}, PIXELS));

        IdxData data = IdxReader.readImages(file);

        assertThat(data.rank()).isEqualTo(3);
        assertThat(new int[] {data.dimension(0), data.dimension(1), data.dimension(2)})
                .containsExactly(2, 2, 3);
        assertThat(data.count()).isEqualTo(2);
        assertThat(data.values()).containsExactly(PIXELS);
        assertThat(data.values()[5] & 0xFF).isEqualTo(255);
        assertThat(data.file()).isEqualTo(file);
    }

    @Test
    void detectsGzipByItsMagicBytesNotByTheName() {
        byte[] labels = idx(LABELS_MAGIC, new int[] {4}, new byte[] {9, 0, 3, 7});
        Path compressedWithoutSuffix = write(directory.resolve("labels"), gzip(labels));
        Path rawWithSuffix = write(directory.resolve("labels.gz"), labels);

        assertThat(IdxReader.readLabels(compressedWithoutSuffix).values())
                .containsExactly(9, 0, 3, 7);
        assertThat(IdxReader.readLabels(rawWithSuffix).values()).containsExactly(9, 0, 3, 7);
    }

    @Test
    void readsGzipImagesValueForValue() {
        Path file =
                write(
                        directory.resolve("images.gz"),
                        gzip(idx(IMAGES_MAGIC, new int[] {2, 2, 3}, PIXELS)));

        assertThat(IdxReader.readImages(file).values()).containsExactly(PIXELS);
    }

    @Test
    void rejectsALabelFileReadAsImages() {
        Path file =
                write(directory.resolve("labels"), idx(LABELS_MAGIC, new int[] {2}, new byte[2]));

        assertThatThrownBy(() -> IdxReader.readImages(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("expected magic number 0x00000803")
                .hasMessageContaining("found 0x00000801");
    }

    @Test
    void saysWhenAFileNamedGzIsNotGzipCompressed() {
        // "this is text": the first four bytes read as the magic number 0x74686973
        Path file =
                write(
                        directory.resolve("train-labels-idx1-ubyte.gz"),
                        "this is text".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

        assertThatThrownBy(() -> IdxReader.readLabels(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("found 0x74686973")
                .hasMessageContaining("the name ends in .gz, but the file is not gzip-compressed");
    }

    @Test
    void rejectsAnImageFileReadAsLabels() {
        Path file =
                write(directory.resolve("images"), idx(IMAGES_MAGIC, new int[] {2, 2, 3}, PIXELS));

        assertThatThrownBy(() -> IdxReader.readLabels(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected magic number 0x00000801")
                .hasMessageContaining("found 0x00000803");
    }

    @Test
    void rejectsAPayloadShorterThanTheHeaderSays() {
        byte[] shortPayload = Arrays.copyOf(PIXELS, 11);
        Path file =
                write(
                        directory.resolve("images.gz"),
                        gzip(idx(IMAGES_MAGIC, new int[] {2, 2, 3}, shortPayload)));

        assertThatThrownBy(() -> IdxReader.readImages(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining(
                        "expected 12 bytes of values after the header, found only 11");
    }

    @Test
    void rejectsDataBeyondWhatTheHeaderSays() {
        Path file =
                write(directory.resolve("labels"), idx(LABELS_MAGIC, new int[] {3}, new byte[4]));

        assertThatThrownBy(() -> IdxReader.readLabels(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("found more data");
    }

    @Test
    void rejectsATruncatedHeader() {
        Path file = write(directory.resolve("images"), new byte[] {0, 0, 8, 3, 0, 0});

        assertThatThrownBy(() -> IdxReader.readImages(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(
                        "expected an IDX header of 16 bytes, found a file of 6 bytes");
    }

    @Test
    void rejectsATruncatedGzipStream() {
        byte[] compressed = gzip(idx(IMAGES_MAGIC, new int[] {2, 2, 3}, PIXELS));
        Path file =
                write(
                        directory.resolve("images.gz"),
                        Arrays.copyOf(compressed, compressed.length - 12));

        assertThatThrownBy(() -> IdxReader.readImages(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("truncated");
    }

    @Test
    void rejectsAMissingFile() {
        Path file = directory.resolve("absent");

        assertThatThrownBy(() -> IdxReader.readLabels(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(file + ": file not found");
    }
}
