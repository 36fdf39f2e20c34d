package io.agentassist.core.llm;

import java.util.ArrayList;
import java.util.List;

/**
 * Lets the caller stop a running model call: the agent left the ticket, or the customer wrote again. Thread
 * safe; listeners registered after cancellation run at once. One cancellation may serve many calls (all the
 * calls for one ticket, say): each call removes its listeners when it ends, through the returned
 * {@link Registration}.
 */
public final class Cancellation {
    private final List<Runnable> listeners = new ArrayList<>();
    private boolean cancelled;

    /** Removes a listener again; closing twice, or after cancellation, does nothing. */
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    public synchronized boolean isCancelled() {
        return cancelled;
    }

    public void cancel() {
        List<Runnable> toRun;
        synchronized (this) {
            if (cancelled) {
                return;
            }
            cancelled = true;
            toRun = List.copyOf(listeners);
            listeners.clear();
        }
        toRun.forEach(Runnable::run);
    }

    /** Listeners waiting for a cancellation; for tests that check calls clean up after themselves. */
    synchronized int listenerCount() {
        return listeners.size();
    }

    public Registration onCancel(Runnable listener) {
        boolean runNow;
        synchronized (this) {
            runNow = cancelled;
            if (!cancelled) {
                listeners.add(listener);
            }
        }
        if (runNow) {
            listener.run();
            return () -> {
            };
        }
        return () -> {
            synchronized (this) {
                listeners.remove(listener);
            }
        };
    }
}
