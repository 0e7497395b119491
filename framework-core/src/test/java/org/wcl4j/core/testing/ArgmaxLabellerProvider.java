package org.wcl4j.core.testing;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.wcl4j.api.label.ComponentLabels;
import org.wcl4j.api.label.WeakLabeller;
import org.wcl4j.api.label.WeakLabellerProvider;
import org.wcl4j.api.plugin.NoSettings;

/**
 * Registered as {@code nearest-neighbour} so that configs read like real ones, but labels each
 * member by the index of its largest embedding coordinate.
 */
public final class ArgmaxLabellerProvider implements WeakLabellerProvider<NoSettings> {

    @Override
    public String name() {
        return "nearest-neighbour";
    }

    @Override
    public String description() {
        return "test double: component = argmax of the embedding";
    }

    @Override
    public NoSettings defaults() {
        return new NoSettings();
    }

    @Override
    public WeakLabeller create(NoSettings settings) {
        return (INDArray embeddings, org.wcl4j.api.label.LabelContext context) -> {
            int n = (int) embeddings.size(0);
            int[] components = new int[n];
            for (int i = 0; i < n; i++) {
                components[i] = embeddings.getRow(i).argMax().getInt(0);
            }
            return new ComponentLabels(components);
        };
    }
}
