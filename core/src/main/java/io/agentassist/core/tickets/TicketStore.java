package io.agentassist.core.tickets;

import io.agentassist.core.model.Message;
import io.agentassist.core.model.Ticket;
import io.agentassist.core.model.TicketStatus;
import java.util.List;
import java.util.Optional;

/**
 * Where tickets and their messages live. Messages are append-only and identified per ticket by their id, so
 * every way of adding them is idempotent: importing the same file twice adds nothing. Each method is one
 * transaction: a ticket is stored whole or not at all.
 *
 * <p>Bad input (blank ticket or message id, a customer without an e-mail address) is rejected with
 * {@link IllegalArgumentException} before anything is written; an unknown ticket id with
 * {@link java.util.NoSuchElementException}.
 */
public interface TicketStore {

    /**
     * Creates the ticket or replaces its subject, channel, customer and status, and appends those of its
     * messages that are not stored yet. Stored messages are never changed or removed.
     */
    TicketUpdate save(Ticket ticket);

    /**
     * Creates the ticket if it is new; an existing ticket keeps its subject, customer and status (a follow-up
     * e-mail saying "Re: …" from another address changes nothing). Appends the messages not stored yet.
     */
    TicketUpdate importTicket(Ticket ticket);

    /** Appends the messages not stored yet to an existing ticket. */
    TicketUpdate appendMessages(String ticketId, List<Message> messages);

    void setStatus(String ticketId, TicketStatus status);

    /** The ticket with all its messages, oldest first (ties in time keep the order they were added). */
    Optional<Ticket> find(String ticketId);

    /**
     * The ticket an e-mail belongs to: the first of {@code messageIds} (Message-IDs from References, In-Reply-To
     * or the mail's own, without angle brackets) that is a ticket id or the id of a stored message. Earlier ids
     * win, so pass the thread root first.
     */
    Optional<String> findTicketIdByEmailThread(List<String> messageIds);

    /** {@link #findTicketIdByEmailThread} and then {@link #find}. */
    default Optional<Ticket> findByEmailThread(List<String> messageIds) {
        return findTicketIdByEmailThread(messageIds).flatMap(this::find);
    }

    /** The queue: every ticket, the one whose customer wrote most recently first; then by id. */
    List<TicketSummary> list();
}
