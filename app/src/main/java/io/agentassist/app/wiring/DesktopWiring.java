package io.agentassist.app.wiring;

import io.agentassist.app.AppDirectories;
import io.agentassist.app.shell.ShellView;
import io.agentassist.app.shell.ShellViewModel;

/** Builds the desktop window's objects. The one place that knows which implementation goes where. */
public final class DesktopWiring {
    private final AppDirectories directories;

    public DesktopWiring(AppDirectories directories) {
        this.directories = directories;
    }

    public ShellView shellView() {
        return new ShellView(new ShellViewModel(directories.indexDir()));
    }
}
