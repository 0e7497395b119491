/**
 * Encoders and projection heads built from plain Deeplearning4j layers: the {@code small-resnet}
 * encoder and the {@code mlp} head.
 */
@NullMarked
package org.wcl4j.models;

import org.jspecify.annotations.NullMarked;
