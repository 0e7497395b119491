package org.wcl4j.evaluation;

import com.google.auto.service.AutoService;
import org.wcl4j.api.eval.EvaluationProtocol;
import org.wcl4j.api.eval.EvaluationProtocolProvider;

/** Registers {@link SemiSupervisedProtocol} as {@code semi-supervised}. */
@SuppressWarnings("rawtypes") // the registered interface is generic
@AutoService(EvaluationProtocolProvider.class)
public final class SemiSupervisedProtocolProvider
        implements EvaluationProtocolProvider<SemiSupervisedSettings> {

    @Override
    public String name() {
        return SemiSupervisedProtocol.NAME;
    }

    @Override
    public String description() {
        return "Fine-tunes the network (or, with mode=linear, a classifier on frozen features) on"
                + " 1% and 10% of the labels, class-balanced";
    }

    @Override
    public SemiSupervisedSettings defaults() {
        return SemiSupervisedSettings.defaults();
    }

    @Override
    public EvaluationProtocol create(SemiSupervisedSettings settings) {
        return new SemiSupervisedProtocol(settings);
    }
}
