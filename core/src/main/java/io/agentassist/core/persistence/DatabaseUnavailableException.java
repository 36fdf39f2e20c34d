package io.agentassist.core.persistence;

/** The database could not be opened or reached. The message names the URL (never the password). */
public class DatabaseUnavailableException extends PersistenceException {
    public DatabaseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
