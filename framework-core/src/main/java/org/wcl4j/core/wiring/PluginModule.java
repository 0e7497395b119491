package org.wcl4j.core.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.MapBinder;
import org.wcl4j.api.augment.AugmentationProvider;
import org.wcl4j.api.augment.CropStrategyProvider;
import org.wcl4j.api.data.DatasetProvider;
import org.wcl4j.api.eval.EvaluationProtocolProvider;
import org.wcl4j.api.label.WeakLabellerProvider;
import org.wcl4j.api.loss.LossProvider;
import org.wcl4j.api.model.EncoderProvider;
import org.wcl4j.api.model.HeadProvider;
import org.wcl4j.api.plugin.Provider;
import org.wcl4j.core.registry.PluginFamily;
import org.wcl4j.core.registry.PluginRegistry;

/**
 * Binds the registry and, per plugin family, a {@code Map<String, XProvider<?>>} from plugin name
 * to provider (one {@link MapBinder} each), e.g. {@code Map<String, LossProvider<?>>}. A test may
 * add a provider with its own {@code MapBinder.newMapBinder(...).addBinding(name)}.
 */
public final class PluginModule extends AbstractModule {

    private final PluginRegistry registry;

    /** Binds the providers of {@code registry}. */
    public PluginModule(PluginRegistry registry) {
        this.registry = registry;
    }

    @Override
    protected void configure() {
        bind(PluginRegistry.class).toInstance(registry);
        bindFamily(PluginFamily.DATASET, new TypeLiteral<DatasetProvider<?>>() {});
        bindFamily(PluginFamily.ENCODER, new TypeLiteral<EncoderProvider<?>>() {});
        bindFamily(PluginFamily.HEAD, new TypeLiteral<HeadProvider<?>>() {});
        bindFamily(PluginFamily.LABELLER, new TypeLiteral<WeakLabellerProvider<?>>() {});
        bindFamily(PluginFamily.CROP_STRATEGY, new TypeLiteral<CropStrategyProvider<?>>() {});
        bindFamily(PluginFamily.AUGMENTATION, new TypeLiteral<AugmentationProvider<?>>() {});
        bindFamily(PluginFamily.LOSS, new TypeLiteral<LossProvider<?>>() {});
        bindFamily(PluginFamily.EVALUATION, new TypeLiteral<EvaluationProtocolProvider<?>>() {});
    }

    private <P extends Provider<?, ?>> void bindFamily(
            PluginFamily<P> family, TypeLiteral<P> providerType) {
        MapBinder<String, P> providers =
                MapBinder.newMapBinder(binder(), TypeLiteral.get(String.class), providerType);
        registry.providers(family)
                .forEach((name, provider) -> providers.addBinding(name).toInstance(provider));
    }
}
