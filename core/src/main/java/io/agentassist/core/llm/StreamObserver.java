package io.agentassist.core.llm;

/**
 * Receives a streamed reply. Exactly one of {@link #completed} or {@link #failed} is called last, unless the
 * call was cancelled, in which case {@link #cancelled} is. Calls may come from a model client thread.
 */
public interface StreamObserver {
    /** A piece of text as it arrives. */
    void partial(String text);

    /**
     * Called before a retry so the observer can discard what the failed attempt streamed (today a stream is
     * only retried before any text arrived, so there is nothing to discard). {@code attempt} is the number of
     * the attempt about to start, 2 for the first retry; {@code reason} says what failed and how long we wait.
     */
    default void retrying(int attempt, String reason) {
    }

    void completed(ModelReply reply);

    void failed(ModelCallException error);

    default void cancelled() {
    }
}
