package org.wcl4j.core.registry;

import java.util.List;
import org.wcl4j.api.augment.AugmentationProvider;
import org.wcl4j.api.augment.CropStrategyProvider;
import org.wcl4j.api.data.DatasetProvider;
import org.wcl4j.api.eval.EvaluationProtocolProvider;
import org.wcl4j.api.label.WeakLabellerProvider;
import org.wcl4j.api.loss.LossProvider;
import org.wcl4j.api.model.EncoderProvider;
import org.wcl4j.api.model.HeadProvider;
import org.wcl4j.api.plugin.Provider;

/**
 * One of the eight plugin families: the provider interface that plugins register under with
 * {@code @AutoService}, and the word used for it in messages and listings.
 *
 * @param <P> the family's provider interface
 */
public final class PluginFamily<P extends Provider<?, ?>> {

    /** Data sets, e.g. {@code fashion-mnist}. */
    public static final PluginFamily<DatasetProvider<?>> DATASET =
            new PluginFamily<>("dataset", DatasetProvider.class);

    /** Encoders (backbones), e.g. {@code small-resnet}. */
    public static final PluginFamily<EncoderProvider<?>> ENCODER =
            new PluginFamily<>("encoder", EncoderProvider.class);

    /** Projection heads, e.g. {@code mlp}. */
    public static final PluginFamily<HeadProvider<?>> HEAD =
            new PluginFamily<>("head", HeadProvider.class);

    /** Weak labellers, e.g. {@code nearest-neighbour}. */
    public static final PluginFamily<WeakLabellerProvider<?>> LABELLER =
            new PluginFamily<>("labeller", WeakLabellerProvider.class);

    /** Crop strategies, e.g. {@code two-views}. */
    public static final PluginFamily<CropStrategyProvider<?>> CROP_STRATEGY =
            new PluginFamily<>("crop strategy", CropStrategyProvider.class);

    /** Augmentations, e.g. {@code horizontal-flip}. */
    public static final PluginFamily<AugmentationProvider<?>> AUGMENTATION =
            new PluginFamily<>("augmentation", AugmentationProvider.class);

    /** Losses, e.g. {@code nt-xent}. */
    public static final PluginFamily<LossProvider<?>> LOSS =
            new PluginFamily<>("loss", LossProvider.class);

    /** Evaluation protocols, e.g. {@code knn}. */
    public static final PluginFamily<EvaluationProtocolProvider<?>> EVALUATION =
            new PluginFamily<>("evaluation", EvaluationProtocolProvider.class);

    private static final List<PluginFamily<?>> ALL =
            List.of(
                    DATASET,
                    ENCODER,
                    HEAD,
                    LABELLER,
                    CROP_STRATEGY,
                    AUGMENTATION,
                    LOSS,
                    EVALUATION);

    private final String label;
    private final Class<P> providerType;

    @SuppressWarnings({"unchecked", "rawtypes"})
    private PluginFamily(String label, Class providerType) {
        this.label = label;
        this.providerType = (Class<P>) providerType;
    }

    /** Every family, in the order listings show them. */
    public static List<PluginFamily<?>> all() {
        return ALL;
    }

    /** The family's name in messages and listings, e.g. {@code "labeller"}. */
    public String label() {
        return label;
    }

    /** The provider interface plugins of this family implement and register under. */
    public Class<P> providerType() {
        return providerType;
    }

    @Override
    public String toString() {
        return label;
    }
}
