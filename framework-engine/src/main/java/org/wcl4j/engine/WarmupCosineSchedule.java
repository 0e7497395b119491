package org.wcl4j.engine;

/**
 * Learning rate per step: a linear warm-up to the peak, then a half cosine down to zero (Loshchilov
 * and Hutter, "SGDR", ICLR 2017, without restarts; the schedule of SimCLR and of the WCL paper).
 *
 * <p>For step {@code t} counted from 0, with {@code W} warm-up steps and {@code T} steps in all:
 *
 * <ul>
 *   <li>{@code t < W}: {@code peak * (t + 1) / W}, so the first step already moves and the last
 *       warm-up step uses the peak;
 *   <li>{@code W <= t < T}: {@code peak * (1 + cos(pi * (t - W) / (T - W))) / 2}, the peak at
 *       {@code t = W} falling towards 0;
 *   <li>{@code t >= T}: 0.
 * </ul>
 *
 * @param peak the rate at the end of warm-up, at least 0
 * @param warmupSteps {@code W}, at least 0
 * @param totalSteps {@code T}, at least 0
 */
public record WarmupCosineSchedule(double peak, int warmupSteps, int totalSteps) {

    public WarmupCosineSchedule {
        if (!(peak >= 0) || Double.isInfinite(peak) || warmupSteps < 0 || totalSteps < 0) {
            throw new IllegalArgumentException(
                    "learning-rate schedule: expected a finite peak >= 0 and step counts >= 0,"
                            + " found peak "
                            + peak
                            + ", warm-up "
                            + warmupSteps
                            + ", total "
                            + totalSteps);
        }
    }

    /** The schedule of {@code settings}. */
    public static WarmupCosineSchedule of(OptimizerSettings settings) {
        return new WarmupCosineSchedule(
                settings.learningRate(), settings.warmupSteps(), settings.totalSteps());
    }

    /**
     * The learning rate of step {@code iteration}.
     *
     * @param iteration global step number from 0
     */
    public double rate(int iteration) {
        if (iteration < 0) {
            throw new IllegalArgumentException(
                    "learning-rate schedule: expected a step number >= 0, found " + iteration);
        }
        if (iteration < warmupSteps) {
            return peak * (iteration + 1) / warmupSteps;
        }
        if (iteration >= totalSteps) {
            return 0.0;
        }
        double progress = (double) (iteration - warmupSteps) / (totalSteps - warmupSteps);
        return peak * 0.5 * (1.0 + Math.cos(Math.PI * progress));
    }
}
