package io.agentassist.app.settings;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What the screen shows beside one field: whether it can be edited here, the note saying which environment
 * variable sets it when it cannot, and what is wrong with its value.
 */
public final class FieldState {
    private final SettingsField field;
    private final ReadOnlyBooleanWrapper editable = new ReadOnlyBooleanWrapper(this, "editable", true);
    private final ReadOnlyStringWrapper overriddenBy = new ReadOnlyStringWrapper(this, "overriddenBy", "");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "note", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    FieldState(SettingsField field) {
        this.field = field;
    }

    public SettingsField field() {
        return field;
    }

    /** False when an environment variable sets the value: the field is read-only then. */
    public ReadOnlyBooleanProperty editableProperty() {
        return editable.getReadOnlyProperty();
    }

    /** The environment variable that sets this value, "" when none does. */
    public ReadOnlyStringProperty overriddenByProperty() {
        return overriddenBy.getReadOnlyProperty();
    }

    /** "Set by ASSIST_LLM_MODEL: ...", or "" when the field is the file's. */
    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    /** What is wrong with the value, without the field's name; "" when nothing is. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    void overriddenBy(String variable) {
        overriddenBy.set(variable);
        editable.set(variable.isEmpty());
        note.set(variable.isEmpty() ? ""
                : "Set by the environment variable " + variable + ", which overrides the file: unset it to change "
                        + "this here.");
    }

    void error(String problem) {
        error.set(problem);
    }
}
