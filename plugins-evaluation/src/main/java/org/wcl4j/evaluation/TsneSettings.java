package org.wcl4j.evaluation;

import java.util.ArrayList;
import java.util.List;
import org.wcl4j.api.plugin.Settings;

/**
 * Settings of the {@code tsne} evaluation protocol; the defaults follow common practice for exact
 * t-SNE (perplexity 30, early exaggeration 12 for 250 of 1,000 iterations, learning rate 200).
 *
 * @param perClass test images drawn from each class (all of a class that has fewer); in {@code [2,
 *     2000]}, default 200
 * @param perplexity effective number of neighbours; in {@code [2, 200]}, default 30
 * @param iterations gradient steps; in {@code [1, 10000]}, default 1000
 * @param learningRate in {@code (0, 10000]}, default 200
 * @param exaggeration factor on the input affinities early on; in {@code [1, 100]}, default 12
 * @param exaggerationIterations steps with exaggeration; in {@code [0, iterations]}, default 250
 * @param normalise whether each feature vector is scaled to unit length first, so that distances
 *     follow the cosine similarity contrastive losses train; default true
 * @param seed draws the images and the starting map; default 1
 */
public record TsneSettings(
        int perClass,
        double perplexity,
        int iterations,
        double learningRate,
        double exaggeration,
        int exaggerationIterations,
        boolean normalise,
        long seed)
        implements Settings {

    /** The documented defaults. */
    public static TsneSettings defaults() {
        return new TsneSettings(200, 30, 1000, 200, 12, 250, true, 1);
    }

    @Override
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (perClass < 2 || perClass > 2000) {
            problems.add("perClass: expected a value in [2, 2000], found " + perClass);
        }
        if (!(perplexity >= 2 && perplexity <= 200)) {
            problems.add("perplexity: expected a value in [2, 200], found " + perplexity);
        }
        if (iterations < 1 || iterations > 10_000) {
            problems.add("iterations: expected a value in [1, 10000], found " + iterations);
        }
        if (!(learningRate > 0 && learningRate <= 10_000)) {
            problems.add("learningRate: expected a value in (0, 10000], found " + learningRate);
        }
        if (!(exaggeration >= 1 && exaggeration <= 100)) {
            problems.add("exaggeration: expected a value in [1, 100], found " + exaggeration);
        }
        if (exaggerationIterations < 0 || exaggerationIterations > iterations) {
            problems.add(
                    "exaggerationIterations: expected a value in [0, iterations = "
                            + iterations
                            + "], found "
                            + exaggerationIterations);
        }
        return problems;
    }
}
