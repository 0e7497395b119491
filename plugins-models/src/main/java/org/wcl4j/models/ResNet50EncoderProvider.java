package org.wcl4j.models;

import com.google.auto.service.AutoService;
import org.wcl4j.api.model.Encoder;
import org.wcl4j.api.model.EncoderProvider;

/** Registers ResNet-50 ({@link ResNetEncoder#resnet50}) as {@code resnet50}. */
@AutoService(EncoderProvider.class)
public final class ResNet50EncoderProvider implements EncoderProvider<ResNetSettings> {

    @Override
    public String name() {
        return "resnet50";
    }

    @Override
    public String description() {
        return "ResNet-50 without its classifier, ImageNet or CIFAR stem; 2048 features";
    }

    @Override
    public ResNetSettings defaults() {
        return ResNetSettings.defaults();
    }

    @Override
    public Encoder create(ResNetSettings settings) {
        return ResNetEncoder.resnet50(settings);
    }
}
