/**
 * Weak labellers: strategies that infer which members of a batch are positives of each other from
 * the batch's own embeddings.
 *
 * <p>{@link org.wcl4j.labellers.NearestNeighbourLabeller} ({@code nearest-neighbour}) is the
 * labeller of Weakly Supervised Contrastive Learning (Zheng et al., ICCV 2021, Sec. 3.2): the
 * connected components of the batch's 1-nearest-neighbour graph.
 */
@NullMarked
package org.wcl4j.labellers;

import org.jspecify.annotations.NullMarked;
