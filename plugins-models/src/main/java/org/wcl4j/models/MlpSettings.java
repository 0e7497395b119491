package org.wcl4j.models;

import java.util.ArrayList;
import java.util.List;
import org.wcl4j.api.plugin.Settings;

/**
 * Settings of the {@code mlp} head.
 *
 * @param hidden width of the hidden layer, default 512
 * @param output length of the embedding, default 128
 */
public record MlpSettings(int hidden, int output) implements Settings {

    /** Widest layer this plugin accepts. */
    static final int MAX_SIZE = 65536;

    /** The documented defaults: hidden 512, output 128. */
    public static MlpSettings defaults() {
        return new MlpSettings(512, 128);
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
        return problems;
    }
}
