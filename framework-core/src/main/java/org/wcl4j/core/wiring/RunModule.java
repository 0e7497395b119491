package org.wcl4j.core.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.wcl4j.api.augment.Augmentation;
import org.wcl4j.api.augment.AugmentationPipeline;
import org.wcl4j.api.augment.AugmentationProvider;
import org.wcl4j.api.augment.CropStrategy;
import org.wcl4j.api.augment.CropStrategyProvider;
import org.wcl4j.api.data.Dataset;
import org.wcl4j.api.data.DatasetProvider;
import org.wcl4j.api.eval.EvaluationProtocol;
import org.wcl4j.api.eval.EvaluationProtocolProvider;
import org.wcl4j.api.label.WeakLabeller;
import org.wcl4j.api.label.WeakLabellerProvider;
import org.wcl4j.api.loss.Loss;
import org.wcl4j.api.loss.LossProvider;
import org.wcl4j.api.model.Encoder;
import org.wcl4j.api.model.EncoderProvider;
import org.wcl4j.api.model.Head;
import org.wcl4j.api.model.HeadProvider;
import org.wcl4j.api.plugin.Provider;
import org.wcl4j.core.config.LabellerChoice;
import org.wcl4j.core.config.LossChoice;
import org.wcl4j.core.config.PluginChoice;
import org.wcl4j.core.config.PluginSettings;
import org.wcl4j.core.config.RunConfig;
import org.wcl4j.core.config.TrainingConfig;
import org.wcl4j.core.registry.Names;
import org.wcl4j.engine.LabellerBinding;
import org.wcl4j.engine.LossTerm;

/**
 * Provides the parts of one run, made from the plugins a config names (found in the maps that
 * {@link PluginModule} binds) and their settings: {@link Dataset}, {@link Encoder}, {@code
 * Map<String, Head>} (config order), {@code Optional<LabellerBinding>}, {@link CropStrategy},
 * {@link AugmentationPipeline}, {@code List<LossTerm>} (named by {@link
 * RunConfig#lossTermNames()}), {@code List<EvaluationProtocol>}, and the {@link RunConfig} and
 * {@link TrainingConfig} themselves. Each is made once per injector.
 */
public final class RunModule extends AbstractModule {

    private final RunConfig config;

    /** Wires the run described by {@code config}, which {@code ConfigLoader} has validated. */
    public RunModule(RunConfig config) {
        this.config = config;
    }

    @Override
    protected void configure() {
        bind(RunConfig.class).toInstance(config);
        bind(TrainingConfig.class).toInstance(config.training());
    }

    @Provides
    @Singleton
    Dataset dataset(Map<String, DatasetProvider<?>> providers) {
        return create(providers, "dataset", config.dataset(), "dataset");
    }

    @Provides
    @Singleton
    Encoder encoder(Map<String, EncoderProvider<?>> providers) {
        return create(providers, "encoder", config.encoder(), "encoder");
    }

    @Provides
    @Singleton
    Map<String, Head> heads(Map<String, HeadProvider<?>> providers) {
        Map<String, Head> heads = new LinkedHashMap<>();
        config.heads()
                .forEach(
                        (name, choice) ->
                                heads.put(
                                        name, create(providers, "head", choice, "heads." + name)));
        return Collections.unmodifiableMap(heads);
    }

    @Provides
    @Singleton
    Optional<LabellerBinding> labeller(Map<String, WeakLabellerProvider<?>> providers) {
        if (config.labeller().isEmpty()) {
            return Optional.empty();
        }
        LabellerChoice choice = config.labeller().get();
        WeakLabeller labeller =
                create(
                        providers,
                        "labeller",
                        new PluginChoice(choice.name(), choice.settings()),
                        "labeller");
        return Optional.of(new LabellerBinding(choice.head(), labeller));
    }

    @Provides
    @Singleton
    CropStrategy crops(Map<String, CropStrategyProvider<?>> providers) {
        return create(providers, "crop strategy", config.crops(), "crops");
    }

    @Provides
    @Singleton
    AugmentationPipeline augmentations(Map<String, AugmentationProvider<?>> providers) {
        List<Augmentation> steps = new ArrayList<>();
        for (int i = 0; i < config.augmentations().size(); i++) {
            PluginChoice choice = config.augmentations().get(i);
            steps.add(create(providers, "augmentation", choice, "augmentations." + i));
        }
        return new AugmentationPipeline(steps);
    }

    @Provides
    @Singleton
    List<LossTerm> losses(Map<String, LossProvider<?>> providers) {
        List<String> names = config.lossTermNames();
        List<LossTerm> terms = new ArrayList<>();
        for (int i = 0; i < config.losses().size(); i++) {
            LossChoice choice = config.losses().get(i);
            Loss loss =
                    create(
                            providers,
                            "loss",
                            new PluginChoice(choice.name(), choice.settings()),
                            "losses." + i);
            terms.add(new LossTerm(names.get(i), choice.head(), choice.weight(), loss));
        }
        return List.copyOf(terms);
    }

    @Provides
    @Singleton
    List<EvaluationProtocol> evaluation(Map<String, EvaluationProtocolProvider<?>> providers) {
        List<EvaluationProtocol> protocols = new ArrayList<>();
        for (int i = 0; i < config.evaluation().size(); i++) {
            PluginChoice choice = config.evaluation().get(i);
            protocols.add(create(providers, "evaluation", choice, "evaluation." + i));
        }
        return List.copyOf(protocols);
    }

    /** Finds the provider a choice names and makes the plugin from the choice's settings. */
    private static <T> T create(
            Map<String, ? extends Provider<? extends T, ?>> providers,
            String family,
            PluginChoice choice,
            String path) {
        Provider<? extends T, ?> provider = providers.get(choice.name());
        if (provider == null) {
            throw new IllegalArgumentException(
                    Names.unknown(
                            family,
                            choice.name(),
                            path + ".name",
                            providers.keySet().stream().sorted().toList()));
        }
        return PluginSettings.create(provider, choice.settings(), path + ".settings");
    }
}
