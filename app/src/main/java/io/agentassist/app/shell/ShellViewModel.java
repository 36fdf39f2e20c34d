package io.agentassist.app.shell;

import io.agentassist.app.KnowledgeIndexFolder;
import java.nio.file.Path;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * State of the main window that is not about one conversation: for now, whether a knowledge index is there
 * for the co-pilot to ground its suggestions in. No JavaFX scene classes here, so it is tested without a
 * window.
 */
public final class ShellViewModel {

    // Properties

    private final ReadOnlyBooleanWrapper knowledgeReady = new ReadOnlyBooleanWrapper(this, "knowledgeReady");
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper(this, "statusText");
    private final Path indexDir;

    public ShellViewModel(Path indexDir) {
        this.indexDir = indexDir;
        refresh();
    }

    public ReadOnlyBooleanProperty knowledgeReadyProperty() {
        return knowledgeReady.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }

    // Commands

    /** Looks at the index folder again, for example after {@code assist kb index} ran in a terminal. */
    public void refresh() {
        KnowledgeIndexFolder folder = KnowledgeIndexFolder.check(indexDir);
        knowledgeReady.set(folder == KnowledgeIndexFolder.PRESENT);
        statusText.set(switch (folder) {
            case PRESENT -> "Knowledge index: " + indexDir;
            case ABSENT -> "No knowledge index yet: run `assist kb index --source FOLDER` to build one at " + indexDir;
            case UNREADABLE -> "Knowledge index at " + indexDir + " cannot be read";
            case NOT_A_FOLDER -> "Knowledge index path " + indexDir + " is a file, not a folder";
        });
    }
}
