package io.agentassist.app.tasks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Runs every task at once on the caller's thread, so a view-model test sees each state transition in order.
 * Records the names of the tasks it ran, so a test can assert that work went through the runner.
 *
 * <p>{@code new SameThreadTaskRunner()} runs {@link #onUi} at once on whatever thread calls it.
 * {@link #confinedToThisThread()} makes the calling thread the UI thread: {@link #onUi} called on it runs at
 * once; called from another thread — a streaming model's callbacks — the action waits in a queue, as it would
 * for {@code Platform.runLater}, until the test runs it with {@link #runUiUntil} or {@link #runPendingUi}. Then
 * view models are only ever touched by the test's thread, and a test can hold callbacks back (leave a ticket
 * while a stream's text is on its way) and see what they do when they arrive late.
 */
public final class SameThreadTaskRunner implements TaskRunner {
    private final List<String> ran = new ArrayList<>();
    private final Thread uiThread;
    private final LinkedBlockingQueue<Runnable> waitingForUi = new LinkedBlockingQueue<>();

    /** Runs UI actions at once on any thread. */
    public SameThreadTaskRunner() {
        this(null);
    }

    private SameThreadTaskRunner(Thread uiThread) {
        this.uiThread = uiThread;
    }

    /** A runner whose UI thread is the calling one; actions from other threads wait until the test runs them. */
    public static SameThreadTaskRunner confinedToThisThread() {
        return new SameThreadTaskRunner(Thread.currentThread());
    }

    @Override
    public <T> void submit(String name, Callable<T> work, Consumer<? super T> onSuccess,
                           Consumer<Throwable> onFailure) {
        synchronized (ran) {
            ran.add(name);
        }
        T result;
        try {
            result = work.call();
        } catch (Throwable t) {
            onFailure.accept(t);
            return;
        }
        onSuccess.accept(result);
    }

    @Override
    public void onUi(Runnable action) {
        if (uiThread == null || Thread.currentThread() == uiThread) {
            action.run();
        } else {
            waitingForUi.add(action);
        }
    }

    /** The names of the tasks submitted so far, in order. */
    public List<String> ran() {
        synchronized (ran) {
            return List.copyOf(ran);
        }
    }

    /** How many actions from other threads wait for the UI thread. */
    public int pendingUi() {
        return waitingForUi.size();
    }

    /** Runs, on the calling (UI) thread, the actions other threads have queued so far; returns how many. */
    public int runPendingUi() {
        requireUiThread();
        int count = 0;
        for (Runnable action = waitingForUi.poll(); action != null; action = waitingForUi.poll()) {
            action.run();
            count++;
        }
        return count;
    }

    /**
     * Runs queued UI actions as they arrive until {@code condition} holds, at most {@code bound}; fails naming
     * {@code what} otherwise. The condition is checked before each action and after it, so nothing after the
     * moment it holds is run.
     */
    public void runUiUntil(Duration bound, String what, BooleanSupplier condition) {
        requireUiThread();
        long deadline = System.nanoTime() + bound.toNanos();
        while (!condition.getAsBoolean()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("not within " + bound.toMillis() + " ms: " + what);
            }
            Runnable action;
            try {
                action = waitingForUi.poll(left, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for: " + what, e);
            }
            if (action != null) {
                action.run();
            }
        }
    }

    private void requireUiThread() {
        if (uiThread == null) {
            throw new IllegalStateException("this runner runs UI actions at once; use confinedToThisThread() to queue them");
        }
        if (Thread.currentThread() != uiThread) {
            throw new IllegalStateException("UI actions run on the thread that made the runner, "
                    + uiThread.getName() + ", not on " + Thread.currentThread().getName());
        }
    }
}
