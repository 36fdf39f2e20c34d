package io.agentassist.app.workspace;

import io.agentassist.core.model.Draft;
import io.agentassist.core.model.Flag;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The reply being written. It is the agent's text: the assistant's suggestion lands here only when the editor
 * is empty or when the agent takes it ("use suggestion"), never while they are typing. While the text is the
 * suggestion as proposed it is marked as AI text; the first edit makes it the agent's.
 *
 * <p>{@code stale} means the customer wrote again after this draft was suggested: the text stays, the agent
 * decides whether it still fits.
 */
public final class ReplyEditorViewModel {
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
    private final ReadOnlyObjectWrapper<Draft> draft = new ReadOnlyObjectWrapper<>(this, "draft");
    private final ReadOnlyBooleanWrapper aiText = new ReadOnlyBooleanWrapper(this, "aiText");
    private final ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper(this, "stale");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final ReadOnlyBooleanWrapper canSend = new ReadOnlyBooleanWrapper(this, "canSend");
    private final Set<Flag> checkedFlags = new HashSet<>();

    ReplyEditorViewModel() {
        canSend.bind(Bindings.createBooleanBinding(() -> !text.get().isBlank(), text).and(busy.not()));
    }

    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    public String text() {
        return text.get();
    }

    /** The suggestion this reply started from, if any. */
    public ReadOnlyObjectProperty<Draft> draftProperty() {
        return draft.getReadOnlyProperty();
    }

    public Optional<Draft> draft() {
        return Optional.ofNullable(draft.get());
    }

    /** True while the text is the assistant's suggestion, unedited. */
    public ReadOnlyBooleanProperty aiTextProperty() {
        return aiText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty staleProperty() {
        return stale.getReadOnlyProperty();
    }

    /** True while the reply is being approved and sent. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** A line for the agent: "Sent", "Restored your unsent reply", why sending was refused. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canSendProperty() {
        return canSend.getReadOnlyProperty();
    }

    /** Blocking flags the agent has looked at and checked off. */
    public Set<Flag> checkedFlags() {
        return Set.copyOf(checkedFlags);
    }

    boolean isEmpty() {
        return text.get().isBlank();
    }

    /** The agent typed: the text is theirs now. */
    void typed(String newText) {
        text.set(newText == null ? "" : newText);
        aiText.set(draft.get() != null && text.get().equals(draft.get().aiText()));
    }

    /** Puts a suggestion (or a restored reply) in the editor. */
    void load(String newText, Draft from) {
        draft.set(from);
        text.set(newText == null ? "" : newText);
        aiText.set(from != null && text.get().equals(from.aiText()));
        stale.set(false);
        checkedFlags.clear();
    }

    void clear() {
        load("", null);
        notice.set("");
        busy.set(false);
    }

    /** The customer wrote again: the draft behind the text is closed; the text stays. */
    void superseded() {
        if (draft.get() != null && !draft.get().state().isFinal()) {
            draft.set(draft.get().withState(io.agentassist.core.model.DraftState.SUPERSEDED));
        }
    }

    void stale(boolean value) {
        stale.set(value);
    }

    void busy(boolean value) {
        busy.set(value);
    }

    void notice(String message) {
        notice.set(message == null ? "" : message);
    }

    void check(Flag flag, boolean checked) {
        if (checked) {
            checkedFlags.add(flag);
        } else {
            checkedFlags.remove(flag);
        }
    }

    boolean textChangedFromDraft() {
        return draft.get() != null && !text.get().equals(draft.get().text());
    }
}
