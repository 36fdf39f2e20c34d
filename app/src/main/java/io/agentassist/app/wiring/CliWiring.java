package io.agentassist.app.wiring;

import io.agentassist.app.AppDirectories;
import io.agentassist.app.cli.AssistCli;
import io.agentassist.app.cli.CliEnvironment;
import picocli.CommandLine;

/** Builds the {@code assist} command line for the real environment: the user's folders and terminal. */
public final class CliWiring {
    private final AppDirectories directories;

    public CliWiring(AppDirectories directories) {
        this.directories = directories;
    }

    public CommandLine commandLine() {
        return AssistCli.create(CliEnvironment.current(directories));
    }
}
