/**
 * The {@code wcl4j} command line: lists plugins, trains a config into a run directory, runs the
 * quickstart, benchmarks training steps and re-evaluates runs. The only code of the project that
 * prints to the terminal.
 */
@NullMarked
package org.wcl4j.cli;

import org.jspecify.annotations.NullMarked;
