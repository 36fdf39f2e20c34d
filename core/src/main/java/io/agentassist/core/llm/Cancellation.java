package io.agentassist.core.llm;

import java.util.ArrayList;
import java.util.List;

/**
 * Lets the caller stop a running model call: the agent left the ticket, or the customer wrote again. Thread
 * safe; listeners registered after cancellation run at once.
 */
public final class Cancellation {
    private final List<Runnable> listeners = new ArrayList<>();
    private boolean cancelled;

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
        }
        toRun.forEach(Runnable::run);
    }

    public void onCancel(Runnable listener) {
        boolean runNow;
        synchronized (this) {
            runNow = cancelled;
            if (!cancelled) {
                listeners.add(listener);
            }
        }
        if (runNow) {
            listener.run();
        }
    }
}
