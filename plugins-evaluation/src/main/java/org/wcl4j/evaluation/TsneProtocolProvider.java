package org.wcl4j.evaluation;

import com.google.auto.service.AutoService;
import org.wcl4j.api.eval.EvaluationProtocol;
import org.wcl4j.api.eval.EvaluationProtocolProvider;

/** Registers {@link TsneProtocol} as {@code tsne}. */
@SuppressWarnings("rawtypes") // the registered interface is generic
@AutoService(EvaluationProtocolProvider.class)
public final class TsneProtocolProvider implements EvaluationProtocolProvider<TsneSettings> {

    @Override
    public String name() {
        return TsneProtocol.NAME;
    }

    @Override
    public String description() {
        return "Exact 2-D t-SNE map of test features, a few hundred per class (paper's Figure 4)";
    }

    @Override
    public TsneSettings defaults() {
        return TsneSettings.defaults();
    }

    @Override
    public EvaluationProtocol create(TsneSettings settings) {
        return new TsneProtocol(settings);
    }
}
