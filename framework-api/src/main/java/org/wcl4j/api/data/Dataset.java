package org.wcl4j.api.data;

/** A labelled image data set with a train and a test split of the same shape and classes. */
public interface Dataset {

    /** The name it is registered under, for reports. */
    String name();

    /** Images used for self-supervised training (labels only for diagnostics and evaluation). */
    DatasetSplit train();

    /** Held-out images, used only for evaluation. */
    DatasetSplit test();
}
