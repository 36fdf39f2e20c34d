package io.agentassist.knowledge.eval;

import io.agentassist.core.conversation.Conversation;
import java.util.Objects;
import java.util.Set;

/**
 * One question of an evaluation set: the conversation as it stood when the agent needed knowledge, and the
 * ids of the articles that answer it. Relevance is judged per article, not per chunk, because a person
 * marks "this article answers it" without knowing how the indexer cut the article up.
 */
public record EvalItem(String id, Conversation conversation, Set<String> relevant) {

    public EvalItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(conversation, "conversation");
        relevant = Set.copyOf(relevant);
        if (relevant.isEmpty()) {
            // recall divides by the number of relevant articles, so an item without any has no score
            throw new IllegalArgumentException("eval item \"" + id + "\" has no relevant articles");
        }
    }
}
