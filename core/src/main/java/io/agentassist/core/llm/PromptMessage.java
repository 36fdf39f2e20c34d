package io.agentassist.core.llm;

import java.util.Objects;

/** One message of a chat prompt as sent to the model. */
public record PromptMessage(PromptRole role, String text) {
    public PromptMessage {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(text, "text");
    }
}
