package org.wcl4j.core.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.wcl4j.api.data.DatasetSplit;
import org.wcl4j.api.eval.EvaluationProtocol;
import org.wcl4j.api.eval.EvaluationProtocolProvider;
import org.wcl4j.api.eval.EvaluationResult;
import org.wcl4j.api.eval.FineTuneSettings;
import org.wcl4j.api.eval.FineTunedClassifier;
import org.wcl4j.api.eval.FineTuner;
import org.wcl4j.api.plugin.NoSettings;

/**
 * {@code fine-tuned}: fine-tunes a copy of the network on every train image for 5 epochs and
 * reports the test split's top-1 accuracy (percent) and the last epoch's loss.
 */
public final class FineTunedEvaluationProvider implements EvaluationProtocolProvider<NoSettings> {

    @Override
    public String name() {
        return "fine-tuned";
    }

    @Override
    public String description() {
        return "test double: fine-tunes on all train labels";
    }

    @Override
    public NoSettings defaults() {
        return new NoSettings();
    }

    @Override
    public EvaluationProtocol create(NoSettings settings) {
        return (extractor, dataset) -> {
            FineTuner fineTuner =
                    extractor
                            .fineTuner()
                            .orElseThrow(() -> new IllegalStateException("no fine-tuner offered"));
            DatasetSplit train = dataset.train();
            DatasetSplit test = dataset.test();
            int[] all = new int[train.size()];
            for (int i = 0; i < all.length; i++) {
                all[i] = i;
            }
            FineTunedClassifier classifier =
                    fineTuner.fineTune(
                            train,
                            all,
                            new FineTuneSettings("pooled", 5, 8, 0.05, 0.9, 0.0, true, 1));
            INDArray scores = classifier.scores(test);
            int correct = 0;
            for (int i = 0; i < test.size(); i++) {
                correct += scores.getRow(i).argMax().getInt(0) == test.label(i) ? 1 : 0;
            }
            Map<String, Double> metrics = new LinkedHashMap<>();
            metrics.put("top1", 100.0 * correct / test.size());
            metrics.put("train-loss", classifier.trainLoss());
            return new EvaluationResult("fine-tuned", metrics);
        };
    }
}
