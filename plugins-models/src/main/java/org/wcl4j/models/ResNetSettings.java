package org.wcl4j.models;

import java.util.ArrayList;
import java.util.List;
import org.wcl4j.api.plugin.Settings;

/**
 * Settings of the {@code resnet18} and {@code resnet50} encoders.
 *
 * @param stem {@code imagenet} (default): 7x7 convolution with stride 2 and 3x3 max pooling with
 *     stride 2, as in He et al. (2016) for 224x224 images; {@code cifar}: one 3x3 convolution with
 *     stride 1 and no pooling, the variant the WCL paper (Zheng et al., ICCV 2021, Sec. 4) and
 *     SimCLR use for 32x32 CIFAR images
 */
public record ResNetSettings(String stem) implements Settings {

    /** The value of {@code stem} for the standard ImageNet stem. */
    public static final String IMAGENET = "imagenet";

    /** The value of {@code stem} for the CIFAR stem. */
    public static final String CIFAR = "cifar";

    /** The documented defaults: the ImageNet stem. */
    public static ResNetSettings defaults() {
        return new ResNetSettings(IMAGENET);
    }

    @Override
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (!IMAGENET.equals(stem) && !CIFAR.equals(stem)) {
            problems.add("stem: expected one of [imagenet, cifar], found '" + stem + "'");
        }
        return problems;
    }
}
