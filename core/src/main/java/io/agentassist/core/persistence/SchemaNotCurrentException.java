package io.agentassist.core.persistence;

/**
 * The database's schema is older than this version of the app needs (or not there at all), and the login the
 * app connects with may not change it: a team member's login. The message says what to ask the admin for.
 */
public class SchemaNotCurrentException extends DatabaseUnavailableException {
    public SchemaNotCurrentException(String message, Throwable cause) {
        super(message, cause);
    }
}
