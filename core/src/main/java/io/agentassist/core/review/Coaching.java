package io.agentassist.core.review;

import java.time.Instant;
import java.util.Objects;

/** A review as the agent sees it on one of their own sent replies: which reply, and what the lead said. */
public record Coaching(String draftId, String ticketId, String subject, Instant sentAt, DraftReview review) {
    public Coaching {
        Objects.requireNonNull(draftId, "draftId");
        Objects.requireNonNull(ticketId, "ticketId");
        subject = subject == null ? "" : subject;
        Objects.requireNonNull(sentAt, "sentAt");
        Objects.requireNonNull(review, "review");
    }
}
