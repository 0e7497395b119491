package org.wcl4j.labellers;

import com.google.auto.service.AutoService;
import org.wcl4j.api.label.WeakLabeller;
import org.wcl4j.api.label.WeakLabellerProvider;
import org.wcl4j.api.plugin.NoSettings;

/**
 * Registers {@link NearestNeighbourLabeller} as {@code nearest-neighbour}, the weak labeller of WCL
 * (Zheng et al., ICCV 2021, Sec. 3.2). It has no settings.
 */
@SuppressWarnings("rawtypes") // the registered interface is generic
@AutoService(WeakLabellerProvider.class)
public final class NearestNeighbourLabellerProvider implements WeakLabellerProvider<NoSettings> {

    @Override
    public String name() {
        return "nearest-neighbour";
    }

    @Override
    public String description() {
        return "Connected components of the batch's 1-nearest-neighbour graph (WCL, Sec. 3.2)";
    }

    @Override
    public NoSettings defaults() {
        return new NoSettings();
    }

    @Override
    public WeakLabeller create(NoSettings settings) {
        return new NearestNeighbourLabeller();
    }
}
