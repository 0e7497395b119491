package org.wcl4j.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wcl4j.datasets.CifarFiles.PIXELS;
import static org.wcl4j.datasets.CifarFiles.pixel;
import static org.wcl4j.datasets.CifarFiles.records;
import static org.wcl4j.datasets.CifarFiles.write;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcl4j.api.data.DatasetSplit;
import org.wcl4j.api.data.Image;
import org.wcl4j.api.data.ImageShape;

/**
 * Tiny files in the official CIFAR binary format, written here and read back pixel for pixel and
 * label for label; every malformed case fails with a message naming the file.
 */
class CifarDatasetTest {

    /** CIFAR-10 training labels, spread over the five batch files as 3, 1, 2, 2, 1 records. */
    private static final int[] TRAIN_LABELS = {3, 9, 0, 1, 9, 4, 4, 7, 0};

    private static final int[] BATCH_SIZES = {3, 1, 2, 2, 1};

    private static final int[] TEST_LABELS = {2, 5, 5, 8};

    @TempDir Path directory;

    private static int[][] column(int[] labels) {
        int[][] rows = new int[labels.length][];
        for (int i = 0; i < labels.length; i++) {
            rows[i] = new int[] {labels[i]};
        }
        return rows;
    }

    /** CIFAR-10 files; training serial numbers 0-8 in batch order, test serial numbers 100-103. */
    private void writeCifar10() {
        int first = 0;
        for (int batch = 0; batch < 5; batch++) {
            int[] labels = Arrays.copyOfRange(TRAIN_LABELS, first, first + BATCH_SIZES[batch]);
            write(
                    directory.resolve("data_batch_" + (batch + 1) + ".bin"),
                    records(first, column(labels)));
            first += BATCH_SIZES[batch];
        }
        write(directory.resolve("test_batch.bin"), records(100, column(TEST_LABELS)));
    }

    /** Coarse and fine labels of the CIFAR-100 training records, serial numbers 0-4. */
    private static final int[][] CIFAR100_TRAIN = {{19, 99}, {0, 0}, {7, 42}, {19, 98}, {3, 17}};

    private static final int[][] CIFAR100_TEST = {{11, 63}, {2, 5}};

    private void writeCifar100() {
        write(directory.resolve("train.bin"), records(0, CIFAR100_TRAIN));
        write(directory.resolve("test.bin"), records(50, CIFAR100_TEST));
    }

    private static void assertPixels(DatasetSplit split, int index, int serial) {
        float[] values = split.image(index).pixels();
        assertThat(values).hasSize(PIXELS);
        for (int k = 0; k < PIXELS; k++) {
            assertThat(values[k])
                    .as("image %d pixel %d", index, k)
                    .isEqualTo((pixel(serial, k) & 0xFF) / 255f);
        }
    }

    @Test
    void readsCifar10PixelForPixelAndLabelForLabelInBatchOrder() {
        writeCifar10();

        CifarDataset dataset = CifarDataset.loadCifar10(directory, 0, 0);

        assertThat(dataset.name()).isEqualTo("cifar10");
        assertThat(dataset.train().shape()).isEqualTo(new ImageShape(3, 32, 32));
        assertThat(dataset.train().classCount()).isEqualTo(10);
        assertThat(dataset.test().classCount()).isEqualTo(10);
        assertThat(dataset.train().size()).isEqualTo(9);
        assertThat(dataset.test().size()).isEqualTo(4);
        for (int i = 0; i < 9; i++) {
            assertThat(dataset.train().label(i)).isEqualTo(TRAIN_LABELS[i]);
            assertPixels(dataset.train(), i, i);
        }
        for (int i = 0; i < 4; i++) {
            assertThat(dataset.test().label(i)).isEqualTo(TEST_LABELS[i]);
            assertPixels(dataset.test(), i, 100 + i);
        }
    }

    @Test
    void planesAreRedGreenBlueRowByRowAndByteFfIsOne() {
        writeCifar10();
        Image image = CifarDataset.loadCifar10(directory, 0, 0).train().image(5);

        // byte 1 of the red plane is (row 0, column 1); 0xFF reads as 255
        assertThat(image.at(0, 0, 1)).isEqualTo(1.0f);
        assertThat(image.at(0, 0, 2)).isEqualTo(128 / 255f);
        assertThat(image.at(0, 0, 0)).isEqualTo(5 / 255f);
        // green row 3 column 4 is byte 1024 + 3 * 32 + 4 = 1124; blue (31, 31) is byte 3071
        assertThat(image.at(1, 3, 4)).isEqualTo(((5 * 37 + 1124 * 11 + 1) & 0xFF) / 255f);
        assertThat(image.at(2, 31, 31)).isEqualTo(((5 * 37 + 3071 * 11 + 2) & 0xFF) / 255f);
    }

    @Test
    void readsCifar100FineLabelsByDefaultAndCoarseOnesWhenAsked() {
        writeCifar100();

        CifarDataset fine = CifarDataset.loadCifar100(directory, false, 0, 0);
        CifarDataset coarse = CifarDataset.loadCifar100(directory, true, 0, 0);

        assertThat(fine.name()).isEqualTo("cifar100");
        assertThat(fine.train().classCount()).isEqualTo(100);
        assertThat(coarse.train().classCount()).isEqualTo(20);
        assertThat(fine.train().size()).isEqualTo(5);
        for (int i = 0; i < 5; i++) {
            assertThat(fine.train().label(i)).isEqualTo(CIFAR100_TRAIN[i][1]);
            assertThat(coarse.train().label(i)).isEqualTo(CIFAR100_TRAIN[i][0]);
            assertPixels(fine.train(), i, i);
        }
        for (int i = 0; i < 2; i++) {
            assertThat(fine.test().label(i)).isEqualTo(CIFAR100_TEST[i][1]);
            assertThat(coarse.test().label(i)).isEqualTo(CIFAR100_TEST[i][0]);
            assertPixels(coarse.test(), i, 50 + i);
        }
        Cifar100Settings viaProvider = new Cifar100Settings(directory.toString(), "coarse", 0, 0);
        assertThat(new Cifar100DatasetProvider().create(viaProvider).train().label(0))
                .isEqualTo(19);
    }

    @Test
    void limitsKeepTheFirstImagesOfEachClass() {
        writeCifar10();

        // 4 images over 10 classes: one each for classes 0-3; class 2 has none in the training
        // files, so its share goes to class 4. First of class 0: 2; 1: 3; 3: 0; 4: 5.
        DatasetSplit train = CifarDataset.loadCifar10(directory, 4, 0).train();

        assertThat(train.size()).isEqualTo(4);
        int[] expected = {0, 2, 3, 5};
        for (int i = 0; i < 4; i++) {
            assertThat(train.label(i)).isEqualTo(TRAIN_LABELS[expected[i]]);
            assertPixels(train, i, expected[i]);
        }
    }

    @Test
    void aLengthThatIsNotAWholeNumberOfRecordsFails() throws IOException {
        writeCifar10();
        Path batch = directory.resolve("data_batch_3.bin");
        byte[] data = Files.readAllBytes(batch);
        write(batch, Arrays.copyOf(data, data.length - 1));

        assertThatThrownBy(() -> CifarDataset.loadCifar10(directory, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(batch.toString())
                .hasMessageContaining("expected a whole, non-zero number of 3073-byte cifar10")
                .hasMessageContaining("found 6145 bytes (1 records and 3072 bytes more)");
    }

    @Test
    void aCifar10FileReadAsCifar100FailsOnItsLength() {
        // two CIFAR-10 records are 6146 bytes: one 3074-byte record and 3072 bytes more
        write(directory.resolve("train.bin"), records(0, column(new int[] {1, 2})));
        write(directory.resolve("test.bin"), records(0, CIFAR100_TEST));

        assertThatThrownBy(() -> CifarDataset.loadCifar100(directory, false, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("train.bin")
                .hasMessageContaining("3074-byte cifar100 records, found 6146 bytes");
    }

    @Test
    void anEmptyFileFails() {
        writeCifar10();
        write(directory.resolve("test_batch.bin"), new byte[0]);

        assertThatThrownBy(() -> CifarDataset.loadCifar10(directory, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("test_batch.bin")
                .hasMessageContaining("found 0 bytes");
    }

    @Test
    void aMissingBatchFileIsNamed() throws IOException {
        writeCifar10();
        Files.delete(directory.resolve("data_batch_4.bin"));

        assertThatThrownBy(() -> CifarDataset.loadCifar10(directory, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cifar10: expected the file data_batch_4.bin in")
                .hasMessageContaining("found none")
                .hasMessageContaining("https://www.cs.toronto.edu/~kriz/cifar.html");
    }

    @Test
    void aMissingDirectoryFails() {
        Path missing = directory.resolve("nowhere");

        assertThatThrownBy(() -> CifarDataset.loadCifar100(missing, false, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(
                        "cifar100: expected a directory of binary files at " + missing);
    }

    @Test
    void labelsOutOfRangeFailNamingTheRecord() {
        writeCifar10();
        write(directory.resolve("test_batch.bin"), records(0, column(new int[] {4, 10})));

        assertThatThrownBy(() -> CifarDataset.loadCifar10(directory, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("test_batch.bin: record 1 (byte 3073)")
                .hasMessageContaining("expected a class label in [0, 10), found 10");

        // the coarse byte is checked even when the fine labels are kept; 0xFF reads as 255
        write(directory.resolve("train.bin"), records(0, new int[][] {{1, 2}, {0xFF, 3}}));
        write(directory.resolve("test.bin"), records(0, CIFAR100_TEST));
        assertThatThrownBy(() -> CifarDataset.loadCifar100(directory, false, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("train.bin: record 1")
                .hasMessageContaining("expected a coarse label in [0, 20), found 255");
        write(directory.resolve("train.bin"), records(0, new int[][] {{1, 100}}));
        assertThatThrownBy(() -> CifarDataset.loadCifar100(directory, true, 0, 0))
                .hasMessageContaining("expected a fine label in [0, 100), found 100");
    }

    @Test
    void settingsReportEveryProblemAndProvidersHaveTheAgreedNames() {
        assertThat(Cifar10Settings.defaults().problems()).isEmpty();
        assertThat(Cifar100Settings.defaults())
                .isEqualTo(new Cifar100Settings("cifar-100-binary", "fine", 0, 0));
        assertThat(new Cifar100Settings(" ", "medium", -1, -2).problems())
                .containsExactly(
                        "directory: expected the path of a directory, found an empty string",
                        "trainLimit: expected 0 (all) or a positive number of images, found -1",
                        "testLimit: expected 0 (all) or a positive number of images, found -2",
                        "labels: expected one of [fine, coarse], found 'medium'");
        assertThat(new Cifar10DatasetProvider().name()).isEqualTo("cifar10");
        assertThat(new Cifar100DatasetProvider().name()).isEqualTo("cifar100");
        assertThat(List.of(new Cifar10DatasetProvider().defaults().directory()))
                .containsExactly("cifar-10-batches-bin");
    }
}
