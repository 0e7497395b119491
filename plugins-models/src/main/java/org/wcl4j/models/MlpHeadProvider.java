package org.wcl4j.models;

import com.google.auto.service.AutoService;
import org.wcl4j.api.model.Head;
import org.wcl4j.api.model.HeadProvider;

/** Registers {@link MlpHead} as {@code mlp}. */
@AutoService(HeadProvider.class)
public final class MlpHeadProvider implements HeadProvider<MlpSettings> {

    @Override
    public String name() {
        return "mlp";
    }

    @Override
    public String description() {
        return "Projection head: (dense, BatchNorm, ReLU) x 1 or 2, then dense (SimCLR/WCL)";
    }

    @Override
    public MlpSettings defaults() {
        return MlpSettings.defaults();
    }

    @Override
    public Head create(MlpSettings settings) {
        return new MlpHead(settings);
    }
}
