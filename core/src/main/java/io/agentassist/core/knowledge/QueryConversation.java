package io.agentassist.core.knowledge;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.rag.query.Query;
import io.agentassist.core.conversation.Conversation;
import io.agentassist.core.conversation.Speaker;
import io.agentassist.core.conversation.Turn;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Rebuilds the conversation behind a LangChain4j {@link Query}. Our search is conversation-aware (a
 * follow-up such as "is it clean?" is resolved against what was named earlier), and LangChain4j hands the
 * earlier messages over as the query's chat memory, so retrieval sees the same history the model does.
 */
final class QueryConversation {

    private QueryConversation() {
    }

    /**
     * User messages become customer turns and AI messages agent turns, oldest first. System prompts, tool
     * calls and tool results are skipped: they are not what the customer and agent said. The query text is
     * the newest customer turn; it is added unless the memory already ends with it, because LangChain4j
     * passes the memory as it was before the current message, while hand-built queries may include it.
     */
    static Conversation of(Query query) {
        List<Turn> turns = new ArrayList<>();
        List<ChatMessage> memory = query.metadata() == null ? null : query.metadata().chatMemory();
        if (memory != null) {
            for (ChatMessage message : memory) {
                Turn turn = turnOf(message);
                if (turn != null) {
                    turns.add(turn);
                }
            }
        }
        Turn current = Turn.customer(query.text());
        if (turns.isEmpty() || !isSameCustomerTurn(turns.getLast(), current)) {
            turns.add(current);
        }
        return new Conversation(turns);
    }

    private static Turn turnOf(ChatMessage message) {
        String text = switch (message) {
            case UserMessage user -> textOf(user);
            case AiMessage ai -> ai.text();
            default -> null;
        };
        if (text == null || text.isBlank()) {
            return null; // an AI message that only calls tools, or a user message of images
        }
        return message instanceof UserMessage ? Turn.customer(text) : Turn.agent(text);
    }

    private static String textOf(UserMessage user) {
        return user.contents().stream()
                .filter(TextContent.class::isInstance)
                .map(content -> ((TextContent) content).text())
                .collect(Collectors.joining("\n"));
    }

    private static boolean isSameCustomerTurn(Turn last, Turn current) {
        return last.speaker() == Speaker.CUSTOMER && last.text().strip().equals(current.text().strip());
    }
}
