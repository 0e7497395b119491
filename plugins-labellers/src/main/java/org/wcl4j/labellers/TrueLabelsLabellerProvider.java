package org.wcl4j.labellers;

import com.google.auto.service.AutoService;
import org.wcl4j.api.label.WeakLabeller;
import org.wcl4j.api.label.WeakLabellerProvider;
import org.wcl4j.api.plugin.NoSettings;

/**
 * Registers {@link TrueLabelsLabeller} as {@code true-labels}, the SupCon oracle. It has no
 * settings.
 */
@SuppressWarnings("rawtypes") // the registered interface is generic
@AutoService(WeakLabellerProvider.class)
public final class TrueLabelsLabellerProvider implements WeakLabellerProvider<NoSettings> {

    @Override
    public String name() {
        return TrueLabelsLabeller.NAME;
    }

    @Override
    public String description() {
        return "Oracle, not a method: positives share the data set's true class (SupCon upper"
                + " bound)";
    }

    @Override
    public NoSettings defaults() {
        return new NoSettings();
    }

    @Override
    public WeakLabeller create(NoSettings settings) {
        return new TrueLabelsLabeller();
    }
}
