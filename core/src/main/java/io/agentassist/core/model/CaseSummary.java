package io.agentassist.core.model;

import java.util.List;

/**
 * A case summary an agent can act on without rereading the ticket. {@code mode} is "llm" or "offline".
 * {@code sentiment} is one of "negative", "neutral", "positive".
 */
public record CaseSummary(
        String intent,
        String whatHappened,
        List<String> triedOrPromised,
        List<String> openQuestions,
        String nextStep,
        String sentiment,
        String mode) {

    public CaseSummary {
        triedOrPromised = List.copyOf(triedOrPromised);
        openQuestions = List.copyOf(openQuestions);
    }
}
