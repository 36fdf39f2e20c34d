package io.agentassist.core.persistence;

import io.agentassist.core.model.Draft;
import io.agentassist.core.model.DraftState;
import io.agentassist.core.model.Feedback;
import io.agentassist.core.model.Flag;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Suggested replies and what became of them, kept for the review metrics (how much agents edit, how often they
 * approve, discard or never get to a suggestion). Drafts are never deleted or replaced: a draft overtaken by a
 * new customer message is marked {@link DraftState#SUPERSEDED}.
 *
 * <p>State changes are checked in the database ({@code UPDATE … WHERE state IN …}), so when two windows race
 * (an agent approves while the watcher supersedes) exactly one wins and the other gets an
 * {@link IllegalStateException}. Allowed: SUGGESTED/EDITED → APPROVED, SUPERSEDED; SUGGESTED/EDITED/APPROVED →
 * DISCARDED; APPROVED → SENT. An unknown draft or ticket id gives {@link java.util.NoSuchElementException}.
 */
public interface DraftStore {

    /** Stores a new draft with its citations and flags; its ticket must exist and its id must be new. */
    void saveNew(Draft draft);

    /**
     * The agent's current text. The first change sets {@code first_edit_at} (once) and moves SUGGESTED to EDITED;
     * the same text again changes nothing. Only SUGGESTED or EDITED drafts can be edited.
     */
    void updateText(String draftId, String text, Instant at);

    /** Moves the draft to APPROVED, SENT, DISCARDED or SUPERSEDED, stamping the matching time. */
    void transition(String draftId, DraftState target, Instant at);

    /**
     * Marks every SUGGESTED or EDITED draft of the ticket SUPERSEDED, e.g. because the customer wrote again.
     *
     * @return the ids of the drafts it superseded
     */
    List<String> supersedeOpenDrafts(String ticketId, Instant at);

    /** Stores the edit distance and ratio between ai_text and the final text, as computed by the caller. */
    void recordEdit(String draftId, int editDistance, double editRatio);

    /** Replaces the draft's flags, e.g. after the guardrails ran again on the edited text. */
    void replaceFlags(String draftId, List<Flag> flags);

    void addFeedback(Feedback feedback);

    /** The ticket's drafts with citations and flags, oldest suggestion first. */
    List<Draft> listForTicket(String ticketId);

    Optional<StoredDraft> find(String draftId);
}
