package org.wcl4j.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcl4j.api.data.Dataset;
import org.wcl4j.api.data.Image;
import org.wcl4j.api.data.ImageShape;

/** Small PNG and JPEG files written here into class folders and read back. */
class ImageFolderDatasetTest {

    private static final ImageShape FOUR = new ImageShape(3, 4, 4);

    @TempDir Path root;

    /** A colour value that differs by channel, row, column and file: traceable after a copy. */
    private static int rgb(int serial, int y, int x) {
        int red = (serial * 40 + y * 7 + x) & 0xFF;
        int green = (255 - serial * 3 - x * 5) & 0xFF;
        int blue = (y * 60 + x * 3 + serial) & 0xFF;
        return (red << 16) | (green << 8) | blue;
    }

    private static BufferedImage colour(int serial, int height, int width) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, rgb(serial, y, x));
            }
        }
        return image;
    }

    private static void write(BufferedImage image, String format, Path file) {
        try {
            Files.createDirectories(file.getParent());
            assertThat(ImageIO.write(image, format, file.toFile())).isTrue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * train: bird (2 images), cat (1), dog (2); test: bird (1), cat (1), dog (1), eel (1). Serial
     * numbers: train bird 0, 1, cat 2, dog 3, 4; test 10, 11, 12, 13.
     */
    private void writeFolders() {
        write(colour(1, 4, 4), "png", root.resolve("train/bird/b.png"));
        write(colour(0, 4, 4), "png", root.resolve("train/bird/a.png"));
        write(colour(2, 4, 4), "png", root.resolve("train/cat/x.PNG"));
        write(colour(3, 4, 4), "png", root.resolve("train/dog/1.png"));
        write(colour(4, 4, 4), "png", root.resolve("train/dog/2.png"));
        write(colour(10, 4, 4), "png", root.resolve("test/bird/t.png"));
        write(colour(11, 4, 4), "png", root.resolve("test/cat/t.png"));
        write(colour(12, 4, 4), "png", root.resolve("test/dog/t.png"));
        write(colour(13, 4, 4), "png", root.resolve("test/eel/t.png"));
    }

    private ImageFolderDataset load(int classes) {
        return ImageFolderDataset.load(root.resolve("train"), root.resolve("test"), FOUR, classes);
    }

    private static void assertColour(Image image, int serial) {
        assertThat(image.shape()).isEqualTo(FOUR);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                int value = rgb(serial, y, x);
                assertThat(image.at(0, y, x)).isEqualTo(((value >> 16) & 0xFF) / 255f);
                assertThat(image.at(1, y, x)).isEqualTo(((value >> 8) & 0xFF) / 255f);
                assertThat(image.at(2, y, x)).isEqualTo((value & 0xFF) / 255f);
            }
        }
    }

    @Test
    void readsClassFoldersSortedByNamePixelForPixel() throws IOException {
        writeFolders();
        Files.writeString(root.resolve("train/dog/notes.txt"), "not an image");
        Files.writeString(root.resolve("train/dog/.hidden.png"), "not an image either");

        ImageFolderDataset dataset = load(0);

        assertThat(dataset.name()).isEqualTo("image-folder");
        assertThat(dataset.classNames()).containsExactly("bird", "cat", "dog");
        assertThat(dataset.train().size()).isEqualTo(5);
        assertThat(dataset.train().classCount()).isEqualTo(3);
        assertThat(dataset.train().shape()).isEqualTo(FOUR);
        int[] serials = {0, 1, 2, 3, 4};
        int[] labels = {0, 0, 1, 2, 2};
        for (int i = 0; i < 5; i++) {
            assertThat(dataset.train().label(i)).isEqualTo(labels[i]);
            assertColour(dataset.train().image(i), serials[i]);
        }
        // the test root's extra class "eel" is not one of the training classes: ignored
        assertThat(dataset.test().size()).isEqualTo(3);
        for (int i = 0; i < 3; i++) {
            assertThat(dataset.test().label(i)).isEqualTo(i);
            assertColour(dataset.test().image(i), 10 + i);
        }
    }

    @Test
    void keepsTheFirstClassesByName() {
        writeFolders();

        ImageFolderDataset dataset = load(2);

        assertThat(dataset.classNames()).containsExactly("bird", "cat");
        assertThat(dataset.train().classCount()).isEqualTo(2);
        assertThat(dataset.train().size()).isEqualTo(3);
        assertThat(dataset.test().size()).isEqualTo(2);
        assertColour(dataset.test().image(1), 11);
    }

    @Test
    void resizesBilinearlyWithPixelCentresAligned() {
        // one row of two pixels, red 0 and 255, resized to 1x4: source x = (x + 0.5) / 2 - 0.5
        // = -0.25, 0.25, 0.75, 1.25, clamped to [0, 1], so red = 0, 63.75, 191.25, 255
        BufferedImage image = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, 0x000010);
        image.setRGB(1, 0, 0xFF0010);
        write(image, "png", root.resolve("train/a/one.png"));
        write(image, "png", root.resolve("test/a/one.png"));

        Image resized =
                ImageFolderDataset.load(
                                root.resolve("train"),
                                root.resolve("test"),
                                new ImageShape(3, 1, 4),
                                0)
                        .train()
                        .image(0);

        float[] red = Arrays.copyOfRange(resized.pixels(), 0, 4);
        assertThat(red[0]).isCloseTo(0f, within(1e-6f));
        assertThat(red[1]).isCloseTo(63.75f / 255, within(1e-6f));
        assertThat(red[2]).isCloseTo(191.25f / 255, within(1e-6f));
        assertThat(red[3]).isCloseTo(1f, within(1e-6f));
        for (int x = 0; x < 4; x++) {
            assertThat(resized.at(1, 0, x)).isZero();
            assertThat(resized.at(2, 0, x)).isCloseTo(16f / 255, within(1e-6f));
        }
    }

    @Test
    void greyImagesFillAllThreeChannelsWithTheirOwnValues() {
        BufferedImage grey = new BufferedImage(4, 4, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                grey.getRaster().setSample(x, y, 0, y * 80 + x * 5);
            }
        }
        grey.getRaster().setSample(3, 3, 0, 0xFF);
        write(grey, "png", root.resolve("train/g/grey.png"));
        BufferedImage flat = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                flat.setRGB(x, y, 0x4080C0);
            }
        }
        write(flat, "jpg", root.resolve("test/g/photo.jpg"));

        ImageFolderDataset dataset = load(0);
        Image image = dataset.train().image(0);

        for (int c = 0; c < 3; c++) {
            assertThat(image.at(c, 1, 2)).isEqualTo(90 / 255f);
            assertThat(image.at(c, 2, 0)).isEqualTo(160 / 255f);
            assertThat(image.at(c, 3, 3)).isEqualTo(1f);
        }
        // JPEG is lossy: the flat 8x8 photo, resized to 4x4, comes back within a few levels
        Image photo = dataset.test().image(0);
        assertThat(photo.shape()).isEqualTo(FOUR);
        assertThat(photo.at(0, 3, 3)).isCloseTo(0x40 / 255f, within(3 / 255f));
        assertThat(photo.at(1, 0, 2)).isCloseTo(0x80 / 255f, within(3 / 255f));
        assertThat(photo.at(2, 1, 0)).isCloseTo(0xC0 / 255f, within(3 / 255f));
    }

    @Test
    void aMissingRootFailsWithTheLayout() {
        assertThatThrownBy(() -> load(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(
                        "image-folder: expected the training folder " + root.resolve("train"))
                .hasMessageContaining("<directory>/<trainFolder>/<class>/<image>");
        write(colour(0, 4, 4), "png", root.resolve("train/a/one.png"));
        assertThatThrownBy(() -> load(0))
                .hasMessageContaining("expected the test folder " + root.resolve("test"));
    }

    @Test
    void anEmptyClassFolderIsNamed() throws IOException {
        writeFolders();
        Files.createDirectories(root.resolve("train/ant"));
        Files.writeString(root.resolve("train/ant/readme.txt"), "no images here");

        assertThatThrownBy(() -> load(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(
                        "expected .png, .jpg or .jpeg images in the class folder "
                                + root.resolve("train/ant"))
                .hasMessageContaining("found none");
    }

    @Test
    void aKeptClassMissingFromTheTestRootFails() throws IOException {
        writeFolders();
        Files.delete(root.resolve("test/cat/t.png"));
        Files.delete(root.resolve("test/cat"));

        assertThatThrownBy(() -> load(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(
                        "expected a folder for class 'cat' in " + root.resolve("test"));
        assertThat(load(1).test().size()).isEqualTo(1);
    }

    @Test
    void askingForMoreClassesThanThereAreFails() {
        writeFolders();

        assertThatThrownBy(() -> load(4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected at least 4 class folders")
                .hasMessageContaining("found 3");
    }

    @Test
    void anUnreadableImageIsNamed() throws IOException {
        writeFolders();
        Path fake = root.resolve("train/cat/y.jpg");
        Files.writeString(fake, "this is text, not a JPEG");

        assertThatThrownBy(() -> load(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no image reader recognises " + fake);

        // a PNG cut short after its header is recognised at load and fails, named, when read
        Files.delete(fake);
        Path cut = root.resolve("train/cat/x.PNG");
        byte[] whole = Files.readAllBytes(cut);
        Files.write(cut, Arrays.copyOf(whole, 40));
        Dataset dataset = load(0);
        assertThatThrownBy(() -> dataset.train().image(2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("image-folder: could not decode the image " + cut);
    }

    @Test
    void providerResolvesTheFoldersUnderTheDirectory() {
        writeFolders();
        ImageFolderSettings settings =
                new ImageFolderSettings(root.toString(), "train", "test", 2, 3, 1);

        Dataset dataset = new ImageFolderDatasetProvider().create(settings);

        assertThat(new ImageFolderDatasetProvider().name()).isEqualTo("image-folder");
        assertThat(dataset.train().shape()).isEqualTo(new ImageShape(3, 2, 3));
        assertThat(dataset.train().size()).isEqualTo(2);
        assertThat(ImageFolderSettings.defaults().problems()).isEmpty();
        assertThat(new ImageFolderSettings("", "train", "", 0, 5000, -1).problems())
                .containsExactly(
                        "directory: expected the path of a directory, found an empty string",
                        "testFolder: expected a folder name, found an empty string",
                        "height: expected a value in [1, 4096], found 0",
                        "width: expected a value in [1, 4096], found 5000",
                        "classes: expected 0 (all) or a positive number, found -1");
    }
}
