package io.agentassist.core.assist.reply;

import io.agentassist.core.llm.ChatPrompt;
import java.util.List;

/** The prompt sent for a suggested reply, with the passages its markers refer to. */
public record ReplyPrompt(ChatPrompt chat, List<NumberedPassage> passages) {
    public ReplyPrompt {
        passages = List.copyOf(passages);
    }
}
