package io.agentassist.core.approval;

/** The outbox's database could not be read or written; the reply's state is whatever was last committed. */
public class OutboxException extends RuntimeException {
    public OutboxException(String message, Throwable cause) {
        super(message, cause);
    }

    OutboxException(String message) {
        super(message);
    }
}
