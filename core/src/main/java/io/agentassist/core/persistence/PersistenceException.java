package io.agentassist.core.persistence;

/**
 * The database failed to do what was asked (unreachable, a constraint, a migration). Unchecked because callers
 * can rarely recover in place; the message says what was being done, so a log line or dialog is enough.
 * Bad input is reported with {@link IllegalArgumentException}, an unknown id with
 * {@link java.util.NoSuchElementException} and a forbidden draft transition with {@link IllegalStateException}.
 */
public class PersistenceException extends RuntimeException {
    public PersistenceException(String message, Throwable cause) {
        super(message, cause);
    }
}
