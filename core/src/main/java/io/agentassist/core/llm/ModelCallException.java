package io.agentassist.core.llm;

/**
 * A model call that did not produce a usable reply, with a reason an agent can read. {@code kind} says what
 * happened, so the window can show "retrying", "offline" or "failed" rather than a stack trace.
 */
public final class ModelCallException extends Exception {
    public enum Kind {
        NOT_CONFIGURED,
        TIMEOUT,
        RATE_LIMITED,
        SERVER_ERROR,
        UNAUTHORIZED,
        BAD_RESPONSE,
        CONNECTION,
        CANCELLED
    }

    private final Kind kind;

    public ModelCallException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public ModelCallException(Kind kind, String message) {
        this(kind, message, null);
    }

    public Kind kind() {
        return kind;
    }
}
