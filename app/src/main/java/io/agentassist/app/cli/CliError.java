package io.agentassist.app.cli;

/**
 * An error the user can fix (a missing file, no index yet, a malformed eval set). Its message is printed as
 * one line, {@code error: <message>}, and the command exits with 1; the stack trace only goes to the log.
 */
public final class CliError extends RuntimeException {
    public CliError(String message) {
        super(message);
    }

    public CliError(String message, Throwable cause) {
        super(message, cause);
    }
}
