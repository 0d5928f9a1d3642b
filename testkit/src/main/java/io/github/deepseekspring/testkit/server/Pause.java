package io.github.deepseekspring.testkit.server;

import java.time.Duration;

/** Sleeps that give up quietly when the simulator shuts down. */
public final class Pause {

    private Pause() {
    }

    /**
     * Sleeps, keeping the interrupt flag when interrupted.
     *
     * @param duration how long; zero or {@code null} returns at once
     */
    public static void sleep(Duration duration) {
        if (duration == null || duration.isZero() || duration.isNegative()) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Sleeps until a point in time, keeping the interrupt flag when interrupted.
     *
     * @param nanoTime the {@link System#nanoTime()} to wake at; a past one returns at once
     */
    public static void until(long nanoTime) {
        long left = nanoTime - System.nanoTime();
        if (left <= 0) {
            return;
        }
        try {
            java.util.concurrent.TimeUnit.NANOSECONDS.sleep(left);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
