package io.agentassist.core.model;

import java.time.Instant;

/** An agent's thumbs up or down on a suggestion, with an optional reason. */
public record Feedback(String draftId, String agent, boolean helpful, String reason, Instant at) {
    public Feedback {
        reason = reason == null ? "" : reason;
    }
}
