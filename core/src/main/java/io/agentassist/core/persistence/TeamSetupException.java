package io.agentassist.core.persistence;

/** Team mode could not be set up or changed; the message says what the admin has to do about it. */
public class TeamSetupException extends PersistenceException {
    public TeamSetupException(String message, Throwable cause) {
        super(message, cause);
    }
}
