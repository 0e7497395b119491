package org.wcl4j.datasets;

import com.google.auto.service.AutoService;
import java.nio.file.Path;
import org.wcl4j.api.data.Dataset;
import org.wcl4j.api.data.DatasetProvider;

/** Registers {@link FashionMnistDataset} as {@code fashion-mnist}. */
@SuppressWarnings("rawtypes") // the registered interface is generic
@AutoService(DatasetProvider.class)
public final class FashionMnistDatasetProvider implements DatasetProvider<FashionMnistSettings> {

    @Override
    public String name() {
        return "fashion-mnist";
    }

    @Override
    public String description() {
        return "Fashion-MNIST: 28x28 grey clothing images, 10 classes, 60000 train / 10000 test";
    }

    @Override
    public FashionMnistSettings defaults() {
        return FashionMnistSettings.defaults();
    }

    @Override
    public Dataset create(FashionMnistSettings settings) {
        return FashionMnistDataset.load(
                Path.of(settings.directory()), settings.trainLimit(), settings.testLimit());
    }
}
