/** Encoders and heads: the parts of the network, added to one Deeplearning4j computation graph. */
@NullMarked
package org.wcl4j.api.model;

import org.jspecify.annotations.NullMarked;
