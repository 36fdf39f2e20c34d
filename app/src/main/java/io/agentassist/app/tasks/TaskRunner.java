package io.agentassist.app.tasks;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The one way view models get work done off the window's thread. Model calls, index searches and database
 * writes run on {@link #submit}'s worker; their results come back on the UI thread, where properties may be
 * set. Callbacks from other threads (a streaming model, the inbox watcher) hop over with {@link #onUi}.
 *
 * <p>View models depend on this interface only, so tests run them with {@code SameThreadTaskRunner} and see
 * every state transition in order, without a window and without sleeping.
 */
public interface TaskRunner {

    /**
     * Runs {@code work} in the background, then {@code onSuccess} or {@code onFailure} on the UI thread.
     *
     * @param name what the work is, for thread names and logs ("articles for T-1042")
     */
    <T> void submit(String name, Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure);

    /** Runs {@code action} on the UI thread: at once when already there, else as soon as it is free. */
    void onUi(Runnable action);
}
