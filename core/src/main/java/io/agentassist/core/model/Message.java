package io.agentassist.core.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One message of a ticket. {@code id} is stable (from the source, or derived from ticket, time and text) so
 * importing the same file twice does not duplicate it.
 */
public record Message(String id, Author author, String text, Instant at) {
    public Message {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(at, "at");
        text = text == null ? "" : text;
    }
}
