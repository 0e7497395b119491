/**
 * The contracts of wcl4j: what every encoder, head, weak labeller, crop strategy, augmentation,
 * loss, data set and evaluation protocol promises, and the values they exchange.
 *
 * <p>Words used the same way everywhere in the project:
 *
 * <ul>
 *   <li><b>view</b>: one augmented copy of an image; a <b>global crop</b> is a view at full
 *       resolution, a <b>local crop</b> a smaller, lower-resolution one (multi-crop).
 *   <li><b>encoder</b> (backbone): the network mapping an image to a pooled feature vector.
 *   <li><b>head</b> (projector): a small network on the pooled feature; WCL has two, {@code g} for
 *       instance discrimination and {@code phi} for weak labels.
 *   <li><b>embedding</b>: a head's output for one view, {@code [batch, dim]}; losses and labellers
 *       L2-normalise it themselves.
 *   <li><b>temperature</b>: the divisor of cosine similarities inside a softmax.
 *   <li><b>weak label</b>: a label inferred from embeddings inside a batch, never from the data
 *       set's classes; in WCL the <b>component</b> of a 1-nearest-neighbour graph.
 * </ul>
 *
 * <p>Nothing in this API accepts or returns {@code null}; absent values are empty collections or
 * {@link java.util.Optional}.
 */
@NullMarked
package org.wcl4j.api;

import org.jspecify.annotations.NullMarked;
