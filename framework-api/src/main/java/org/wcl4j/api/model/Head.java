package org.wcl4j.api.model;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;

/**
 * A projection head: maps pooled features {@code [batch, inputSize]} to an embedding {@code [batch,
 * outputSize()]}. The embedding is not normalised here: losses and labellers L2-normalise it. The
 * last layer must be a plain layer with identity activation (no output layer), so that the engine
 * can feed the loss gradient into it as an external error.
 */
public interface Head {

    /** Length of the embedding this head produces. */
    int outputSize();

    /**
     * Adds the head's layers to {@code graph}.
     *
     * @param graph the graph being built
     * @param prefix prefix for every vertex name this head adds, e.g. {@code "head-g/"}
     * @param input vertex giving the pooled features
     * @param inputSize length of the pooled features
     * @return the name of the vertex whose activations are the embedding
     */
    String build(GraphBuilder graph, String prefix, String input, int inputSize);
}
