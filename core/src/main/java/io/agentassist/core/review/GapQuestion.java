package io.agentassist.core.review;

import java.time.Instant;
import java.util.Objects;

/** One "no knowledge found" event: a customer's question on a ticket that retrieval found nothing relevant for. */
public record GapQuestion(String ticketId, String question, Instant at) {
    public GapQuestion {
        Objects.requireNonNull(ticketId, "ticketId");
        question = question == null ? "" : question;
        Objects.requireNonNull(at, "at");
    }
}
