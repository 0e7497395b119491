package org.wcl4j.models;

import java.util.ArrayList;
import java.util.List;
import org.wcl4j.api.plugin.Settings;

/**
 * Settings of the {@code mlp} head.
 *
 * @param hidden width of every hidden layer, default 512
 * @param output length of the embedding, default 128
 * @param layers dense layers in all, 2 (default, SimCLR's head) or 3 (SimCLR v2's deeper head):
 *     {@code layers - 1} hidden layers with BatchNorm and ReLU, then the output layer
 */
public record MlpSettings(int hidden, int output, int layers) implements Settings {

    /** Widest layer this plugin accepts. */
    static final int MAX_SIZE = 65536;

    /** Fewest dense layers accepted. */
    static final int MIN_LAYERS = 2;

    /** Most dense layers accepted. */
    static final int MAX_LAYERS = 3;

    /** A head of two dense layers. */
    public MlpSettings(int hidden, int output) {
        this(hidden, output, MIN_LAYERS);
    }

    /** The documented defaults: hidden 512, output 128, 2 layers. */
    public static MlpSettings defaults() {
        return new MlpSettings(512, 128, MIN_LAYERS);
    }

    @Override
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (hidden < 1 || hidden > MAX_SIZE) {
            problems.add("hidden: expected a value in [1, " + MAX_SIZE + "], found " + hidden);
        }
        if (output < 1 || output > MAX_SIZE) {
            problems.add("output: expected a value in [1, " + MAX_SIZE + "], found " + output);
        }
        if (layers < MIN_LAYERS || layers > MAX_LAYERS) {
            problems.add(
                    "layers: expected "
                            + MIN_LAYERS
                            + " or "
                            + MAX_LAYERS
                            + " dense layers, found "
                            + layers);
        }
        return problems;
    }
}
