package org.wcl4j.api.model;

import org.wcl4j.api.plugin.Provider;
import org.wcl4j.api.plugin.Settings;

/** Registers an encoder, for example {@code small-resnet}. */
public interface EncoderProvider<S extends Settings> extends Provider<Encoder, S> {}
