package org.wcl4j.core.testing;

import java.util.ArrayList;
import java.util.List;
import org.wcl4j.api.augment.CropRequest;
import org.wcl4j.api.augment.CropStrategy;
import org.wcl4j.api.augment.CropStrategyProvider;
import org.wcl4j.api.augment.ImageBatch;
import org.wcl4j.api.augment.Seeds;
import org.wcl4j.api.augment.ViewBatch;
import org.wcl4j.api.data.Image;
import org.wcl4j.api.plugin.NoSettings;

/** {@code two-views}: two independently augmented global views of every image. */
public final class TwoViewsCropProvider implements CropStrategyProvider<NoSettings> {

    @Override
    public String name() {
        return "two-views";
    }

    @Override
    public String description() {
        return "test double: two augmented views per image";
    }

    @Override
    public NoSettings defaults() {
        return new NoSettings();
    }

    @Override
    public CropStrategy create(NoSettings settings) {
        return (CropRequest request) -> {
            List<ImageBatch> views = new ArrayList<>();
            for (int view = 0; view < 2; view++) {
                List<Image> images = new ArrayList<>();
                for (int index : request.indices()) {
                    images.add(
                            request.pipeline()
                                    .apply(
                                            request.split().image(index),
                                            Seeds.forView(
                                                    request.runSeed(),
                                                    request.epoch(),
                                                    index,
                                                    view)));
                }
                views.add(new ImageBatch(images, request.split().shape()));
            }
            return new ViewBatch(views, List.of());
        };
    }
}
