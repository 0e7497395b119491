package org.wcl4j.datasets;

import java.util.ArrayList;
import java.util.List;
import org.wcl4j.api.plugin.Settings;

/**
 * Settings of the {@code image-folder} data set.
 *
 * @param directory the root holding {@code trainFolder} and {@code testFolder}; default {@code
 *     images}, relative to the working directory
 * @param trainFolder sub-folder of the training split, one folder per class in it; default {@code
 *     train}
 * @param testFolder sub-folder of the test split, with a folder for every kept class; default
 *     {@code test} (ImageNet's validation images sorted into class folders: {@code val})
 * @param height rows every image is resized to; default 224
 * @param width columns every image is resized to; default 224
 * @param classes keep only the first this many classes of the training folder, sorted by name (as
 *     the WCL paper's ImageNet-100); default 0, all of them
 */
public record ImageFolderSettings(
        String directory, String trainFolder, String testFolder, int height, int width, int classes)
        implements Settings {

    /** Largest height or width accepted. */
    static final int MAX_SIZE = 4096;

    /** The documented defaults: {@code images/train} and {@code images/test}, 224x224, all. */
    public static ImageFolderSettings defaults() {
        return new ImageFolderSettings("images", "train", "test", 224, 224, 0);
    }

    @Override
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (directory.isBlank()) {
            problems.add("directory: expected the path of a directory, found an empty string");
        }
        if (trainFolder.isBlank()) {
            problems.add("trainFolder: expected a folder name, found an empty string");
        }
        if (testFolder.isBlank()) {
            problems.add("testFolder: expected a folder name, found an empty string");
        }
        if (height < 1 || height > MAX_SIZE) {
            problems.add("height: expected a value in [1, " + MAX_SIZE + "], found " + height);
        }
        if (width < 1 || width > MAX_SIZE) {
            problems.add("width: expected a value in [1, " + MAX_SIZE + "], found " + width);
        }
        if (classes < 0) {
            problems.add("classes: expected 0 (all) or a positive number, found " + classes);
        }
        return problems;
    }
}
