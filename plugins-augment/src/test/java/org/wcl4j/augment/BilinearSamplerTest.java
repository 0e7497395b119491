package org.wcl4j.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wcl4j.api.data.Image;
import org.wcl4j.api.data.ImageShape;

class BilinearSamplerTest {

    @Test
    void upscalesTwoByTwoToFourByFourAsComputedByHand() {
        Image image = TestImages.of(1, 2, 2, 0.0f, 0.4f, 0.8f, 0.2f);

        Image resized = BilinearSampler.resample(image, CropBox.whole(2, 2), 4, 4);

        // Output rows and columns sample input positions 0, 0.25, 0.75 and 1 (the first and last
        // clamped from -0.25 and 1.25); the bilinear surface through the four pixels is
        // f(y, x) = 0.4 x + 0.8 y - 1.0 x y.
        assertThat(resized.shape()).isEqualTo(new ImageShape(1, 4, 4));
        assertThat(resized.pixels())
                .containsExactly(
                        new float[] {
                            0.0f, 0.1f, 0.3f, 0.4f,
                            0.2f, 0.2375f, 0.3125f, 0.35f,
                            0.6f, 0.5125f, 0.3375f, 0.25f,
                            0.8f, 0.65f, 0.35f, 0.2f
                        },
                        within(1e-6f));
    }

    @Test
    void downscalesFourByFourToTwoByTwoAsBlockMeans() {
        Image image = ramp();

        Image resized = BilinearSampler.resample(image, CropBox.whole(4, 4), 2, 2);

        // Output pixels sample positions 0.5 and 2.5: the mean of each 2 x 2 block of 0..15 / 16.
        assertThat(resized.pixels())
                .containsExactly(
                        new float[] {2.5f / 16, 4.5f / 16, 10.5f / 16, 12.5f / 16}, within(1e-7f));
    }

    @Test
    void cropOfWholePixelsAtTheirSizeIsTheSubImage() {
        Image image = ramp();

        Image crop = BilinearSampler.resample(image, new CropBox(1, 1, 2, 2), 2, 2);

        assertThat(crop.pixels()).containsExactly(5f / 16, 6f / 16, 9f / 16, 10f / 16);
    }

    @Test
    void wholeImageAtItsOwnSizeIsExactlyTheInput() {
        Image image = TestImages.random(3, 7, 5, 11);

        Image same = BilinearSampler.resample(image, CropBox.whole(7, 5), 7, 5);

        assertThat(same.pixels()).containsExactly(image.pixels());
        assertThat(same.pixels()).isNotSameAs(image.pixels());
    }

    /**
     * Compares with PyTorch 1.13: {@code
     * src/test/resources/org/wcl4j/augment/bilinear_reference.py}, run with {@code
     * /usr/bin/python3}, wrote {@code bilinear-reference.txt} from {@code
     * torch.nn.functional.interpolate(mode='bilinear', align_corners=False)} (whole images) and
     * {@code grid_sample(padding_mode='border', align_corners=False)} (crop boxes) on random
     * images.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("pytorchCases")
    void matchesPytorchBilinearResampling(ReferenceCase reference) {
        Image resampled =
                BilinearSampler.resample(
                        reference.image(),
                        reference.box(),
                        reference.outHeight(),
                        reference.outWidth());

        assertThat(resampled.shape())
                .isEqualTo(
                        new ImageShape(
                                reference.image().shape().channels(),
                                reference.outHeight(),
                                reference.outWidth()));
        assertThat(resampled.pixels()).containsExactly(reference.expected(), within(1e-6f));
    }

    static List<ReferenceCase> pytorchCases() throws IOException {
        List<String> lines = new ArrayList<>();
        try (InputStream stream =
                        Objects.requireNonNull(
                                BilinearSamplerTest.class.getResourceAsStream(
                                        "bilinear-reference.txt"));
                BufferedReader reader =
                        new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    lines.add(line);
                }
            }
        }
        List<ReferenceCase> cases = new ArrayList<>();
        for (int i = 0; i + 3 < lines.size(); i += 4) {
            String[] header = lines.get(i).split(" ");
            ImageShape shape =
                    new ImageShape(
                            Integer.parseInt(header[1]),
                            Integer.parseInt(header[2]),
                            Integer.parseInt(header[3]));
            double[] geometry = numbers(lines.get(i + 2));
            cases.add(
                    new ReferenceCase(
                            header[0],
                            new Image(floats(lines.get(i + 1)), shape),
                            new CropBox(geometry[0], geometry[1], geometry[2], geometry[3]),
                            (int) geometry[4],
                            (int) geometry[5],
                            floats(lines.get(i + 3))));
        }
        assertThat(cases).hasSize(6);
        return cases;
    }

    /** 0, 1, ..., 15 divided by 16, as one 4 x 4 channel. */
    private static Image ramp() {
        float[] pixels = new float[16];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = i / 16f;
        }
        return TestImages.of(1, 4, 4, pixels);
    }

    private static double[] numbers(String line) {
        return Arrays.stream(line.split(" ")).mapToDouble(Double::parseDouble).toArray();
    }

    private static float[] floats(String line) {
        double[] values = numbers(line);
        float[] result = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = (float) values[i];
        }
        return result;
    }

    record ReferenceCase(
            String name, Image image, CropBox box, int outHeight, int outWidth, float[] expected) {

        @Override
        public String toString() {
            return name;
        }
    }
}
