package io.agentassist.core.desk;

import io.agentassist.core.model.Draft;
import io.agentassist.core.model.DraftState;
import io.agentassist.core.model.Feedback;
import io.agentassist.core.model.Flag;
import io.agentassist.core.persistence.DraftStore;
import io.agentassist.core.persistence.StoredDraft;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A real draft store in which the customer writes again right after every read of a draft: the race between
 * the desk's approval checks (on what it read) and its approval transaction, made to happen every time.
 */
final class SupersedingAfterRead implements DraftStore {
    private final DraftStore store;
    private final Clock clock;

    SupersedingAfterRead(DraftStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public Optional<StoredDraft> find(String draftId) {
        Optional<StoredDraft> found = store.find(draftId);
        found.ifPresent(stored -> store.supersedeOpenDrafts(stored.draft().ticketId(), clock.instant()));
        return found;
    }

    @Override
    public void saveNew(Draft draft) {
        store.saveNew(draft);
    }

    @Override
    public void updateText(String draftId, String text, Instant at) {
        store.updateText(draftId, text, at);
    }

    @Override
    public void approve(String draftId, Instant at, int editDistance, double editRatio,
                        InApprovalTransaction alongWith) {
        store.approve(draftId, at, editDistance, editRatio, alongWith);
    }

    @Override
    public void transition(String draftId, DraftState target, Instant at) {
        store.transition(draftId, target, at);
    }

    @Override
    public List<String> supersedeOpenDrafts(String ticketId, Instant at) {
        return store.supersedeOpenDrafts(ticketId, at);
    }

    @Override
    public void recordEdit(String draftId, int editDistance, double editRatio) {
        store.recordEdit(draftId, editDistance, editRatio);
    }

    @Override
    public void replaceFlags(String draftId, List<Flag> flags) {
        store.replaceFlags(draftId, flags);
    }

    @Override
    public void addFeedback(Feedback feedback) {
        store.addFeedback(feedback);
    }

    @Override
    public List<Draft> listForTicket(String ticketId) {
        return store.listForTicket(ticketId);
    }
}
