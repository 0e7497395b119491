package org.wcl4j.evaluation;

import com.google.auto.service.AutoService;
import org.wcl4j.api.eval.EvaluationProtocol;
import org.wcl4j.api.eval.EvaluationProtocolProvider;

/** Registers {@link KnnProtocol} as {@code knn}. */
@SuppressWarnings("rawtypes") // the registered interface is generic
@AutoService(EvaluationProtocolProvider.class)
public final class KnnProtocolProvider implements EvaluationProtocolProvider<KnnSettings> {

    @Override
    public String name() {
        return KnnProtocol.NAME;
    }

    @Override
    public String description() {
        return "Weighted k-nearest-neighbour accuracy on frozen features (Wu et al., 2018)";
    }

    @Override
    public KnnSettings defaults() {
        return KnnSettings.defaults();
    }

    @Override
    public EvaluationProtocol create(KnnSettings settings) {
        return new KnnProtocol(settings);
    }
}
