package org.wcl4j.evaluation;

import com.google.auto.service.AutoService;
import org.wcl4j.api.eval.EvaluationProtocol;
import org.wcl4j.api.eval.EvaluationProtocolProvider;

/** Registers {@link LinearProtocol} as {@code linear}. */
@SuppressWarnings("rawtypes") // the registered interface is generic
@AutoService(EvaluationProtocolProvider.class)
public final class LinearProtocolProvider implements EvaluationProtocolProvider<LinearSettings> {

    @Override
    public String name() {
        return LinearProtocol.NAME;
    }

    @Override
    public String description() {
        return "Linear classifier on frozen pooled features: SGD, momentum, cosine schedule";
    }

    @Override
    public LinearSettings defaults() {
        return LinearSettings.defaults();
    }

    @Override
    public EvaluationProtocol create(LinearSettings settings) {
        return new LinearProtocol(settings);
    }
}
