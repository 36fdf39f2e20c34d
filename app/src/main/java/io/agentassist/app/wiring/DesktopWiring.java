package io.agentassist.app.wiring;

import io.agentassist.app.AppDirectories;
import io.agentassist.app.settings.DatabaseProbe;
import io.agentassist.app.settings.KnowledgeIndexReindexer;
import io.agentassist.app.settings.SettingsViewModel;
import io.agentassist.app.shell.ShellView;
import io.agentassist.app.shell.ShellViewModel;
import io.agentassist.app.tasks.TaskRunner;
import io.agentassist.core.config.AssistConfig;
import io.agentassist.core.config.AssistConfigLoader;
import io.agentassist.core.llm.ModelConnectionCheck;
import java.util.function.Consumer;

/** Builds the desktop window's objects. The one place that knows which implementation goes where. */
public final class DesktopWiring {
    private final AppDirectories directories;

    public DesktopWiring(AppDirectories directories) {
        this.directories = directories;
    }

    public ShellView shellView() {
        return new ShellView(new ShellViewModel(directories.indexDir()));
    }

    /**
     * A new view model for the Settings dialog (one per opening): show it with
     * {@code SettingsView.open(ownerStage, wiring.settings(tasks, onSaved))}. It re-indexes into the index folder
     * the window searches, and tells {@code onSaved} the configuration read back after each save.
     */
    public SettingsViewModel settings(TaskRunner tasks, Consumer<AssistConfig> onSaved) {
        return new SettingsViewModel(AssistConfigLoader.forCurrentUser(), directories.dataDir(), tasks,
                new ModelConnectionCheck(), new KnowledgeIndexReindexer(directories.indexDir()),
                DatabaseProbe.openingTheDatabase(), onSaved);
    }
}
