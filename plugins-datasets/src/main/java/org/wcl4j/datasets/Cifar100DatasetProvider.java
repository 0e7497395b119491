package org.wcl4j.datasets;

import com.google.auto.service.AutoService;
import java.nio.file.Path;
import org.wcl4j.api.data.Dataset;
import org.wcl4j.api.data.DatasetProvider;

/** Registers CIFAR-100 ({@link CifarDataset#loadCifar100}) as {@code cifar100}. */
@SuppressWarnings("rawtypes") // the registered interface is generic
@AutoService(DatasetProvider.class)
public final class Cifar100DatasetProvider implements DatasetProvider<Cifar100Settings> {

    @Override
    public String name() {
        return "cifar100";
    }

    @Override
    public String description() {
        return "CIFAR-100 binary files: 32x32 colour images, 100 fine or 20 coarse classes,"
                + " 50000 train / 10000 test";
    }

    @Override
    public Cifar100Settings defaults() {
        return Cifar100Settings.defaults();
    }

    @Override
    public Dataset create(Cifar100Settings settings) {
        return CifarDataset.loadCifar100(
                Path.of(settings.directory()),
                Cifar100Settings.COARSE.equals(settings.labels()),
                settings.trainLimit(),
                settings.testLimit());
    }
}
