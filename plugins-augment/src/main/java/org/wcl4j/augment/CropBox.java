package org.wcl4j.augment;

/**
 * A crop rectangle in continuous pixel coordinates: pixel {@code (y, x)} covers {@code [y, y + 1) x
 * [x, x + 1)}, so the whole of an {@code h x w} image is {@code (0, 0, h, w)}.
 *
 * @param top first row covered, {@code >= 0}
 * @param left first column covered, {@code >= 0}
 * @param height rows covered, {@code > 0}
 * @param width columns covered, {@code > 0}
 */
record CropBox(double top, double left, double height, double width) {

    /** The box covering a whole {@code height x width} image. */
    static CropBox whole(int height, int width) {
        return new CropBox(0, 0, height, width);
    }

    /** Width over height. */
    double ratio() {
        return width / height;
    }

    /** Covered area. */
    double area() {
        return width * height;
    }
}
