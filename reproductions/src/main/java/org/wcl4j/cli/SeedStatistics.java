package org.wcl4j.cli;

import org.apache.commons.math3.stat.inference.TTest;

/**
 * The statistics of {@code wcl4j compare} over the seeds of a method: mean, sample standard
 * deviation, and the two-sided paired t-test of one method against another, pairing the runs of the
 * same seed.
 *
 * <p>The paired t-test takes the per-seed differences {@code d_i = b_i - a_i}, {@code t = mean(d) /
 * (sd(d) / sqrt(n))} with {@code n - 1} degrees of freedom, and reports {@code p = P(|T| >= |t|)}
 * (Apache Commons Math {@link TTest#pairedTTest(double[], double[])}). Differences without any
 * spread leave {@code t} undefined: when every difference is zero the two methods gave identical
 * numbers and {@code p} is 1; when every difference is the same non-zero value there is no variance
 * to test against and {@code p} is {@code NaN} (shown as "n/a").
 */
final class SeedStatistics {

    private SeedStatistics() {}

    /**
     * The arithmetic mean.
     *
     * @return {@code NaN} for no values
     */
    static double mean(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }

    /**
     * The sample standard deviation, {@code sqrt(sum (x - mean)^2 / (n - 1))}.
     *
     * @return {@code NaN} for fewer than two values
     */
    static double sampleStandardDeviation(double[] values) {
        if (values.length < 2) {
            return Double.NaN;
        }
        double mean = mean(values);
        double squares = 0;
        for (double value : values) {
            squares += (value - mean) * (value - mean);
        }
        return Math.sqrt(squares / (values.length - 1));
    }

    /**
     * The two-sided p-value of the paired t-test of {@code b} against {@code a}, seed by seed.
     *
     * @param a the reference method's values, one per seed
     * @param b the other method's values, in the same seed order
     * @return {@code NaN} for fewer than two pairs, for a value that is not finite and for
     *     differences that are all the same non-zero value; 1 when every difference is zero
     * @throws IllegalArgumentException when the two have different lengths
     */
    static double pairedPValue(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException(
                    "expected one value per seed for both methods, found "
                            + a.length
                            + " and "
                            + b.length);
        }
        if (a.length < 2) {
            return Double.NaN;
        }
        double[] differences = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            if (!Double.isFinite(a[i]) || !Double.isFinite(b[i])) {
                return Double.NaN;
            }
            differences[i] = b[i] - a[i];
        }
        boolean constant = true;
        for (double difference : differences) {
            constant &= difference == differences[0];
        }
        if (constant) {
            return differences[0] == 0 ? 1.0 : Double.NaN;
        }
        return new TTest().pairedTTest(b, a);
    }
}
