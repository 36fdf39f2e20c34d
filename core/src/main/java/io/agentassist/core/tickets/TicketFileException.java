package io.agentassist.core.tickets;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A ticket file that cannot be imported as it is: not JSON, a missing or wrong field, a mail without a sender.
 * Retrying will not help; the inbox watcher moves such a file to {@code failed/} and writes {@link #reason()}
 * next to it.
 */
public class TicketFileException extends RuntimeException {

    private final Path file;
    private final String reason;

    public TicketFileException(Path file, String reason) {
        this(file, reason, null);
    }

    public TicketFileException(Path file, String reason, Throwable cause) {
        super(file.getFileName() + ": " + reason, cause);
        this.file = Objects.requireNonNull(file, "file");
        this.reason = reason;
    }

    public Path file() {
        return file;
    }

    /** What is wrong, without the file name. */
    public String reason() {
        return reason;
    }
}
