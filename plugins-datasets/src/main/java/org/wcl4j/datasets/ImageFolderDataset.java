package org.wcl4j.datasets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wcl4j.api.data.Dataset;
import org.wcl4j.api.data.DatasetSplit;
import org.wcl4j.api.data.ImageShape;

/**
 * Images sorted into one folder per class, as ImageNet is usually unpacked:
 *
 * <pre>
 * train/&lt;class&gt;/&lt;image&gt;.png|.jpg|.jpeg
 * test/&lt;class&gt;/&lt;image&gt;.png|.jpg|.jpeg
 * </pre>
 *
 * <p>The classes are the folders of the training root sorted by name; class {@code k} is the {@code
 * k}-th of them, in both splits. With a class limit {@code N}, only the first {@code N} are kept
 * (the WCL paper's ImageNet-100 takes 100 classes of ImageNet this way), and the test root's other
 * folders are ignored. Within a class, images are sorted by file name, so indices are the same on
 * every machine. Files whose extension is not {@code .png}, {@code .jpg} or {@code .jpeg} (any
 * case), and names starting with a dot, are skipped.
 *
 * <p>Loading lists the files and checks that a reader recognises each one (reading its first bytes
 * only); pixels are decoded, and resized to {@code [3, height, width]}, each time an image is asked
 * for (see {@link ImageFiles}). A missing root, a class folder without images, a kept class missing
 * from the test root, or a file no reader recognises fails at load with a message naming it; a file
 * that is recognised but corrupt fails, named, when it is read.
 */
public final class ImageFolderDataset implements Dataset {

    private static final Logger LOG = LoggerFactory.getLogger(ImageFolderDataset.class);
    private static final String NAME = "image-folder";
    private static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg");

    private final List<String> classNames;
    private final FileImageSplit train;
    private final FileImageSplit test;

    private ImageFolderDataset(List<String> classNames, FileImageSplit train, FileImageSplit test) {
        this.classNames = List.copyOf(classNames);
        this.train = train;
        this.test = test;
    }

    /**
     * Lists both splits.
     *
     * @param trainRoot holds one folder per class
     * @param testRoot holds a folder for every kept class
     * @param shape the shape every image is resized to; 3 channels
     * @param classLimit keep the first this many classes by name; 0 for all
     * @throws IllegalArgumentException for a missing root, too few classes, a class folder without
     *     images, a kept class missing from the test root, or a file no reader recognises
     */
    public static ImageFolderDataset load(
            Path trainRoot, Path testRoot, ImageShape shape, int classLimit) {
        long start = System.nanoTime();
        if (shape.channels() != 3) {
            throw new IllegalArgumentException(
                    NAME + ": expected a shape with 3 channels, found " + shape);
        }
        if (classLimit < 0) {
            throw new IllegalArgumentException(
                    NAME + ": expected a class limit of 0 (all) or more, found " + classLimit);
        }

        // classes: the training root's folders by name, the first classLimit of them
        List<String> classes = classFolders(trainRoot, "training");
        if (classes.isEmpty()) {
            throw new IllegalArgumentException(
                    NAME
                            + ": expected one folder per class in "
                            + trainRoot
                            + ", found none; put each class's images in a folder named after it");
        }
        if (classLimit > classes.size()) {
            throw new IllegalArgumentException(
                    NAME
                            + ": expected at least "
                            + classLimit
                            + " class folders in "
                            + trainRoot
                            + " to keep the first "
                            + classLimit
                            + ", found "
                            + classes.size()
                            + "; lower the classes setting or set it to 0 for all");
        }
        if (classLimit > 0) {
            classes = classes.subList(0, classLimit);
        }
        classFolders(testRoot, "test");

        // the image files of every kept class, in both splits
        FileImageSplit train = split(trainRoot, classes, shape);
        FileImageSplit test = split(testRoot, classes, shape);
        LOG.info(
                "{}: {} train and {} test images in {} classes from {} and {} in {} ms",
                NAME,
                train.size(),
                test.size(),
                classes.size(),
                trainRoot,
                testRoot,
                (System.nanoTime() - start) / 1_000_000);
        return new ImageFolderDataset(classes, train, test);
    }

    /** The kept class names by label. */
    public List<String> classNames() {
        return classNames;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public DatasetSplit train() {
        return train;
    }

    @Override
    public DatasetSplit test() {
        return test;
    }

    private static List<String> classFolders(Path root, String split) {
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException(
                    NAME
                            + ": expected the "
                            + split
                            + " folder "
                            + root
                            + ", found none; the layout is <directory>/<trainFolder>/<class>/"
                            + "<image> and <directory>/<testFolder>/<class>/<image>");
        }
        try (Stream<Path> entries = Files.list(root)) {
            return entries.filter(Files::isDirectory)
                    .map(folder -> folder.getFileName().toString())
                    .filter(name -> !name.startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + root, e);
        }
    }

    private static FileImageSplit split(Path root, List<String> classes, ImageShape shape) {
        List<Path> files = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (int label = 0; label < classes.size(); label++) {
            Path folder = root.resolve(classes.get(label));
            if (!Files.isDirectory(folder)) {
                throw new IllegalArgumentException(
                        NAME
                                + ": expected a folder for class '"
                                + classes.get(label)
                                + "' in "
                                + root
                                + ", found none; every kept class needs images in both splits");
            }
            List<Path> images = images(folder);
            if (images.isEmpty()) {
                throw new IllegalArgumentException(
                        NAME
                                + ": expected .png, .jpg or .jpeg images in the class folder "
                                + folder
                                + ", found none; add images or remove the folder");
            }
            for (Path image : images) {
                if (!ImageFiles.readable(image)) {
                    throw new IllegalArgumentException(
                            NAME
                                    + ": no image reader recognises "
                                    + image
                                    + "; expected a PNG or JPEG file, replace or remove it");
                }
                files.add(image);
                labels.add(label);
            }
        }
        int[] labelArray = labels.stream().mapToInt(Integer::intValue).toArray();
        return new FileImageSplit(files, labelArray, shape, classes.size());
    }

    private static List<Path> images(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(Files::isRegularFile)
                    .filter(ImageFolderDataset::hasImageName)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + folder, e);
        }
    }

    private static boolean hasImageName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return !name.startsWith(".")
                && dot > 0
                && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
