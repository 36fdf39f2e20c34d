package io.agentassist.app.workspace;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.value.ObservableValue;

/**
 * Every value a property takes, starting with the one it has when recording starts, so a test can assert a
 * sequence of states ({@code NONE, DRAFTING, READY}) rather than only where it ended.
 */
final class History<T> {
    private final List<T> values = new ArrayList<>();

    private History(ObservableValue<T> property) {
        values.add(property.getValue());
        property.addListener((observable, before, after) -> values.add(after));
    }

    static <T> History<T> of(ObservableValue<T> property) {
        return new History<>(property);
    }

    List<T> values() {
        return List.copyOf(values);
    }
}
