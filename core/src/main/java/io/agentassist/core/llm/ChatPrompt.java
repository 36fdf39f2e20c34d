package io.agentassist.core.llm;

import java.util.List;

/**
 * Everything one model call sends: which prompt template and version produced it (logged with every call
 * and kept in the audit trail), the messages, and the sampling temperature.
 */
public record ChatPrompt(String promptId, String promptVersion, List<PromptMessage> messages, double temperature) {
    public ChatPrompt {
        messages = List.copyOf(messages);
    }
}
