package io.agentassist.core.assist.guardrails;

import io.agentassist.core.model.Ticket;
import java.util.List;
import java.util.Objects;

/**
 * Everything the guardrails need to judge one draft: its text (with the customer's real data already put
 * back), the passages the model was given, the ticket it answers and the instruction text we sent, so that
 * instructions repeated to the customer can be recognised.
 *
 * @param promptText the system and instruction text of the prompt, without the passages and the ticket; ""
 *                   when there was none (an offline draft)
 */
public record DraftUnderCheck(String draftText, List<PassageRef> passages, Ticket ticket, String promptText) {
    public DraftUnderCheck {
        draftText = draftText == null ? "" : draftText;
        passages = List.copyOf(passages);
        Objects.requireNonNull(ticket, "ticket");
        promptText = promptText == null ? "" : promptText;
    }
}
