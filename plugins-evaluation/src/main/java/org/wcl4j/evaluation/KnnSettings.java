package org.wcl4j.evaluation;

import java.util.ArrayList;
import java.util.List;
import org.wcl4j.api.plugin.Settings;

/**
 * Settings of the {@code knn} evaluation protocol.
 *
 * @param k neighbours that vote for each query, clipped to the size of the train split; default 200
 * @param temperature each neighbour votes with weight {@code exp(similarity / temperature)}; in
 *     {@code (0, 10]}, default 0.1
 * @param queryBatch test rows compared with the train split per matrix product; default 256
 */
public record KnnSettings(int k, double temperature, int queryBatch) implements Settings {

    /** The documented defaults: {@code k = 200, temperature = 0.1, queryBatch = 256}. */
    public static KnnSettings defaults() {
        return new KnnSettings(200, 0.1, 256);
    }

    @Override
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (k < 1) {
            problems.add("k: expected a positive number of neighbours, found " + k);
        }
        if (!(temperature > 0 && temperature <= 10)) {
            problems.add("temperature: expected a value in (0, 10], found " + temperature);
        }
        if (queryBatch < 1) {
            problems.add("queryBatch: expected a positive number of rows, found " + queryBatch);
        }
        return problems;
    }
}
