package io.agentassist.core.desk;

import io.agentassist.core.approval.AgentApproval;
import io.agentassist.core.approval.ApprovalRefusedException;
import io.agentassist.core.approval.ApprovalService;
import io.agentassist.core.approval.ApprovedReply;
import io.agentassist.core.approval.EditAudit;
import io.agentassist.core.approval.Outbox;
import io.agentassist.core.model.Draft;
import io.agentassist.core.model.DraftState;
import io.agentassist.core.model.Feedback;
import io.agentassist.core.outbound.DispatchReport;
import io.agentassist.core.outbound.FolderAndTicketDelivery;
import io.agentassist.core.outbound.OutboundChannel;
import io.agentassist.core.outbound.OutboxChannel;
import io.agentassist.core.outbound.OutboxDispatcher;
import io.agentassist.core.persistence.Database;
import io.agentassist.core.persistence.DraftStore;
import io.agentassist.core.persistence.JdbcDraftStore;
import io.agentassist.core.persistence.JdbcTicketStore;
import io.agentassist.core.tickets.TicketStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place the agent's actions on a ticket's reply go through. Going through one class keeps the audit
 * trail whole (every suggestion is stored when offered, every edit, discard, feedback and supersede is
 * recorded) and keeps approving and sending in the only safe order.
 *
 * <p><b>Approve and send.</b> {@link #approveAndSend} checks the approval against the draft <em>as stored</em>
 * (not the window's copy, which may be stale: superseded meanwhile, or with flags the guardrails added since),
 * then stores the approval, the edit figures and the queued reply in one transaction
 * ({@link DraftStore#approve} with {@link Outbox#enqueue(java.sql.Connection, ApprovedReply)}): either the draft
 * is APPROVED and its reply is queued, or neither. A draft superseded between the check and the transaction
 * loses in the database, and nothing is queued. Only after the commit is the reply handed to the
 * {@link OutboundChannel}, which delivers it (the outbox entry and the channel's own enqueue share the
 * idempotency key, so it is queued once).
 *
 * <p>The outbox must live in the same database as the drafts, or the transaction cannot cover both;
 * {@link #onEmbeddedDefaults} wires it that way.
 */
public final class ReplyDesk {
    private static final Logger LOG = LoggerFactory.getLogger(ReplyDesk.class);

    private final DraftStore drafts;
    private final ApprovalService approvals;
    private final Outbox outbox;
    private final OutboundChannel channel;
    private final OutboxDispatcher dispatcher;
    private final Clock clock;

    /**
     * @param outbox     the outbox in the database of {@code drafts}
     * @param channel    where an approved reply goes once its approval is committed
     * @param dispatcher delivers what the outbox still holds, for {@link #resumeDeliveries()}
     */
    public ReplyDesk(DraftStore drafts, ApprovalService approvals, Outbox outbox, OutboundChannel channel,
                     OutboxDispatcher dispatcher, Clock clock) {
        this.drafts = Objects.requireNonNull(drafts, "drafts");
        this.approvals = Objects.requireNonNull(approvals, "approvals");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.channel = Objects.requireNonNull(channel, "channel");
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The embedded set-up: stores and outbox in {@code database}, replies written to {@code outboxFolder} and
     * appended to their ticket ({@link FolderAndTicketDelivery} with a {@link StoreTicketAppender}), delivered on
     * {@code executor} so the window does not wait for the disk.
     */
    public static ReplyDesk onEmbeddedDefaults(Database database, Path outboxFolder, Clock clock, Executor executor) {
        TicketStore tickets = new JdbcTicketStore(database);
        DraftStore drafts = new JdbcDraftStore(database);
        Outbox outbox = new Outbox(database.dataSource(), clock);
        OutboxDispatcher dispatcher = new OutboxDispatcher(outbox,
                new FolderAndTicketDelivery(outboxFolder, new StoreTicketAppender(tickets, drafts, clock)));
        return new ReplyDesk(drafts, new ApprovalService(clock, outbox), outbox,
                new OutboxChannel(outbox, dispatcher, executor), dispatcher, clock);
    }

    /** Stores a new suggestion as SUGGESTED: the audit trail of a reply starts with what the assistant offered. */
    public void offer(Draft suggestion) {
        if (suggestion.state() != DraftState.SUGGESTED) {
            throw new IllegalArgumentException("draft " + suggestion.id() + " is offered as " + suggestion.state()
                    + "; a new suggestion is SUGGESTED");
        }
        drafts.saveNew(suggestion);
    }

    /** The agent changed the text; the store stamps the first edit and keeps the assistant's text unchanged. */
    public void edit(String draftId, String text) {
        drafts.updateText(draftId, text, now());
    }

    /** The agent threw the suggestion away; it is kept, marked DISCARDED, for the review metrics. */
    public void discard(String draftId) {
        drafts.transition(draftId, DraftState.DISCARDED, now());
    }

    /** The agent's thumbs up or down on a suggestion, with a reason. */
    public void feedback(Feedback feedback) {
        drafts.addFeedback(feedback);
    }

    /**
     * The customer wrote again, so the open suggestions answer a conversation that has moved on: they become
     * SUPERSEDED (kept, never silently replaced) and can no longer be approved.
     *
     * @return the ids of the drafts superseded
     */
    public List<String> customerWroteAgain(String ticketId) {
        return drafts.supersedeOpenDrafts(ticketId, now());
    }

    /**
     * Approves the reply, stores the approval with its queued reply in one transaction, then sends it.
     *
     * @throws ApprovalRefusedException       when the approval does not hold (blank text, another ticket, a closed
     *                                        or already approved draft, unconfirmed blocking flags); nothing was
     *                                        stored
     * @throws DraftClosedMeanwhileException  when the draft was superseded or discarded after the checks; nothing
     *                                        was stored
     * @throws NoSuchElementException         when the draft is unknown
     */
    public ApprovalReceipt approveAndSend(AgentApproval approval) throws ApprovalRefusedException {
        ApprovedReply reply = approvals.approve(asStored(approval));
        if (reply.draftId().isPresent()) {
            String draftId = reply.draftId().get();
            EditAudit edit = reply.edit().orElseThrow();
            try {
                drafts.approve(draftId, reply.approvedAt(), edit.distance(), edit.ratio(),
                        connection -> outbox.enqueue(connection, reply));
            } catch (IllegalStateException e) {
                throw new DraftClosedMeanwhileException(draftId, e);
            }
        } else {
            outbox.enqueue(reply);
        }
        send(reply);
        return ApprovalReceipt.of(reply);
    }

    /**
     * Delivers what is queued but not yet delivered, e.g. what a previous run approved before it stopped. Call
     * at start-up. Delivery is idempotent, so a reply delivered just before a crash is not delivered twice.
     */
    public DispatchReport resumeDeliveries() {
        return dispatcher.dispatchPending();
    }

    /** The approval with the stored draft in place of the window's copy, which may be stale. */
    private AgentApproval asStored(AgentApproval approval) {
        if (approval.draft().isEmpty()) {
            return approval;
        }
        String draftId = approval.draft().get().id();
        Draft stored = drafts.find(draftId)
                .orElseThrow(() -> new NoSuchElementException("no draft with id \"" + draftId + "\""))
                .draft();
        return AgentApproval.ofDraft(approval.agent(), approval.ticketId(), stored, approval.finalText(),
                approval.confirmedFlags());
    }

    /**
     * The approval is committed and the reply queued, so a failing channel must not tell the agent "not sent":
     * approving again would be refused, and the next {@link #resumeDeliveries()} delivers the queued reply.
     */
    private void send(ApprovedReply reply) {
        try {
            channel.send(reply);
        } catch (RuntimeException e) {
            LOG.warn("Reply {} is approved and queued; the channel did not take it now and the next dispatch"
                    + " delivers it: {}", reply.idempotencyKey(), e.toString());
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
