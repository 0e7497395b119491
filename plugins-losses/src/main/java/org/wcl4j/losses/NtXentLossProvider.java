package org.wcl4j.losses;

import com.google.auto.service.AutoService;
import org.wcl4j.api.loss.Loss;
import org.wcl4j.api.loss.LossProvider;

/** Registers {@link NtXentLoss} as {@code nt-xent}. */
@AutoService(LossProvider.class)
public final class NtXentLossProvider implements LossProvider<NtXentSettings> {

    @Override
    public String name() {
        return NtXentLoss.NAME;
    }

    @Override
    public String description() {
        return "SimCLR's NT-Xent: the other global view of the same image against all other views";
    }

    @Override
    public NtXentSettings defaults() {
        return NtXentSettings.defaults();
    }

    @Override
    public Loss create(NtXentSettings settings) {
        return new NtXentLoss(settings.temperature());
    }
}
