package io.agentassist.core.outbound;

import io.agentassist.core.approval.ApprovedReply;

/**
 * Adds a delivered reply to its ticket's conversation, so the agent (and the next suggestion) sees what was
 * sent. Implemented by the ticket store.
 *
 * <p>Implementations append {@link ApprovedReply#asMessage()} to ticket {@link ApprovedReply#ticketId()} and
 * must be idempotent by message id (which is the idempotency key): appending the same reply again leaves one
 * message. It takes the approved reply, not a free message, so it cannot be used to put unapproved agent text
 * into a conversation.
 */
public interface TicketAppender {
    void append(ApprovedReply reply);
}
