/**
 * Data sets: {@code fashion-mnist} (Xiao et al., 2017) from IDX files, through an {@link
 * org.wcl4j.datasets.IdxReader} that other IDX data sets share; {@code cifar10} and {@code
 * cifar100} (Krizhevsky, 2009) from their binary record files; all held in memory as bytes. {@code
 * image-folder} lists PNG/JPEG files in one folder per class and decodes each image when it is
 * read.
 */
@NullMarked
package org.wcl4j.datasets;

import org.jspecify.annotations.NullMarked;
