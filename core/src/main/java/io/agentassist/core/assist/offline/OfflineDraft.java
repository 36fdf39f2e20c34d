package io.agentassist.core.assist.offline;

import io.agentassist.core.model.Citation;
import java.util.List;

/**
 * A reply suggested without a language model. Every factual sentence in {@code text} is quoted from a passage
 * and carries the marker {@code [n]} of its citation; the rest is the reply's fixed wording (greeting, lead-in,
 * sign-off). {@code citations} is empty when no passage answered the question and the draft says so.
 */
public record OfflineDraft(String text, List<Citation> citations) {
    /** The value of {@link io.agentassist.core.model.Draft#mode()} for drafts made here. */
    public static final String MODE = "offline";

    public OfflineDraft {
        text = text == null ? "" : text;
        citations = List.copyOf(citations);
    }

    /** Whether the draft quotes no passage (it promises to check and get back instead). */
    public boolean answersNothing() {
        return citations.isEmpty();
    }
}
