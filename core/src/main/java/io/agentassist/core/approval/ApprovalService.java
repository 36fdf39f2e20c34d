package io.agentassist.core.approval;

import io.agentassist.core.approval.ApprovalRefusedException.Reason;
import io.agentassist.core.model.Draft;
import io.agentassist.core.model.DraftState;
import io.agentassist.core.model.Flag;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * The one place a new {@link ApprovedReply} is made, and only from an explicit {@link AgentApproval}. It refuses
 * what must not be sent: a blank text, a draft of another ticket, a draft that was already sent, discarded,
 * superseded or approved, and a draft whose blocking flags the agent has not confirmed. On approval it records
 * how much the agent changed the suggestion ({@link EditAudit}).
 *
 * <p>Approving does not send and does not store anything: the caller records the approval and enqueues the
 * reply ({@link Outbox#enqueue(java.sql.Connection, ApprovedReply)}) in one transaction, then hands it to the
 * outbound channel. The outbox refuses a second reply for the same draft, which closes the gap between two
 * approvals racing past {@link ApprovalLog#hasApproved}.
 */
public final class ApprovalService {
    private final Clock clock;
    private final ApprovalLog approvals;

    public ApprovalService(Clock clock, ApprovalLog approvals) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.approvals = Objects.requireNonNull(approvals, "approvals");
    }

    public ApprovedReply approve(AgentApproval approval) throws ApprovalRefusedException {
        Objects.requireNonNull(approval, "approval");
        if (approval.agent().isBlank()) {
            throw new ApprovalRefusedException(Reason.NO_AGENT, "An approval needs the name of the agent who gives it.");
        }
        if (approval.ticketId().isBlank()) {
            throw new ApprovalRefusedException(Reason.NO_TICKET, "An approval needs the ticket it answers.");
        }
        if (approval.finalText().isBlank()) {
            throw new ApprovalRefusedException(Reason.BLANK_TEXT, "The reply is empty; there is nothing to send.");
        }
        if (approval.draft().isEmpty()) {
            return new ApprovedReply(newKey(), approval.ticketId(), null, approval.agent(), approval.finalText(),
                    now(), false, null);
        }
        Draft draft = approval.draft().get();
        checkDraftCanBeApproved(approval, draft);
        List<Flag> blocking = draft.flags().stream().filter(Flag::blocking).toList();
        List<Flag> unconfirmed = blocking.stream().filter(flag -> !approval.confirmedFlags().contains(flag)).toList();
        if (!unconfirmed.isEmpty()) {
            throw new ApprovalRefusedException(Reason.UNCONFIRMED_BLOCKING_FLAGS,
                    "Confirm " + (unconfirmed.size() == 1 ? "this flag" : "these " + unconfirmed.size() + " flags")
                            + " before approving: " + describe(unconfirmed),
                    unconfirmed);
        }
        return new ApprovedReply(newKey(), approval.ticketId(), draft.id(), approval.agent(), approval.finalText(),
                now(), !blocking.isEmpty(), EditAudit.between(draft.aiText(), approval.finalText()));
    }

    private void checkDraftCanBeApproved(AgentApproval approval, Draft draft) throws ApprovalRefusedException {
        if (!draft.ticketId().equals(approval.ticketId())) {
            throw new ApprovalRefusedException(Reason.OTHER_TICKET, "Draft " + draft.id() + " answers ticket "
                    + draft.ticketId() + ", not ticket " + approval.ticketId() + ".");
        }
        if (draft.state().isFinal()) {
            throw new ApprovalRefusedException(Reason.DRAFT_CLOSED, "Draft " + draft.id() + " was already "
                    + draft.state().name().toLowerCase(Locale.ROOT) + " and can no longer be approved.");
        }
        if (draft.state() == DraftState.APPROVED || approvals.hasApproved(draft.id())) {
            throw new ApprovalRefusedException(Reason.ALREADY_APPROVED,
                    "Draft " + draft.id() + " was already approved; approving it again would send it twice.");
        }
    }

    private static String describe(List<Flag> flags) {
        StringBuilder text = new StringBuilder();
        for (Flag flag : flags) {
            if (!text.isEmpty()) {
                text.append("; ");
            }
            text.append(flag.kind()).append(flag.detail().isBlank() ? "" : " (" + flag.detail() + ")");
        }
        return text.toString();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static UUID newKey() {
        return UUID.randomUUID();
    }
}
