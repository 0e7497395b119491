package org.wcl4j.api.label;

/**
 * What a labeller may know about the batch besides its embeddings.
 *
 * @param datasetIndices position of each batch member in the training split
 * @param trueLabels the data set's class of each batch member; only the oracle labeller (an upper
 *     bound, not a method) may read it
 * @param epoch the current epoch, from 0
 */
public record LabelContext(int[] datasetIndices, int[] trueLabels, int epoch) {}
