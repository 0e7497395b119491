package org.wcl4j.evaluation;

import com.google.auto.service.AutoService;
import org.wcl4j.api.eval.EvaluationProtocol;
import org.wcl4j.api.eval.EvaluationProtocolProvider;

/** Registers {@link FewShotProtocol} as {@code few-shot}. */
@SuppressWarnings("rawtypes") // the registered interface is generic
@AutoService(EvaluationProtocolProvider.class)
public final class FewShotProtocolProvider implements EvaluationProtocolProvider<FewShotSettings> {

    @Override
    public String name() {
        return FewShotProtocol.NAME;
    }

    @Override
    public String description() {
        return "Linear SVM on frozen features of k labelled images per class, mean of 5 draws";
    }

    @Override
    public FewShotSettings defaults() {
        return FewShotSettings.defaults();
    }

    @Override
    public EvaluationProtocol create(FewShotSettings settings) {
        return new FewShotProtocol(settings);
    }
}
