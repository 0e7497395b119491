package org.wcl4j.losses;

import com.google.auto.service.AutoService;
import org.wcl4j.api.loss.Loss;
import org.wcl4j.api.loss.LossProvider;

/** Registers {@link MultiCropGraphLoss} as {@code wcl-graph-multi-crop}. */
@AutoService(LossProvider.class)
public final class MultiCropGraphLossProvider implements LossProvider<WclGraphSettings> {

    @Override
    public String name() {
        return MultiCropGraphLoss.NAME;
    }

    @Override
    public String description() {
        return "WCL's graph loss between every local crop and every global view, on the other"
                + " view's weak labels (L_graph_mc of Eq. 8)";
    }

    @Override
    public WclGraphSettings defaults() {
        return WclGraphSettings.defaults();
    }

    @Override
    public Loss create(WclGraphSettings settings) {
        return new MultiCropGraphLoss(settings.temperature());
    }
}
