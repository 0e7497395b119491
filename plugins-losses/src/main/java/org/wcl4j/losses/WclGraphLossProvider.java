package org.wcl4j.losses;

import com.google.auto.service.AutoService;
import org.wcl4j.api.loss.Loss;
import org.wcl4j.api.loss.LossProvider;

/** Registers {@link WclGraphLoss} as {@code wcl-graph}. */
@AutoService(LossProvider.class)
public final class WclGraphLossProvider implements LossProvider<WclGraphSettings> {

    @Override
    public String name() {
        return WclGraphLoss.NAME;
    }

    @Override
    public String description() {
        return "WCL's graph loss: supervised-contrastive within each view on the other view's"
                + " weak labels";
    }

    @Override
    public WclGraphSettings defaults() {
        return WclGraphSettings.defaults();
    }

    @Override
    public Loss create(WclGraphSettings settings) {
        return new WclGraphLoss(settings.temperature());
    }
}
