/**
 * Report writers: Markdown tables for the terminal and for {@code report.md}, the reader of a run's
 * {@code metrics.csv}, and PNG line plots of its training curves.
 */
@NullMarked
package org.wcl4j.report;

import org.jspecify.annotations.NullMarked;
