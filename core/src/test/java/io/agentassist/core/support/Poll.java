package io.agentassist.core.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for a condition with a bound, checking every few milliseconds; tests never sleep a fixed time. */
public final class Poll {

    private Poll() {
    }

    public static void until(Duration bound, String what, BooleanSupplier condition) {
        until(bound, () -> what, condition);
    }

    public static void until(Duration bound, Supplier<String> what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + bound.toMillis() + " ms: " + what.get());
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for: " + what.get(), e);
            }
        }
    }
}
