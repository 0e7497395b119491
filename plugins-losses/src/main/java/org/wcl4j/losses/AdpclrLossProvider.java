package org.wcl4j.losses;

import com.google.auto.service.AutoService;
import org.wcl4j.api.loss.Loss;
import org.wcl4j.api.loss.LossProvider;

/** Registers {@link AdpclrLoss} as {@code adpclr}; its only setting is the temperature. */
@AutoService(LossProvider.class)
public final class AdpclrLossProvider implements LossProvider<NtXentSettings> {

    @Override
    public String name() {
        return AdpclrLoss.NAME;
    }

    @Override
    public String description() {
        return "AdpCLR: NT-Xent whose positives add both views of each anchor's weak-label"
                + " neighbours (use with top-k)";
    }

    @Override
    public NtXentSettings defaults() {
        return NtXentSettings.defaults();
    }

    @Override
    public Loss create(NtXentSettings settings) {
        return new AdpclrLoss(settings.temperature());
    }
}
