package io.agentassist.core.approval;

import io.agentassist.core.model.Author;
import io.agentassist.core.model.Message;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A reply an agent approved for sending: the only thing an {@link io.agentassist.core.outbound.OutboundChannel}
 * accepts, so "nothing reaches a customer without the agent's approval" is a property of the types, not of a
 * prompt or a code review.
 *
 * <p><b>Why a final class and not a record.</b> A record's canonical constructor is always as visible as the
 * record, so anyone could write {@code new ApprovedReply(...)}. Here the constructor is package-private and
 * only {@link ApprovalService} (making a new approval) and {@link Outbox} (reading back one it stored) call it;
 * {@code ApprovalArchitectureTest} fails the build if anything else does. There are no "with" methods (an
 * approved text cannot be changed into another one afterwards) and the class is not {@code Serializable}
 * (deserialization would create instances without the constructor).
 *
 * <p>{@link #idempotencyKey()} identifies this approval everywhere it goes: the outbox row, the delivered file,
 * the message appended to the ticket. Delivering the same reply twice therefore has the effect of once.
 */
public final class ApprovedReply {
    private final UUID idempotencyKey;
    private final String ticketId;
    private final String draftId;
    private final String agent;
    private final String text;
    private final Instant approvedAt;
    private final boolean blockingFlagsConfirmed;
    private final EditAudit edit;

    /**
     * Package-private on purpose; see the class comment. {@code draftId} and {@code edit} are null for a reply
     * the agent wrote from scratch.
     */
    ApprovedReply(UUID idempotencyKey, String ticketId, String draftId, String agent, String text,
                  Instant approvedAt, boolean blockingFlagsConfirmed, EditAudit edit) {
        this.idempotencyKey = Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        this.ticketId = Objects.requireNonNull(ticketId, "ticketId");
        this.draftId = draftId;
        this.agent = Objects.requireNonNull(agent, "agent");
        this.text = Objects.requireNonNull(text, "text");
        this.approvedAt = Objects.requireNonNull(approvedAt, "approvedAt");
        this.blockingFlagsConfirmed = blockingFlagsConfirmed;
        this.edit = edit;
        if (ticketId.isBlank() || agent.isBlank() || text.isBlank()) {
            throw new IllegalArgumentException("an approved reply needs a ticket, an agent and a text");
        }
        if ((draftId == null) != (edit == null)) {
            throw new IllegalArgumentException("edit figures exist exactly when the reply came from a draft");
        }
    }

    /** Identifies this approval in the outbox, the delivered file and the ticket's message list. */
    public UUID idempotencyKey() {
        return idempotencyKey;
    }

    public String ticketId() {
        return ticketId;
    }

    /** The suggestion this reply was approved from; empty when the agent wrote the reply from scratch. */
    public Optional<String> draftId() {
        return Optional.ofNullable(draftId);
    }

    /** Who approved it. */
    public String agent() {
        return agent;
    }

    /** Exactly the text the agent approved; this is what the customer receives. */
    public String text() {
        return text;
    }

    /** When the agent approved it, to the microsecond (the precision both H2 and PostgreSQL keep). */
    public Instant approvedAt() {
        return approvedAt;
    }

    /**
     * True when the draft had blocking flags (a commitment, an unsupported number, ...) and the agent explicitly
     * confirmed every one of them; false when there was nothing to confirm.
     */
    public boolean blockingFlagsConfirmed() {
        return blockingFlagsConfirmed;
    }

    /** How much the agent changed the suggestion; empty when the agent wrote the reply from scratch. */
    public Optional<EditAudit> edit() {
        return Optional.ofNullable(edit);
    }

    /**
     * The message this reply becomes on its ticket: written by the agent, with the idempotency key as its id
     * (so appending it twice keeps one) and the approval time as its time (so every attempt builds the same
     * message).
     */
    public Message asMessage() {
        return new Message(idempotencyKey.toString(), Author.AGENT, text, approvedAt);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ApprovedReply that
                && idempotencyKey.equals(that.idempotencyKey)
                && ticketId.equals(that.ticketId)
                && Objects.equals(draftId, that.draftId)
                && agent.equals(that.agent)
                && text.equals(that.text)
                && approvedAt.equals(that.approvedAt)
                && blockingFlagsConfirmed == that.blockingFlagsConfirmed
                && Objects.equals(edit, that.edit);
    }

    @Override
    public int hashCode() {
        return idempotencyKey.hashCode();
    }

    /** Names the approval without the text, which may hold personal data and does not belong in logs. */
    @Override
    public String toString() {
        return "ApprovedReply[key=" + idempotencyKey + ", ticket=" + ticketId + ", draft="
                + (draftId == null ? "none" : draftId) + ", agent=" + agent + ", at=" + approvedAt + "]";
    }
}
