package io.agentassist.core.conversation;

import java.util.Objects;

/** One message of a conversation as retrieval sees it: who said it and what they said. */
public record Turn(Speaker speaker, String text) {
    public Turn {
        Objects.requireNonNull(speaker, "speaker");
        text = text == null ? "" : text;
    }

    public static Turn customer(String text) {
        return new Turn(Speaker.CUSTOMER, text);
    }

    public static Turn agent(String text) {
        return new Turn(Speaker.AGENT, text);
    }
}
