/**
 * Contrastive losses built on one masked kernel.
 *
 * <p>{@link org.wcl4j.losses.ContrastiveKernel} computes, for L2-normalised embeddings, a positive
 * mask and a candidate (denominator) mask, the mean over anchors of {@code -1/|P(i)| * sum_{p in
 * P(i)} log(exp(s_ip / t) / sum_{k in D(i)} exp(s_ik / t))} and its analytic gradient with respect
 * to the raw embeddings. Each loss only builds masks and splits the gradient back per view:
 *
 * <ul>
 *   <li>{@code nt-xent} ({@link org.wcl4j.losses.NtXentLoss}): SimCLR's instance discrimination;
 *       the positive is the other global view of the same image.
 *   <li>{@code wcl-graph} ({@link org.wcl4j.losses.WclGraphLoss}): WCL's weak-label loss; within
 *       each global view the positives are the members of the same component in the other view's
 *       weak labels (the swap of Eq. 5-6 of the WCL paper).
 * </ul>
 */
@NullMarked
package org.wcl4j.losses;

import org.jspecify.annotations.NullMarked;
