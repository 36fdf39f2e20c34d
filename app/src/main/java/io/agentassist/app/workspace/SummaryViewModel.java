package io.agentassist.app.workspace;

import io.agentassist.core.model.CaseSummary;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** The case summary of the open ticket, so the customer never has to repeat themselves. */
public final class SummaryViewModel {

    public enum State { NONE, LOADING, READY, FAILED }

    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.NONE);
    private final ReadOnlyObjectWrapper<CaseSummary> summary = new ReadOnlyObjectWrapper<>(this, "summary");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "note", "");

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<CaseSummary> summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public Optional<CaseSummary> summary() {
        return Optional.ofNullable(summary.get());
    }

    /** Why the summary is offline or missing, "" when there is nothing to say. */
    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    void clear() {
        summary.set(null);
        note.set("");
        state.set(State.NONE);
    }

    void loading() {
        state.set(State.LOADING);
    }

    void show(CaseSummary shown, String why) {
        summary.set(shown);
        note.set(why);
        state.set(State.READY);
    }

    void failed(String why) {
        note.set(why);
        state.set(State.FAILED);
    }
}
