package org.wcl4j.api.eval;

import org.wcl4j.api.plugin.Provider;
import org.wcl4j.api.plugin.Settings;

/** Registers an evaluation protocol, for example {@code knn}. */
public interface EvaluationProtocolProvider<S extends Settings>
        extends Provider<EvaluationProtocol, S> {}
