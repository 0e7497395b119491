/**
 * Weak labellers: strategies that infer which members of a batch are positives of each other from
 * the batch's own embeddings.
 *
 * <ul>
 *   <li>{@link org.wcl4j.labellers.NearestNeighbourLabeller} ({@code nearest-neighbour}) is the
 *       labeller of Weakly Supervised Contrastive Learning (Zheng et al., ICCV 2021, Sec. 3.2): the
 *       connected components of the batch's 1-nearest-neighbour graph.
 *   <li>{@link org.wcl4j.labellers.TopKLabeller} ({@code top-k}): each anchor's {@code k} most
 *       similar other members, as AdpCLR takes them; not reciprocal.
 *   <li>{@link org.wcl4j.labellers.SupportSetLabeller} ({@code support-set}): FNCancel's
 *       false-negative detection (Huynh et al., WACV 2022) from each image's support views.
 *   <li>{@link org.wcl4j.labellers.TrueLabelsLabeller} ({@code true-labels}): the data set's
 *       classes, the supervised (SupCon) oracle that bounds what weak labels can reach.
 * </ul>
 *
 * <p>Labels that are not reciprocal are {@link org.wcl4j.labellers.DirectedLabels}; component
 * labels are symmetric.
 */
@NullMarked
package org.wcl4j.labellers;

import org.jspecify.annotations.NullMarked;
