package io.agentassist.core.llm;

/**
 * The one port through which core calls a language model, so every call is logged with model, prompt version
 * and latency, retried the same way, and cancellable. When no endpoint is configured the implementation says
 * so ({@link #isConfigured()} is false) and the product works offline.
 */
public interface LanguageModel {
    boolean isConfigured();

    /** The model name as configured, "" when not configured. */
    String modelName();

    /** A blocking call; retries on 429 and 5xx with backoff before giving up. */
    ModelReply complete(ChatPrompt prompt, Cancellation cancellation) throws ModelCallException;

    /** A streaming call; returns at once, the observer hears the rest. */
    void stream(ChatPrompt prompt, StreamObserver observer, Cancellation cancellation);
}
