package io.agentassist.core.approval;

import io.agentassist.core.model.Draft;
import io.agentassist.core.model.DraftState;
import io.agentassist.core.model.Flag;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Drafts for approval tests: a suggestion on ticket T-1 unless said otherwise. */
public final class Drafts {
    public static final Instant SUGGESTED_AT = Instant.parse("2026-03-02T09:15:00Z");

    private Drafts() {
    }

    public static Draft suggested(String id, String ticketId, String aiText, Flag... flags) {
        return new Draft(id, ticketId, DraftState.SUGGESTED, aiText, aiText, List.of(), List.of(flags), "llm",
                "test-model", "reply-v1", SUGGESTED_AT, Optional.empty(), Optional.empty(), Optional.empty(), "");
    }
}
