/** Weak labellers: labels inferred from embeddings inside a batch. */
@NullMarked
package org.wcl4j.api.label;

import org.jspecify.annotations.NullMarked;
