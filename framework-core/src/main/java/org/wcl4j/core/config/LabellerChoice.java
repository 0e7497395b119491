package org.wcl4j.core.config;

import java.util.Map;

/**
 * The weak labeller of a run and the head whose embeddings it reads, e.g. {@code {name:
 * nearest-neighbour, head: phi}}.
 *
 * @param name the labeller's registered name
 * @param head the name of a head in {@link RunConfig#heads()}
 * @param settings as in {@link PluginChoice#settings()}
 */
public record LabellerChoice(String name, String head, Map<String, Object> settings) {

    public LabellerChoice {
        settings = Values.copyOf(settings);
    }
}
