package org.wcl4j.labellers;

import com.google.auto.service.AutoService;
import org.wcl4j.api.label.WeakLabeller;
import org.wcl4j.api.label.WeakLabellerProvider;

/**
 * Registers {@link SupportSetLabeller} as {@code support-set}, FNCancel's false-negative detection
 * (Huynh et al., WACV 2022).
 */
@SuppressWarnings("rawtypes") // the registered interface is generic
@AutoService(WeakLabellerProvider.class)
public final class SupportSetLabellerProvider implements WeakLabellerProvider<SupportSetSettings> {

    @Override
    public String name() {
        return SupportSetLabeller.NAME;
    }

    @Override
    public String description() {
        return "False negatives detected by each image's support views (FNCancel): mean or max"
                + " cosine, then top-k, threshold or both; needs crops with support views";
    }

    @Override
    public SupportSetSettings defaults() {
        return SupportSetSettings.defaults();
    }

    @Override
    public WeakLabeller create(SupportSetSettings settings) {
        return new SupportSetLabeller(settings);
    }
}
