package org.wcl4j.labellers;

import java.util.ArrayList;
import java.util.List;
import org.wcl4j.api.plugin.Settings;

/**
 * Settings of the {@code support-set} labeller (FNCancel's false-negative detection).
 *
 * @param aggregation how the scores of the support views are combined: {@code mean} (default) or
 *     {@code max}
 * @param selection which candidates count as false negatives: {@code top-k} (the {@code k} highest
 *     scores, default), {@code threshold} (every score {@code >= threshold}) or {@code both} (the
 *     {@code k} highest scores that are also {@code >= threshold})
 * @param k how many candidates {@code top-k} and {@code both} take per anchor, at least 1 and at
 *     most the batch size minus 1 (checked per batch); default 1
 * @param threshold the smallest aggregated cosine score {@code threshold} and {@code both} accept,
 *     in {@code [-1, 1]}; default {@value #DEFAULT_THRESHOLD}, a high cosine chosen here so that
 *     only close candidates are taken (the paper tunes it per data set)
 * @param startEpoch the first epoch (from 0) that detects false negatives; before it no anchor has
 *     any, so the method trains as SimCLR; at least 0, default 0
 */
public record SupportSetSettings(
        String aggregation, String selection, int k, double threshold, int startEpoch)
        implements Settings {

    /** The accepted values of {@code aggregation}. */
    public static final List<String> AGGREGATIONS = List.of("mean", "max");

    /** The accepted values of {@code selection}. */
    public static final List<String> SELECTIONS = List.of("top-k", "threshold", "both");

    /** The default threshold. */
    public static final double DEFAULT_THRESHOLD = 0.7;

    /** The defaults: mean, top-k, {@code k = 1}, threshold 0.7, start epoch 0. */
    public static SupportSetSettings defaults() {
        return new SupportSetSettings("mean", "top-k", 1, DEFAULT_THRESHOLD, 0);
    }

    @Override
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (!AGGREGATIONS.contains(aggregation)) {
            problems.add(
                    "aggregation: expected one of "
                            + AGGREGATIONS
                            + ", found '"
                            + aggregation
                            + "'");
        }
        if (!SELECTIONS.contains(selection)) {
            problems.add(
                    "selection: expected one of " + SELECTIONS + ", found '" + selection + "'");
        }
        if (k < 1) {
            problems.add("k: expected a value >= 1, found " + k);
        }
        if (!(threshold >= -1 && threshold <= 1)) {
            problems.add("threshold: expected a value in [-1, 1], found " + threshold);
        }
        if (startEpoch < 0) {
            problems.add("startEpoch: expected a value >= 0, found " + startEpoch);
        }
        return problems;
    }

    /** Whether the selection ranks candidates and so needs {@code k <= batch size - 1}. */
    boolean ranks() {
        return !selection.equals("threshold");
    }

    /** Whether the selection keeps only scores {@code >= threshold}. */
    boolean thresholds() {
        return !selection.equals("top-k");
    }
}
