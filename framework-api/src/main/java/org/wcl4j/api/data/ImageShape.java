package org.wcl4j.api.data;

/**
 * The shape of one image, channels first: {@code [channels, height, width]}.
 *
 * @param channels 1 for grey images, 3 for RGB
 * @param height rows
 * @param width columns
 */
public record ImageShape(int channels, int height, int width) {

    public ImageShape {
        if (channels < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException(
                    "image shape: expected positive channels, height and width, found ["
                            + channels
                            + ", "
                            + height
                            + ", "
                            + width
                            + "]");
        }
    }

    /** Number of values in one image: channels × height × width. */
    public int length() {
        return channels * height * width;
    }

    @Override
    public String toString() {
        return channels + "x" + height + "x" + width;
    }
}
