package org.wcl4j.api.eval;

import org.wcl4j.api.data.DatasetSplit;

/**
 * Fine-tunes a copy of the trained encoder on labelled images: the encoder (and, when asked, a
 * projection head up to one of its vertices) with a new linear softmax classifier on top, every
 * layer trained on the cross-entropy of the given labels (the semi-supervised evaluation of the WCL
 * paper, Zheng et al., ICCV 2021, Sec. 4.2, after SimCLR). The trained network it was made from,
 * and its checkpoint, are never changed: each call starts again from the same copy.
 *
 * <p>Offered to protocols by {@link FeatureExtractor#fineTuner()} where the extractor runs a real
 * network. Calls are deterministic: the same images, labels and settings give the same classifier.
 */
public interface FineTuner {

    /**
     * Fine-tunes a fresh copy on images {@code labelled} of {@code split}, with their labels.
     *
     * @param split the split the labelled images come from (the train split)
     * @param labelled indices into {@code split} of the images whose labels may be used, at least
     *     one; the classifier has {@code split.classCount()} outputs
     * @param settings how to train; must have no {@link FineTuneSettings#problems()}
     * @return the fine-tuned network, ready to score other images
     * @throws IllegalArgumentException for invalid settings, an unknown start point (the message
     *     lists the known ones), no labelled images or an index out of range
     */
    FineTunedClassifier fineTune(DatasetSplit split, int[] labelled, FineTuneSettings settings);
}
