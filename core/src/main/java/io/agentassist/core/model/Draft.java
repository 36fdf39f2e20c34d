package io.agentassist.core.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A suggested reply and what became of it. {@code aiText} is what the assistant proposed and never changes;
 * {@code text} is the current text, which the agent edits. {@code mode} is "llm" or "offline".
 */
public record Draft(
        String id,
        String ticketId,
        DraftState state,
        String aiText,
        String text,
        List<Citation> citations,
        List<Flag> flags,
        String mode,
        String model,
        String promptVersion,
        Instant suggestedAt,
        Optional<Instant> firstEditAt,
        Optional<Instant> approvedAt,
        Optional<Instant> sentAt,
        String agent) {

    public Draft {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(state, "state");
        aiText = aiText == null ? "" : aiText;
        text = text == null ? "" : text;
        citations = List.copyOf(citations);
        flags = List.copyOf(flags);
        mode = mode == null ? "" : mode;
        model = model == null ? "" : model;
        promptVersion = promptVersion == null ? "" : promptVersion;
        Objects.requireNonNull(suggestedAt, "suggestedAt");
        firstEditAt = firstEditAt == null ? Optional.empty() : firstEditAt;
        approvedAt = approvedAt == null ? Optional.empty() : approvedAt;
        sentAt = sentAt == null ? Optional.empty() : sentAt;
        agent = agent == null ? "" : agent;
    }

    public Draft withState(DraftState newState) {
        return new Draft(id, ticketId, newState, aiText, text, citations, flags, mode, model, promptVersion,
                suggestedAt, firstEditAt, approvedAt, sentAt, agent);
    }
}
