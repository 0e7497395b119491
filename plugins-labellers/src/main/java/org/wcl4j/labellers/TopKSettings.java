package org.wcl4j.labellers;

import java.util.ArrayList;
import java.util.List;
import org.wcl4j.api.plugin.Settings;

/**
 * Settings of the {@code top-k} labeller.
 *
 * @param k how many of its most similar batch members each anchor takes as positives, at least 1
 *     and at most the batch size minus 1 (checked per batch); default {@value #DEFAULT_K}, the
 *     smallest and most conservative choice
 * @param startEpoch the first epoch (from 0) that gets positives; before it every anchor has none,
 *     so the method trains as SimCLR; at least 0, default 0
 */
public record TopKSettings(int k, int startEpoch) implements Settings {

    /** The default number of positives per anchor. */
    public static final int DEFAULT_K = 1;

    /** The defaults: {@code k = 1}, {@code startEpoch = 0}. */
    public static TopKSettings defaults() {
        return new TopKSettings(DEFAULT_K, 0);
    }

    @Override
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (k < 1) {
            problems.add("k: expected a value >= 1, found " + k);
        }
        if (startEpoch < 0) {
            problems.add("startEpoch: expected a value >= 0, found " + startEpoch);
        }
        return problems;
    }
}
