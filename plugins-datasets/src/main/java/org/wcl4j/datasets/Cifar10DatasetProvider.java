package org.wcl4j.datasets;

import com.google.auto.service.AutoService;
import java.nio.file.Path;
import org.wcl4j.api.data.Dataset;
import org.wcl4j.api.data.DatasetProvider;

/** Registers CIFAR-10 ({@link CifarDataset#loadCifar10}) as {@code cifar10}. */
@SuppressWarnings("rawtypes") // the registered interface is generic
@AutoService(DatasetProvider.class)
public final class Cifar10DatasetProvider implements DatasetProvider<Cifar10Settings> {

    @Override
    public String name() {
        return "cifar10";
    }

    @Override
    public String description() {
        return "CIFAR-10 binary files: 32x32 colour images, 10 classes, 50000 train / 10000 test";
    }

    @Override
    public Cifar10Settings defaults() {
        return Cifar10Settings.defaults();
    }

    @Override
    public Dataset create(Cifar10Settings settings) {
        return CifarDataset.loadCifar10(
                Path.of(settings.directory()), settings.trainLimit(), settings.testLimit());
    }
}
