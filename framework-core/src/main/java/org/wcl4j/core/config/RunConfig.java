package org.wcl4j.core.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A whole run, as read from its YAML config: the data set, the network (encoder and named heads),
 * the weak labeller, how views are made, the weighted losses, the optimiser and the evaluation.
 *
 * <p>Values are not checked here: {@link ConfigLoader} validates a config against the plugin
 * registry and fills in defaults, so a config it returns is complete and consistent.
 *
 * @param name run name, used in the run directory's name (default {@code "run"})
 * @param seed seeds weights, batch order and every augmentation (default 1)
 * @param dataset the data set (required)
 * @param encoder the backbone (required)
 * @param heads head name to head, in config order (at least one required)
 * @param labeller the weak labeller and the head it reads; empty for methods without weak labels
 *     such as SimCLR
 * @param crops the crop strategy (required)
 * @param augmentations applied in order to every view; empty for none
 * @param losses the weighted loss terms (at least one required)
 * @param training optimiser, schedule, checkpoints (every key optional)
 * @param evaluation protocols run before and after training; empty for none
 */
public record RunConfig(
        String name,
        long seed,
        PluginChoice dataset,
        PluginChoice encoder,
        Map<String, PluginChoice> heads,
        Optional<LabellerChoice> labeller,
        PluginChoice crops,
        List<PluginChoice> augmentations,
        List<LossChoice> losses,
        TrainingConfig training,
        List<PluginChoice> evaluation) {

    /** The run name a config gets when it leaves {@code name} out. */
    public static final String DEFAULT_NAME = "run";

    /** The seed a config gets when it leaves {@code seed} out. */
    public static final long DEFAULT_SEED = 1;

    public RunConfig {
        heads = Collections.unmodifiableMap(new LinkedHashMap<>(heads));
        augmentations = List.copyOf(augmentations);
        losses = List.copyOf(losses);
        evaluation = List.copyOf(evaluation);
    }

    /**
     * The metric name of each loss term, in order: the plugin's name, with {@code -2}, {@code -3}
     * appended to its second and third use.
     */
    public List<String> lossTermNames() {
        return uniqueNames(losses.stream().map(LossChoice::name).toList());
    }

    /** The report name of each evaluation protocol, made unique as in {@link #lossTermNames()}. */
    public List<String> evaluationNames() {
        return uniqueNames(evaluation.stream().map(PluginChoice::name).toList());
    }

    /** A copy with {@code training} replaced, e.g. for a shorter run of the same setup. */
    public RunConfig withTraining(TrainingConfig newTraining) {
        return new RunConfig(
                name,
                seed,
                dataset,
                encoder,
                heads,
                labeller,
                crops,
                augmentations,
                losses,
                newTraining,
                evaluation);
    }

    private static List<String> uniqueNames(List<String> names) {
        Map<String, Integer> uses = new LinkedHashMap<>();
        List<String> unique = new ArrayList<>();
        for (String name : names) {
            int use = uses.merge(name, 1, Integer::sum);
            unique.add(use == 1 ? name : name + "-" + use);
        }
        return List.copyOf(unique);
    }
}
