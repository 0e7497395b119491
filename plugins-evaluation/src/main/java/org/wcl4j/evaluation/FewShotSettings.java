package org.wcl4j.evaluation;

import java.util.ArrayList;
import java.util.List;
import org.wcl4j.api.plugin.Settings;

/**
 * Settings of the {@code few-shot} evaluation protocol.
 *
 * @param shots labelled train images per class, each at least 1; default {@code [1, 2, 4, 8, 16,
 *     32, 64]}
 * @param full whether to train once more on the whole train split; default true
 * @param draws subsets drawn for each number of shots; in {@code [1, 100]}, default 5
 * @param cost the SVM's hinge-loss weight {@code C}; in {@code (0, 1e6]}, default 1
 * @param maxPasses coordinate-descent passes per binary machine at most; at least 1, default 200
 * @param seed draws the subsets and orders the passes; default 1
 */
public record FewShotSettings(
        List<Integer> shots, boolean full, int draws, double cost, int maxPasses, long seed)
        implements Settings {

    public FewShotSettings {
        shots = List.copyOf(shots);
    }

    /** The documented defaults. */
    public static FewShotSettings defaults() {
        return new FewShotSettings(List.of(1, 2, 4, 8, 16, 32, 64), true, 5, 1.0, 200, 1);
    }

    @Override
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (shots.isEmpty() && !full) {
            problems.add("shots: expected at least one number of shots or full: true, found none");
        }
        for (int k : shots) {
            if (k < 1) {
                problems.add("shots: expected positive numbers of images per class, found " + k);
            }
        }
        if (draws < 1 || draws > 100) {
            problems.add("draws: expected a value in [1, 100], found " + draws);
        }
        if (!(cost > 0 && cost <= 1e6)) {
            problems.add("cost: expected a value in (0, 1e6], found " + cost);
        }
        if (maxPasses < 1) {
            problems.add("maxPasses: expected a positive number of passes, found " + maxPasses);
        }
        return problems;
    }
}
