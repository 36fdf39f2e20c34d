package io.agentassist.app.workspace;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The state of the knowledge index for the status bar: being built (with progress, on the first start or a
 * re-index), ready (with its size), or failed (with the reason). The window stays usable in every state.
 */
public final class KnowledgeIndexViewModel {
    /** Progress value while nothing is being indexed. */
    public static final double IDLE = -1;

    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "Opening the knowledge index…");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", IDLE);
    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper(this, "ready");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(this, "failed");

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** 0 to 1 while indexing, {@link #IDLE} otherwise. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty readyProperty() {
        return ready.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    public void indexing(String what, double done) {
        failed.set(false);
        progress.set(Math.max(0, Math.min(1, done)));
        status.set(what + " " + Math.round(progress.get() * 100) + " %");
    }

    public void ready(int passages, String where) {
        failed.set(false);
        progress.set(IDLE);
        ready.set(true);
        status.set("Knowledge: " + passages + " passages from " + where);
    }

    public void failed(String why) {
        progress.set(IDLE);
        failed.set(true);
        status.set("Knowledge index unavailable: " + why);
    }
}
