package io.agentassist.core.assist.reply;

import io.agentassist.core.knowledge.KnowledgeHit;
import io.agentassist.core.model.Draft;
import java.util.List;
import java.util.Optional;

/**
 * A suggested reply: the draft (state SUGGESTED, flags and citations attached), the passages it was built
 * from, and — when a configured model failed and the offline draft stands in — what went wrong, so the window
 * can say "offline: the model timed out" rather than nothing.
 */
public record Suggestion(Draft draft, List<KnowledgeHit> passages, Optional<String> modelProblem) {
    public Suggestion {
        passages = List.copyOf(passages);
    }

    public boolean offline() {
        return "offline".equals(draft.mode());
    }
}
