package org.wcl4j.engine;

import org.wcl4j.api.label.WeakLabeller;

/**
 * The weak labeller of a run and the head whose detached embeddings it reads.
 *
 * @param head head name, e.g. {@code "phi"}
 * @param labeller the labeller
 */
public record LabellerBinding(String head, WeakLabeller labeller) {}
