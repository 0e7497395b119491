package org.wcl4j.core.testing;

import org.wcl4j.api.loss.Loss;
import org.wcl4j.api.loss.LossInput;
import org.wcl4j.api.loss.LossProvider;
import org.wcl4j.api.loss.LossResult;
import org.wcl4j.api.plugin.NoSettings;

/** {@code weak-align}: {@code align} that insists on weak labels, to test the labeller checks. */
public final class WeakAlignLossProvider implements LossProvider<NoSettings> {

    @Override
    public String name() {
        return "weak-align";
    }

    @Override
    public String description() {
        return "test double: align, needing weak labels";
    }

    @Override
    public NoSettings defaults() {
        return new NoSettings();
    }

    @Override
    public Loss create(NoSettings settings) {
        return new Loss() {
            @Override
            public boolean needsWeakLabels() {
                return true;
            }

            @Override
            public LossResult compute(LossInput input) {
                if (input.weakLabels().size() != input.globalViews().size()) {
                    throw new IllegalArgumentException(
                            "weak-align: expected weak labels for every global view, found "
                                    + input.weakLabels().size());
                }
                return AlignLossProvider.align(input, 1.0);
            }
        };
    }
}
