/** Evaluation protocols: how a trained encoder is judged. */
@NullMarked
package org.wcl4j.api.eval;

import org.jspecify.annotations.NullMarked;
