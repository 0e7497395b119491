/** Augmentations and crop strategies: how a batch of images becomes views. */
@NullMarked
package org.wcl4j.api.augment;

import org.jspecify.annotations.NullMarked;
