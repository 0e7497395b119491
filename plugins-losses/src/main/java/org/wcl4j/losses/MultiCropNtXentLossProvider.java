package org.wcl4j.losses;

import com.google.auto.service.AutoService;
import org.wcl4j.api.loss.Loss;
import org.wcl4j.api.loss.LossProvider;

/** Registers {@link MultiCropNtXentLoss} as {@code nt-xent-multi-crop}. */
@AutoService(LossProvider.class)
public final class MultiCropNtXentLossProvider implements LossProvider<NtXentSettings> {

    @Override
    public String name() {
        return MultiCropNtXentLoss.NAME;
    }

    @Override
    public String description() {
        return "NT-Xent between every local crop and every global view (L_nce_mc of WCL's Eq. 8)";
    }

    @Override
    public NtXentSettings defaults() {
        return NtXentSettings.defaults();
    }

    @Override
    public Loss create(NtXentSettings settings) {
        return new MultiCropNtXentLoss(settings.temperature());
    }
}
