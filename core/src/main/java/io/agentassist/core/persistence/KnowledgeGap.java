package io.agentassist.core.persistence;

import java.time.Instant;
import java.util.Objects;

/** A question the knowledge base had no answer for, so authors can see what articles are missing. */
public record KnowledgeGap(String ticketId, String question, Instant at) {
    public KnowledgeGap {
        Objects.requireNonNull(ticketId, "ticketId");
        question = question == null ? "" : question;
        Objects.requireNonNull(at, "at");
    }
}
