package org.wcl4j.api.data;

/**
 * One split (train or test) of a labelled image data set, held in memory and read-only. Indices run
 * from 0 to {@code size() - 1} and are stable: the K-NN crop strategy and checkpoints refer to
 * images by index. Safe to read from several threads.
 */
public interface DatasetSplit {

    /** Number of images. */
    int size();

    /** Shape shared by every image. */
    ImageShape shape();

    /** Number of classes; labels lie in {@code [0, classCount())}. */
    int classCount();

    /** A fresh copy of image {@code index}; the caller owns it. */
    Image image(int index);

    /**
     * The class of image {@code index}. Used only for evaluation and weak-label diagnostics (and by
     * the oracle labeller); never by a self-supervised loss.
     */
    int label(int index);
}
