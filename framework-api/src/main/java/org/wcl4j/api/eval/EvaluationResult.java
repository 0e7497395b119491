package org.wcl4j.api.eval;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The numbers one protocol produced.
 *
 * @param protocol the protocol's registered name
 * @param metrics metric name to value, in the order they should be reported (for example {@code
 *     top1} in percent)
 */
public record EvaluationResult(String protocol, Map<String, Double> metrics) {

    public EvaluationResult {
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }
}
