/** Contrastive losses: embeddings and weak labels in, a value and its gradient out. */
@NullMarked
package org.wcl4j.api.loss;

import org.jspecify.annotations.NullMarked;
