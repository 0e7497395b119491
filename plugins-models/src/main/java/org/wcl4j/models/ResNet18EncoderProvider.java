package org.wcl4j.models;

import com.google.auto.service.AutoService;
import org.wcl4j.api.model.Encoder;
import org.wcl4j.api.model.EncoderProvider;

/** Registers ResNet-18 ({@link ResNetEncoder#resnet18}) as {@code resnet18}. */
@AutoService(EncoderProvider.class)
public final class ResNet18EncoderProvider implements EncoderProvider<ResNetSettings> {

    @Override
    public String name() {
        return "resnet18";
    }

    @Override
    public String description() {
        return "ResNet-18 without its classifier, ImageNet or CIFAR stem; 512 features";
    }

    @Override
    public ResNetSettings defaults() {
        return ResNetSettings.defaults();
    }

    @Override
    public Encoder create(ResNetSettings settings) {
        return ResNetEncoder.resnet18(settings);
    }
}
