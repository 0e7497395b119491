/** Data sets: labelled images, split into train and test. */
@NullMarked
package org.wcl4j.api.data;

import org.jspecify.annotations.NullMarked;
