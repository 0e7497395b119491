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
 *   <li>{@code nt-xent-multi-crop} ({@link org.wcl4j.losses.MultiCropNtXentLoss}) and {@code
 *       wcl-graph-multi-crop} ({@link org.wcl4j.losses.MultiCropGraphLoss}): the multi-crop terms
 *       {@code L_nce_mc} and {@code L_graph_mc} of Eq. 8, over every pair of a global view and a
 *       local crop.
 *   <li>{@code adpclr} ({@link org.wcl4j.losses.AdpclrLoss}) and {@code fncancel} ({@link
 *       org.wcl4j.losses.FncancelLoss}): NT-Xent over the two global views in which each anchor's
 *       weak labels (of its own view, usually from the {@code top-k} or {@code support-set}
 *       labeller) add positives (AdpCLR; FNCancel's attraction) or remove candidates (FNCancel's
 *       elimination); one implementation, {@link org.wcl4j.losses.WeakPositivesNtXent}.
 * </ul>
 *
 * <p>WCL's Eq. 8 with multi-crop, {@code L = L_nce + lambda1 L_graph + lambda2 L_nce_mc + lambda3
 * L_graph_mc}, is four entries of a config's {@code losses}, each with its {@code weight}.
 */
@NullMarked
package org.wcl4j.losses;

import org.jspecify.annotations.NullMarked;
