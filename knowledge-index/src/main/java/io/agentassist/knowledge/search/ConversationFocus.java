package io.agentassist.knowledge.search;

import io.agentassist.core.conversation.Conversation;
import io.agentassist.core.conversation.Turn;
import io.agentassist.knowledge.index.KnowledgeAnalyzers;
import io.agentassist.knowledge.search.NameCatalog.Name;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Works out what a conversation is about: the names mentioned in the most recent turn, by either side,
 * that mentions any. "Are their bathrooms clean?" asked after the agent recommended a hotel is about that
 * hotel, even though the question itself names nothing.
 */
final class ConversationFocus {
    private final MentionFinder finder;

    ConversationFocus(MentionFinder finder) {
        this.finder = finder;
    }

    /** The focus keys (normalised names), sorted; empty when the conversation names nothing known. */
    Set<String> of(Conversation conversation) {
        List<Turn> turns = conversation.turns();
        for (int i = turns.size() - 1; i >= 0; i--) {
            Set<Name> mentioned = finder.mentionedIn(KnowledgeAnalyzers.nameTokens(turns.get(i).text()));
            if (!mentioned.isEmpty()) {
                Set<String> keys = new TreeSet<>();
                mentioned.forEach(name -> keys.add(name.key()));
                return keys;
            }
        }
        return Set.of();
    }
}
