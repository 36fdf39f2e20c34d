package io.agentassist.core.tickets;

import io.agentassist.core.model.Ticket;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports one ticket file ({@code .json} or {@code .eml}) into the store. A new ticket is created; a ticket that
 * exists keeps everything it has and gains only the messages it did not have, so importing a file twice, or a
 * mail that repeats an earlier one, changes nothing.
 */
public final class TicketImporter {

    private static final Logger log = LoggerFactory.getLogger(TicketImporter.class);

    private final TicketStore store;
    private final TicketJsonReader jsonReader = new TicketJsonReader();
    private final EmlTicketReader emlReader;

    public TicketImporter(TicketStore store) {
        this.store = Objects.requireNonNull(store, "store");
        this.emlReader = new EmlTicketReader(store::findTicketIdByEmailThread);
    }

    /** Whether the file's name says it is a ticket file this importer reads. */
    public static boolean canImport(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".json") || name.endsWith(".eml");
    }

    /**
     * @throws TicketFileException when the file's content is wrong (retrying will not help)
     * @throws IOException when it cannot be read
     * @throws RuntimeException from the store when it fails, e.g. the database is unreachable (retrying may help)
     */
    public TicketUpdate importFile(Path file) throws IOException {
        if (!canImport(file)) {
            throw new TicketFileException(file, "is neither a .json ticket nor an .eml mail");
        }
        Ticket ticket;
        try {
            ticket = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")
                    ? jsonReader.read(file)
                    : emlReader.read(file);
        } catch (TicketFileException e) {
            throw e;
        } catch (RuntimeException e) {
            // A content the readers did not expect: the file cannot be read, however often it is tried.
            throw new TicketFileException(file, "could not be read: " + e, e);
        }
        TicketUpdate update;
        try {
            update = store.importTicket(ticket);
        } catch (IllegalArgumentException e) {
            throw new TicketFileException(file, e.getMessage(), e);
        }
        log.info("{}: ticket {} {}, {} new message(s)", file.getFileName(), update.ticketId(),
                update.created() ? "created" : "exists", update.newMessageIds().size());
        return update;
    }
}
