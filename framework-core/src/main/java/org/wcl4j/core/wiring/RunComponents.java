package org.wcl4j.core.wiring;

import com.google.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.wcl4j.api.augment.AugmentationPipeline;
import org.wcl4j.api.augment.CropStrategy;
import org.wcl4j.api.data.Dataset;
import org.wcl4j.api.eval.EvaluationProtocol;
import org.wcl4j.api.model.Encoder;
import org.wcl4j.api.model.Head;
import org.wcl4j.core.config.RunConfig;
import org.wcl4j.engine.LabellerBinding;
import org.wcl4j.engine.LossTerm;

/**
 * Everything a run is built from, as {@link RunModule} provides it (or a test's override).
 *
 * @param config the resolved config
 * @param dataset the data set, loaded
 * @param encoder the backbone
 * @param heads head name to head, config order
 * @param labeller the weak labeller and the head it reads, if any
 * @param crops the crop strategy; may keep state across batches (a feature bank)
 * @param augmentations applied to every view
 * @param losses the weighted loss terms
 * @param evaluation protocols, in config order, named by {@link RunConfig#evaluationNames()}
 */
public record RunComponents(
        RunConfig config,
        Dataset dataset,
        Encoder encoder,
        Map<String, Head> heads,
        Optional<LabellerBinding> labeller,
        CropStrategy crops,
        AugmentationPipeline augmentations,
        List<LossTerm> losses,
        List<EvaluationProtocol> evaluation) {

    @Inject
    public RunComponents {}
}
