package org.wcl4j.api.eval;

import org.wcl4j.api.data.Dataset;

/** Judges a trained encoder, for example with a weighted kNN classifier on frozen features. */
public interface EvaluationProtocol {

    /**
     * Evaluates the encoder behind {@code extractor} on {@code dataset}.
     *
     * @param extractor frozen features of any split
     * @param dataset train split as labelled reference, test split as queries
     */
    EvaluationResult evaluate(FeatureExtractor extractor, Dataset dataset);
}
