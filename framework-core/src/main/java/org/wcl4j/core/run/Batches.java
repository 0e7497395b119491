package org.wcl4j.core.run;

import java.util.Random;
import org.wcl4j.api.augment.Seeds;

/**
 * How an epoch cuts the training split into batches: a permutation that depends only on the run's
 * seed and the epoch (so a resumed run sees the same batches as an uninterrupted one), read in
 * consecutive full batches; the last incomplete batch is dropped.
 */
public final class Batches {

    /** Keeps the order's generator apart from the augmentation generators of {@link Seeds}. */
    private static final long SALT = 0x5EED0F0BA7C4E5L;

    private Batches() {}

    /** The visiting order of epoch {@code epoch}: a permutation of {@code 0 .. size-1}. */
    public static int[] permutation(long seed, int epoch, int size) {
        Random random = new Random(Seeds.mix(Seeds.mix(seed ^ SALT) ^ epoch));
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        // Fisher-Yates
        for (int i = size - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }

    /**
     * Full batches per epoch.
     *
     * @throws IllegalArgumentException when the split holds less than one batch, saying what to
     *     change
     */
    public static int perEpoch(int splitSize, int batchSize) {
        if (splitSize < batchSize) {
            int suggestion = Math.max(2, Integer.highestOneBit(Math.max(2, splitSize)));
            throw new IllegalArgumentException(
                    "the training split has "
                            + splitSize
                            + " images, fewer than one batch of "
                            + batchSize
                            + "; lower training.batchSize (e.g. --set training.batchSize="
                            + suggestion
                            + ") or train on more images");
        }
        return splitSize / batchSize;
    }
}
