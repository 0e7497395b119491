/**
 * Data sets read from their files into memory: {@code fashion-mnist} (Xiao et al., 2017) from IDX
 * files, through an {@link org.wcl4j.datasets.IdxReader} that other IDX data sets share.
 */
@NullMarked
package org.wcl4j.datasets;

import org.jspecify.annotations.NullMarked;
