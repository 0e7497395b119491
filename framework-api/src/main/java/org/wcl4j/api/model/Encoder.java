package org.wcl4j.api.model;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.wcl4j.api.data.ImageShape;

/**
 * The backbone: adds its layers to a Deeplearning4j computation graph, from an image input {@code
 * [batch, channels, height, width]} (NCHW) to pooled features {@code [batch, featureSize]}. Global
 * and local views go through the same layers, so an encoder must accept any spatial size at least
 * as large as its total stride (end with global pooling, not a fixed-size dense layer).
 *
 * <p>Layers must be plain layers (no output layers): the engine feeds loss gradients back as
 * external errors. Vertex names must start with {@code prefix} so several parts can share a graph.
 */
public interface Encoder {

    /**
     * Adds the encoder's layers to {@code graph}.
     *
     * @param graph the graph being built; the engine has already set the seed and updater
     * @param prefix prefix for every vertex name this encoder adds, e.g. {@code "encoder/"}
     * @param input name of the vertex (usually the graph input) giving images in NCHW
     * @param shape shape of the full-resolution images
     * @return the vertex holding the pooled features and their size
     */
    EncoderOutput build(GraphBuilder graph, String prefix, String input, ImageShape shape);
}
