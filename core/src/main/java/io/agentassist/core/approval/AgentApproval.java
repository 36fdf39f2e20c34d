package io.agentassist.core.approval;

import io.agentassist.core.model.Draft;
import io.agentassist.core.model.Flag;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * What the agent did when pressing "approve": who, on which ticket, from which suggestion (or none, when the
 * agent wrote the reply from scratch), the text as it stands now, and the blocking flags the agent looked at and
 * confirmed. {@link ApprovalService#approve} checks it and, if it holds, turns it into an {@link ApprovedReply}.
 *
 * <p>{@code ticketId} is the ticket the agent has open, given separately from the draft so that a draft of
 * another ticket (a stale view, a mix-up) is refused instead of being sent to the wrong customer.
 * {@code confirmedFlags} names the flags themselves rather than saying "yes" once: a flag that appeared after
 * the agent confirmed (the guardrails ran again) is not covered by an older confirmation.
 */
public record AgentApproval(String agent, String ticketId, Optional<Draft> draft, String finalText,
                            Set<Flag> confirmedFlags) {

    public AgentApproval {
        agent = agent == null ? "" : agent;
        ticketId = ticketId == null ? "" : ticketId;
        draft = draft == null ? Optional.empty() : draft;
        finalText = finalText == null ? "" : finalText;
        confirmedFlags = confirmedFlags == null ? Set.of() : Set.copyOf(confirmedFlags);
    }

    /** Approving a suggestion, possibly edited, as {@code finalText}. */
    public static AgentApproval ofDraft(String agent, String ticketId, Draft draft, String finalText,
                                        Collection<Flag> confirmedFlags) {
        return new AgentApproval(agent, ticketId, Optional.of(draft), finalText, Set.copyOf(confirmedFlags));
    }

    /** Approving a reply the agent wrote without a suggestion. */
    public static AgentApproval written(String agent, String ticketId, String text) {
        return new AgentApproval(agent, ticketId, Optional.empty(), text, Set.of());
    }
}
