package io.agentassist.core.knowledge;

import io.agentassist.core.conversation.Conversation;
import java.util.Map;
import java.util.Objects;

/**
 * A request for knowledge: the conversation so far, how to rank, how many hits, and exact-match metadata
 * filters (for example {@code category=billing} or {@code locale=de}).
 */
public record KnowledgeQuery(Conversation conversation, SearchMode mode, int limit, Map<String, String> filters) {
    public static final int DEFAULT_LIMIT = 5;

    public KnowledgeQuery {
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(mode, "mode");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        filters = Map.copyOf(filters);
    }

    public static KnowledgeQuery of(Conversation conversation, int limit) {
        return new KnowledgeQuery(conversation, SearchMode.HYBRID, limit, Map.of());
    }

    public static KnowledgeQuery ofText(String text, SearchMode mode, int limit) {
        return new KnowledgeQuery(Conversation.ofCustomerText(text), mode, limit, Map.of());
    }

    public KnowledgeQuery withMode(SearchMode newMode) {
        return new KnowledgeQuery(conversation, newMode, limit, filters);
    }
}
