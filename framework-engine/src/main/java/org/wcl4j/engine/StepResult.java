package org.wcl4j.engine;

import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What one training step produced.
 *
 * @param loss the weighted total loss
 * @param metrics named numbers for the metrics file: {@code loss/<term>} per loss term, {@code lr},
 *     and with a labeller {@code weak/components} (mean per view), {@code weak/precision} and
 *     {@code weak/recall} of the positive pairs against the true classes; timings {@code
 *     time/forward}, {@code time/label}, {@code time/loss}, {@code time/backward}, {@code
 *     time/update} in milliseconds
 * @param features detached pooled features of the first global view, {@code [batch, featureSize]},
 *     for crop strategies with a feature bank
 */
public record StepResult(double loss, Map<String, Double> metrics, INDArray features) {}
