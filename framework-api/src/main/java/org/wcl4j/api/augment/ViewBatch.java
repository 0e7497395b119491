package org.wcl4j.api.augment;

import java.util.List;

/**
 * The views a crop strategy made of a batch: global crops at full resolution, optional local crops
 * at a lower one, and optional support views. Every {@link ImageBatch} has the batch's size, and
 * member {@code i} of each refers to image {@code i} of the batch (for K-NN crops, a neighbour
 * standing in for it).
 *
 * <p>Support views (FNCancel's support set, Huynh et al., WACV 2022) are extra full-resolution
 * views of each image that only the labeller reads: they go through the network with the global
 * views but no loss sees them and no gradient flows back through them.
 *
 * @param global at least one view per image; two for the usual two-views strategy
 * @param local local crops, empty without multi-crop
 * @param support support views, of the global views' shape; empty unless a labeller needs them
 */
public record ViewBatch(List<ImageBatch> global, List<ImageBatch> local, List<ImageBatch> support) {

    public ViewBatch {
        global = List.copyOf(global);
        local = List.copyOf(local);
        support = List.copyOf(support);
        if (global.isEmpty()) {
            throw new IllegalArgumentException("view batch: expected at least one global view");
        }
    }

    /** Views without support views. */
    public ViewBatch(List<ImageBatch> global, List<ImageBatch> local) {
        this(global, local, List.of());
    }

    /** Number of images in the batch. */
    public int batchSize() {
        return global.get(0).size();
    }
}
