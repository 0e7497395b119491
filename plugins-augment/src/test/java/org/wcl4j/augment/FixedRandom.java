package org.wcl4j.augment;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Random;

/**
 * A generator whose {@code nextDouble()}, {@code nextBoolean()} and {@code nextInt(bound)} return
 * given values in order, so that a test controls every draw. Any other draw, or one past the given
 * values, fails.
 */
final class FixedRandom extends Random {

    private static final long serialVersionUID = 1L;

    private final Deque<Double> doubles = new ArrayDeque<>();
    private final Deque<Boolean> booleans = new ArrayDeque<>();
    private final Deque<Integer> ints = new ArrayDeque<>();

    FixedRandom doubles(double... values) {
        for (double value : values) {
            doubles.add(value);
        }
        return this;
    }

    FixedRandom booleans(boolean... values) {
        for (boolean value : values) {
            booleans.add(value);
        }
        return this;
    }

    FixedRandom integers(int... values) {
        for (int value : values) {
            ints.add(value);
        }
        return this;
    }

    /** True when every given value was drawn. */
    boolean exhausted() {
        return doubles.isEmpty() && booleans.isEmpty() && ints.isEmpty();
    }

    @Override
    public int nextInt(int bound) {
        if (ints.isEmpty()) {
            throw new IllegalStateException("unexpected draw: no more ints given");
        }
        int value = ints.remove();
        if (value < 0 || value >= bound) {
            throw new IllegalStateException(
                    "given int " + value + " lies outside the drawn range [0, " + bound + ")");
        }
        return value;
    }

    @Override
    public double nextDouble() {
        if (doubles.isEmpty()) {
            throw new IllegalStateException("unexpected draw: no more doubles given");
        }
        return doubles.remove();
    }

    @Override
    public boolean nextBoolean() {
        if (booleans.isEmpty()) {
            throw new IllegalStateException("unexpected draw: no more booleans given");
        }
        return booleans.remove();
    }

    @Override
    protected int next(int bits) {
        throw new IllegalStateException(
                "unexpected draw: only nextDouble, nextBoolean and nextInt given");
    }
}
