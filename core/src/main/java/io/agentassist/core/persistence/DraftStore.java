package io.agentassist.core.persistence;


import io.agentassist.core.model.Draft;
import io.agentassist.core.model.DraftState;
import io.agentassist.core.model.Feedback;
import io.agentassist.core.model.Flag;
import java.sql.Connection;
import java.sql.SQLException;
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

    /**
     * Work that must commit or roll back together with a draft's approval, on the approval's connection; it must
     * neither commit nor roll back. Queueing the approved reply is the reason it exists: an approval without its
     * queued reply (or the reverse) must never be committed.
     */
    @FunctionalInterface
    interface InApprovalTransaction {
        void run(Connection connection) throws SQLException;
    }

    /**
     * In one transaction: moves the draft from SUGGESTED or EDITED to APPROVED (stamping {@code at}), stores the
     * edit distance and ratio, and runs {@code alongWith}. If the draft is no longer open (superseded or
     * discarded meanwhile) nothing is written, {@code alongWith} does not run, and an
     * {@link IllegalStateException} names the state it is in; if {@code alongWith} throws, nothing is written
     * either. {@code alongWith} may run more than once when the transaction lost a race and is retried, so it
     * must be idempotent (enqueueing the same reply twice keeps one).
     */
    void approve(String draftId, Instant at, int editDistance, double editRatio, InApprovalTransaction alongWith);

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
