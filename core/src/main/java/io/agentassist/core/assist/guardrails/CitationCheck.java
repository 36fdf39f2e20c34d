package io.agentassist.core.assist.guardrails;

import io.agentassist.core.model.Flag;
import io.agentassist.core.model.FlagKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Citations must point at what the model was shown. A marker with no passage behind it is worse than no
 * marker: it looks like a source and is none. A factual sentence with no marker at all is the usual shape
 * of a made-up policy, so it is flagged too ({@link Claims} says what counts as factual).
 */
final class CitationCheck {

    private CitationCheck() {
    }

    static List<Flag> unknownCitations(DraftUnderCheck draft) {
        Set<Integer> given = new TreeSet<>();
        draft.passages().forEach(p -> given.add(p.marker()));
        List<Flag> flags = new ArrayList<>();
        for (int marker : CitationMarkers.parse(draft.draftText())) {
            if (!given.contains(marker)) {
                String sources = given.isEmpty()
                        ? "no passages were given to the assistant"
                        : "the assistant was given only " + Texts.markers(List.copyOf(given));
                flags.add(Flag.blocking(FlagKind.UNKNOWN_CITATION, "The draft cites [" + marker + "], but " + sources
                        + ". [" + marker + "] points to no source: remove it, and check the sentence it supports "
                        + "before sending."));
            }
        }
        return flags;
    }

    static List<Flag> uncitedClaims(DraftUnderCheck draft, Set<String> ticketKeys) {
        List<Flag> flags = new ArrayList<>();
        for (Sentences.Sentence sentence : Sentences.split(draft.draftText())) {
            if (CitationMarkers.parse(sentence.text()).isEmpty() && Claims.isFactual(sentence.text(), ticketKeys)) {
                flags.add(Flag.blocking(FlagKind.UNCITED_CLAIM, "This sentence states a fact but cites no source: "
                        + Texts.quote(sentence.text()) + ". Check it against the knowledge base before sending, or "
                        + "remove it."));
            }
        }
        return flags;
    }
}
