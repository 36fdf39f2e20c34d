package io.agentassist.app.cli;

import io.agentassist.app.AppDirectories;

/**
 * What commands need from outside the command line: where the user's data lives, and whether a person is
 * watching a terminal (progress bars and bold text only then; plain text when piped or in tests).
 */
public record CliEnvironment(AppDirectories directories, boolean interactive) {

    /** The real environment: the user's folders, and a terminal when the JVM has an interactive console. */
    public static CliEnvironment current(AppDirectories directories) {
        var console = System.console();
        return new CliEnvironment(directories, console != null && console.isTerminal());
    }
}
