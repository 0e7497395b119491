package org.wcl4j.core.config;

import java.util.Map;

/**
 * One weighted loss on one head, e.g. {@code {name: nt-xent, head: g, weight: 1.0}}.
 *
 * @param name the loss's registered name
 * @param head the name of a head in {@link RunConfig#heads()}
 * @param weight multiplier of the loss and its gradient; positive; 1.0 when omitted
 * @param settings as in {@link PluginChoice#settings()}
 */
public record LossChoice(String name, String head, double weight, Map<String, Object> settings) {

    /** The weight a config gets when it leaves {@code weight} out. */
    public static final double DEFAULT_WEIGHT = 1.0;

    public LossChoice {
        settings = Values.copyOf(settings);
    }
}
