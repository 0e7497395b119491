package org.wcl4j.datasets;

import com.google.auto.service.AutoService;
import java.nio.file.Path;
import org.wcl4j.api.data.Dataset;
import org.wcl4j.api.data.DatasetProvider;
import org.wcl4j.api.data.ImageShape;

/** Registers {@link ImageFolderDataset} as {@code image-folder}. */
@SuppressWarnings("rawtypes") // the registered interface is generic
@AutoService(DatasetProvider.class)
public final class ImageFolderDatasetProvider implements DatasetProvider<ImageFolderSettings> {

    @Override
    public String name() {
        return "image-folder";
    }

    @Override
    public String description() {
        return "PNG/JPEG images in one folder per class (train/ and test/), resized as they are"
                + " read; optionally the first N classes only (ImageNet-100)";
    }

    @Override
    public ImageFolderSettings defaults() {
        return ImageFolderSettings.defaults();
    }

    @Override
    public Dataset create(ImageFolderSettings settings) {
        Path root = Path.of(settings.directory());
        return ImageFolderDataset.load(
                root.resolve(settings.trainFolder()),
                root.resolve(settings.testFolder()),
                new ImageShape(3, settings.height(), settings.width()),
                settings.classes());
    }
}
