package io.agentassist.core.desk;

import io.agentassist.core.approval.ApprovedReply;
import io.agentassist.core.model.DraftState;
import io.agentassist.core.model.TicketStatus;
import io.agentassist.core.outbound.TicketAppender;
import io.agentassist.core.persistence.DraftStore;
import io.agentassist.core.tickets.TicketStore;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Completes a delivered reply in the stores: appends it to its ticket as an agent message, marks its draft SENT
 * (when it came from one) and sets the ticket PENDING, because the next move is the customer's.
 *
 * <p>Every step is idempotent, as {@link TicketAppender} requires, because the dispatcher delivers again after a
 * crash: the message is keyed by the reply's idempotency key, a draft that is already SENT is left alone, and
 * setting the same status twice changes nothing. The steps run in this order so that a crash part-way leaves
 * work that a redelivery finishes, never a SENT draft whose message is missing.
 */
public final class StoreTicketAppender implements TicketAppender {
    private static final Logger LOG = LoggerFactory.getLogger(StoreTicketAppender.class);

    private final TicketStore tickets;
    private final DraftStore drafts;
    private final Clock clock;

    public StoreTicketAppender(TicketStore tickets, DraftStore drafts, Clock clock) {
        this.tickets = Objects.requireNonNull(tickets, "tickets");
        this.drafts = Objects.requireNonNull(drafts, "drafts");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void append(ApprovedReply reply) {
        tickets.appendMessages(reply.ticketId(), List.of(reply.asMessage()));
        reply.draftId().ifPresent(this::markSent);
        tickets.setStatus(reply.ticketId(), TicketStatus.PENDING);
    }

    private void markSent(String draftId) {
        try {
            drafts.transition(draftId, DraftState.SENT, clock.instant().truncatedTo(ChronoUnit.MICROS));
        } catch (IllegalStateException e) {
            DraftState state = drafts.find(draftId).map(stored -> stored.draft().state()).orElse(null);
            if (state != DraftState.SENT) {
                // The customer has the reply whatever the draft says; failing here would only hold the ticket back.
                LOG.warn("Reply for draft {} was delivered but the draft is {}, so it was not marked sent",
                        draftId, state);
            }
        }
    }
}
