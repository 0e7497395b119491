package org.wcl4j.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.wcl4j.core.config.ConfigLoader;
import org.wcl4j.core.config.RunConfig;

/**
 * Finds a run config by file path or by the name of a config shipped with wcl4j. The shipped
 * configs live in {@code reproductions/src/main/resources/configs/} and on the class path under
 * {@code configs/}.
 */
final class ConfigSource {

    /** The names of the shipped configs, as accepted by {@link #load}. */
    static final List<String> SHIPPED =
            List.of(
                    "quickstart",
                    "simclr",
                    "wcl",
                    "wcl-one-head",
                    "wcl-graph-only",
                    "adpclr",
                    "fncancel",
                    "supcon-oracle",
                    "wcl-multi-crop",
                    "wcl-knn-multi-crop",
                    "wcl-weak-then-strong",
                    "wcl-cifar10",
                    "wcl-cifar100");

    private ConfigSource() {}

    /**
     * Loads and validates a config, applying {@code --set} overrides.
     *
     * @param nameOrPath a YAML file, or the name of a shipped config (with or without {@code
     *     .yaml}); an existing file wins over a shipped name
     * @param overrides {@code path=value} strings, applied in order before validation
     * @throws IllegalArgumentException when there is no such file or shipped config, or the config
     *     is invalid ({@link org.wcl4j.core.config.ConfigException})
     */
    static RunConfig load(String nameOrPath, List<String> overrides) {
        Path file = Path.of(nameOrPath);
        if (Files.isRegularFile(file)) {
            return ConfigLoader.load(file, overrides);
        }
        Optional<String> shipped = shippedText(nameOrPath);
        if (shipped.isPresent()) {
            return ConfigLoader.parse(shipped.get(), overrides);
        }
        throw new IllegalArgumentException(
                "no config '"
                        + nameOrPath
                        + "': expected a YAML file or the name of a shipped config "
                        + SHIPPED
                        + "; `wcl4j configs` lists them");
    }

    /** The YAML text of a shipped config, if there is one of that name. */
    static Optional<String> shippedText(String name) {
        String stem = name.endsWith(".yaml") ? name.substring(0, name.length() - 5) : name;
        if (!SHIPPED.contains(stem)) {
            return Optional.empty();
        }
        String resource = "/configs/" + stem + ".yaml";
        try (InputStream in = ConfigSource.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(
                        "the shipped config " + resource + " is missing from the class path");
            }
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the shipped config " + resource, e);
        }
    }
}
