package io.agentassist.core.tickets;

import java.util.List;
import java.util.Optional;

/**
 * Finds the ticket an e-mail thread already has. {@link TicketStore#findTicketIdByEmailThread} is the real one;
 * reader tests pass a lambda.
 */
@FunctionalInterface
public interface EmailThreads {

    /** The ticket of the first of {@code messageIds} (thread root first) that is known. */
    Optional<String> ticketIdFor(List<String> messageIds);
}
