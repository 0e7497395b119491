/**
 * Evaluation protocols on frozen features: {@code knn}, the weighted k-nearest-neighbour monitor of
 * the instance-discrimination literature (Wu et al., CVPR 2018).
 */
@NullMarked
package org.wcl4j.evaluation;

import org.jspecify.annotations.NullMarked;
