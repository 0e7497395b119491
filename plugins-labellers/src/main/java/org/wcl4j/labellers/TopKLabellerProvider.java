package org.wcl4j.labellers;

import com.google.auto.service.AutoService;
import org.wcl4j.api.label.WeakLabeller;
import org.wcl4j.api.label.WeakLabellerProvider;

/** Registers {@link TopKLabeller} as {@code top-k}, the positives of AdpCLR. */
@SuppressWarnings("rawtypes") // the registered interface is generic
@AutoService(WeakLabellerProvider.class)
public final class TopKLabellerProvider implements WeakLabellerProvider<TopKSettings> {

    @Override
    public String name() {
        return TopKLabeller.NAME;
    }

    @Override
    public String description() {
        return "Each anchor's k most similar other batch members as its positives, not reciprocal"
                + " (AdpCLR); none before startEpoch";
    }

    @Override
    public TopKSettings defaults() {
        return TopKSettings.defaults();
    }

    @Override
    public WeakLabeller create(TopKSettings settings) {
        return new TopKLabeller(settings);
    }
}
