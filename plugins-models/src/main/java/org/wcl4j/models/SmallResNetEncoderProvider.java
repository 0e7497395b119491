package org.wcl4j.models;

import com.google.auto.service.AutoService;
import org.wcl4j.api.model.Encoder;
import org.wcl4j.api.model.EncoderProvider;

/** Registers {@link SmallResNetEncoder} as {@code small-resnet}. */
@AutoService(EncoderProvider.class)
public final class SmallResNetEncoderProvider implements EncoderProvider<SmallResNetSettings> {

    @Override
    public String name() {
        return "small-resnet";
    }

    @Override
    public String description() {
        return "Small ResNet: 3x3 stem, stages of basic residual blocks, global average pooling";
    }

    @Override
    public SmallResNetSettings defaults() {
        return SmallResNetSettings.defaults();
    }

    @Override
    public Encoder create(SmallResNetSettings settings) {
        return new SmallResNetEncoder(settings);
    }
}
