/**
 * The training engine on Deeplearning4j: the encoder and every head in one computation graph, one
 * forward pass, weak labels and losses on detached embeddings, their gradients fed back as external
 * errors, one backward pass and the optimiser's step.
 */
@NullMarked
package org.wcl4j.engine;

import org.jspecify.annotations.NullMarked;
