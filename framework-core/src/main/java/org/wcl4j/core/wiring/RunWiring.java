package org.wcl4j.core.wiring;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.ProvisionException;
import com.google.inject.Stage;
import com.google.inject.util.Modules;
import java.util.List;
import org.wcl4j.core.config.RunConfig;
import org.wcl4j.core.registry.PluginRegistry;

/** Builds the injector of one run and takes its parts out of it. */
public final class RunWiring {

    private RunWiring() {}

    /**
     * An injector with {@link PluginModule} and {@link RunModule}, with {@code overrides} replacing
     * any of their bindings (see {@link Modules#override}).
     */
    public static Injector injector(
            RunConfig config, PluginRegistry registry, List<? extends Module> overrides) {
        Module base = Modules.combine(new PluginModule(registry), new RunModule(config));
        return Guice.createInjector(
                Stage.DEVELOPMENT,
                overrides.isEmpty() ? base : Modules.override(base).with(overrides));
    }

    /**
     * The run's parts. A plugin that fails while being made (a data set file that is missing, say)
     * surfaces with its own exception rather than Guice's wrapper.
     */
    public static RunComponents components(Injector injector) {
        try {
            return injector.getInstance(RunComponents.class);
        } catch (ProvisionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
