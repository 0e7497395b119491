/**
 * Encoders and projection heads built from plain Deeplearning4j layers: the {@code small-resnet},
 * {@code resnet18} and {@code resnet50} encoders and the {@code mlp} head.
 */
@NullMarked
package org.wcl4j.models;

import org.jspecify.annotations.NullMarked;
