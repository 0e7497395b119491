package org.wcl4j.models;

import java.util.ArrayList;
import java.util.List;
import org.wcl4j.api.plugin.Settings;

/**
 * Settings of the {@code small-resnet} encoder.
 *
 * @param widths channels of each stage, e.g. {@code [32, 64, 128]}; the first is also the stem's
 *     width, the last the length of the pooled features
 * @param blocks number of basic residual blocks in each stage, e.g. {@code [1, 1, 1]}; as many
 *     entries as {@code widths}
 */
public record SmallResNetSettings(List<Integer> widths, List<Integer> blocks) implements Settings {

    /** Channels of the widest stage this plugin accepts. */
    static final int MAX_WIDTH = 4096;

    /** Blocks of the deepest stage this plugin accepts. */
    static final int MAX_BLOCKS = 64;

    public SmallResNetSettings {
        widths = List.copyOf(widths);
        blocks = List.copyOf(blocks);
    }

    /** The documented defaults: widths {@code [32, 64, 128]}, blocks {@code [1, 1, 1]}. */
    public static SmallResNetSettings defaults() {
        return new SmallResNetSettings(List.of(32, 64, 128), List.of(1, 1, 1));
    }

    @Override
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (widths.isEmpty()) {
            problems.add("widths: expected at least one stage width, found an empty list");
        }
        if (blocks.size() != widths.size()) {
            problems.add(
                    "blocks: expected one entry per stage ("
                            + widths.size()
                            + " as in widths), found "
                            + blocks.size());
        }
        checkRange(problems, "widths", widths, MAX_WIDTH);
        checkRange(problems, "blocks", blocks, MAX_BLOCKS);
        return problems;
    }

    private static void checkRange(
            List<String> problems, String name, List<Integer> values, int max) {
        for (int i = 0; i < values.size(); i++) {
            int value = values.get(i);
            if (value < 1 || value > max) {
                problems.add(
                        name + "[" + i + "]: expected a value in [1, " + max + "], found " + value);
            }
        }
    }
}
