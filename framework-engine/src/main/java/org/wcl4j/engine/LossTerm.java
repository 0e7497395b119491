package org.wcl4j.engine;

import org.wcl4j.api.loss.Loss;

/**
 * One weighted loss on one head's embeddings.
 *
 * @param name name for metrics, e.g. {@code "nt-xent"}
 * @param head the head whose embeddings the loss reads
 * @param weight multiplier of value and gradient
 * @param loss the loss
 */
public record LossTerm(String name, String head, double weight, Loss loss) {}
