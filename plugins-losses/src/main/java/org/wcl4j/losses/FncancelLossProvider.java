package org.wcl4j.losses;

import com.google.auto.service.AutoService;
import org.wcl4j.api.loss.Loss;
import org.wcl4j.api.loss.LossProvider;

/** Registers {@link FncancelLoss} as {@code fncancel}. */
@AutoService(LossProvider.class)
public final class FncancelLossProvider implements LossProvider<FncancelSettings> {

    @Override
    public String name() {
        return FncancelLoss.NAME;
    }

    @Override
    public String description() {
        return "FNCancel: NT-Xent that drops detected false negatives from the denominator"
                + " (elimination) or makes them positives (attraction); use with support-set";
    }

    @Override
    public FncancelSettings defaults() {
        return FncancelSettings.defaults();
    }

    @Override
    public Loss create(FncancelSettings settings) {
        return new FncancelLoss(settings);
    }
}
