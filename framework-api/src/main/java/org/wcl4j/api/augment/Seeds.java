package org.wcl4j.api.augment;

import java.util.Random;

/**
 * Derives independent random generators from a run seed, so that the augmentation of view {@code v}
 * of image {@code index} in epoch {@code epoch} does not depend on batch order or threads.
 */
public final class Seeds {

    private Seeds() {}

    /** A generator for one view of one image in one epoch of one run. */
    public static Random forView(long runSeed, int epoch, int index, int view) {
        long h = mix(runSeed);
        h = mix(h ^ epoch);
        h = mix(h ^ index);
        h = mix(h ^ view);
        return new Random(h);
    }

    /** SplitMix64's finaliser: a bijective scramble of 64 bits. */
    public static long mix(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
