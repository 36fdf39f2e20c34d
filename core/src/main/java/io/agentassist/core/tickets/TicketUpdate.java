package io.agentassist.core.tickets;

import java.util.List;
import java.util.Objects;

/**
 * What one save or import changed: whether the ticket is new and which messages were added (ids, in the order
 * given). Listeners use it to refresh the queue and to notice that the customer wrote again.
 */
public record TicketUpdate(String ticketId, boolean created, List<String> newMessageIds) {
    public TicketUpdate {
        Objects.requireNonNull(ticketId, "ticketId");
        newMessageIds = List.copyOf(newMessageIds);
    }

    /** False when everything was already stored, e.g. the same file imported twice. */
    public boolean changedAnything() {
        return created || !newMessageIds.isEmpty();
    }
}
