package io.agentassist.app.workspace;

import io.agentassist.core.assist.reply.Suggestion;
import io.agentassist.core.model.Citation;
import io.agentassist.core.model.Flag;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The co-pilot's suggested reply: its text as it streams in, then the finished suggestion with citations,
 * plus the flags the agent should read (about the customer from the moment the ticket opens; about the
 * draft once it is there). The suggestion itself is never sent: the agent takes it into the editor.
 */
public final class SuggestionViewModel {

    /** Where the suggestion stands. */
    public enum State {
        /** No ticket open, or nothing asked yet. */
        NONE,
        /** The knowledge index is still being built; the draft starts when it is ready. */
        WAITING_FOR_KNOWLEDGE,
        /** Retrieval and the model are at work; text arrives as it is written. */
        DRAFTING,
        /** The model answered with an error that is retried (rate limit, server error). */
        RETRYING,
        /** The suggestion is complete (from the model, or the offline draft). */
        READY,
        /** No suggestion could be made; the editor still works. */
        FAILED
    }

    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.NONE);
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyObjectWrapper<Suggestion> suggestion = new ReadOnlyObjectWrapper<>(this, "suggestion");
    private final ObservableList<Citation> citations = FXCollections.observableArrayList();
    private final ObservableList<Citation> citationsView = FXCollections.unmodifiableObservableList(citations);
    private final ObservableList<FlagItem> flags = FXCollections.observableArrayList();
    private final ObservableList<FlagItem> flagsView = FXCollections.unmodifiableObservableList(flags);
    private final ReadOnlyObjectWrapper<Boolean> feedback = new ReadOnlyObjectWrapper<>(this, "feedback");
    private List<Flag> ticketFlags = List.of();

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public State state() {
        return state.get();
    }

    /** The suggested text so far. */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** One line on what is going on: "Drafting with gpt-4o-mini", "Retrying: rate limited", why it is offline. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Suggestion> suggestionProperty() {
        return suggestion.getReadOnlyProperty();
    }

    public Optional<Suggestion> suggestion() {
        return Optional.ofNullable(suggestion.get());
    }

    public ObservableList<Citation> citations() {
        return citationsView;
    }

    /** Ticket flags first, then the draft's, each once. */
    public ObservableList<FlagItem> flags() {
        return flagsView;
    }

    /** The agent's rating of this suggestion: true helpful, false not, null not rated. */
    public ReadOnlyObjectProperty<Boolean> feedbackProperty() {
        return feedback.getReadOnlyProperty();
    }

    void clear() {
        ticketFlags = List.of();
        suggestion.set(null);
        text.set("");
        status.set("");
        citations.clear();
        flags.clear();
        feedback.set(null);
        state.set(State.NONE);
    }

    void ticketFlags(List<Flag> found) {
        ticketFlags = List.copyOf(found);
        showFlags(suggestion().map(s -> s.draft().flags()).orElse(List.of()));
    }

    /** No suggestion asked for, and why (the customer has not written since the last reply). */
    void idle(String why) {
        status.set(why);
        state.set(State.NONE);
    }

    void waitingForKnowledge() {
        status.set("Waiting for the knowledge index to be built…");
        state.set(State.WAITING_FOR_KNOWLEDGE);
    }

    void drafting(String why) {
        suggestion.set(null);
        citations.clear();
        feedback.set(null);
        text.set("");
        status.set(why);
        showFlags(List.of());
        state.set(State.DRAFTING);
    }

    void progress(String soFar) {
        text.set(soFar);
        if (state.get() == State.RETRYING) {
            state.set(State.DRAFTING);
        }
    }

    void retrying(String reason) {
        text.set("");
        status.set("Retrying: " + reason);
        state.set(State.RETRYING);
    }

    void ready(Suggestion finished, String why) {
        suggestion.set(finished);
        text.set(finished.draft().text());
        citations.setAll(finished.draft().citations());
        status.set(why);
        feedback.set(null);
        showFlags(finished.draft().flags());
        state.set(State.READY);
    }

    void failed(String why) {
        status.set(why);
        state.set(State.FAILED);
    }

    /** The reply went out: the suggestion is done with; the flags about the customer stay. */
    void sent() {
        suggestion.set(null);
        text.set("");
        citations.clear();
        feedback.set(null);
        status.set("Reply sent.");
        showFlags(List.of());
        state.set(State.NONE);
    }

    void rated(boolean helpful) {
        feedback.set(helpful);
    }

    private void showFlags(List<Flag> draftFlags) {
        Set<Flag> all = new LinkedHashSet<>(ticketFlags);
        all.addAll(draftFlags);
        flags.setAll(all.stream().map(FlagItem::of).toList());
    }
}
