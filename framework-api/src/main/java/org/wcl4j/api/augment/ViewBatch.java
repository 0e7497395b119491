package org.wcl4j.api.augment;

import java.util.List;

/**
 * The views a crop strategy made of a batch: global crops at full resolution and optional local
 * crops at a lower one. Every {@link ImageBatch} has the batch's size, and member {@code i} of each
 * refers to image {@code i} of the batch (for K-NN crops, a neighbour standing in for it).
 *
 * @param global at least one view per image; two for the usual two-views strategy
 * @param local local crops, empty without multi-crop
 */
public record ViewBatch(List<ImageBatch> global, List<ImageBatch> local) {

    public ViewBatch {
        global = List.copyOf(global);
        local = List.copyOf(local);
        if (global.isEmpty()) {
            throw new IllegalArgumentException("view batch: expected at least one global view");
        }
    }

    /** Number of images in the batch. */
    public int batchSize() {
        return global.get(0).size();
    }
}
