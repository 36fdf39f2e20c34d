package io.agentassist.core.llm;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Waits between attempts, and stops waiting the moment the call is cancelled. Tests record instead. */
interface Pause {

    /** Waits this long; false when the call was cancelled (or the thread interrupted) meanwhile. */
    boolean await(Duration wait, Cancellation cancellation);

    /** Really waits. */
    Pause REAL = (wait, cancellation) -> {
        CountDownLatch cancelled = new CountDownLatch(1);
        try (Cancellation.Registration registration = cancellation.onCancel(cancelled::countDown)) {
            return !cancelled.await(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    };
}
