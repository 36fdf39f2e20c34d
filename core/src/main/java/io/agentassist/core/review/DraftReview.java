package io.agentassist.core.review;

import java.time.Instant;
import java.util.Objects;

/**
 * A team lead's review of a sent reply: the rubric and a coaching comment, which the agent who sent the
 * reply reads beside their draft. A reply may be reviewed more than once; the newest review counts in the
 * metrics. {@code coaching} may be empty (scores only).
 */
public record DraftReview(String draftId, String reviewer, Rubric rubric, String coaching, Instant reviewedAt) {
    public DraftReview {
        if (draftId == null || draftId.isBlank()) {
            throw new IllegalArgumentException("a review needs the id of the draft it reviews");
        }
        if (reviewer == null || reviewer.isBlank()) {
            throw new IllegalArgumentException("a review needs the name of the reviewer");
        }
        reviewer = reviewer.strip();
        Objects.requireNonNull(rubric, "rubric");
        coaching = coaching == null ? "" : coaching.strip();
        Objects.requireNonNull(reviewedAt, "reviewedAt");
    }
}
