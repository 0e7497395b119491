package org.wcl4j.api.model;

/**
 * Where an encoder ends in the graph.
 *
 * @param vertex name of the graph vertex whose activations are the pooled features, {@code [batch,
 *     featureSize]}
 * @param featureSize length of the pooled feature vector
 */
public record EncoderOutput(String vertex, int featureSize) {}
