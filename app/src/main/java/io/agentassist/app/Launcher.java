package io.agentassist.app;

import io.agentassist.app.desktop.AssistApplication;
import io.agentassist.app.wiring.CliWiring;
import javafx.application.Application;

/**
 * The jar's entry point. Without arguments it opens the desktop window; with arguments it runs the
 * {@code assist} command line and exits with its code. Deliberately not a JavaFX {@code Application}: a main
 * class that extends it refuses to start when JavaFX is on the class path.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        AppDirectories directories = AppDirectories.forCurrentUser();
        Logging.start(directories); // before anything logs
        if (args.length == 0) {
            Application.launch(AssistApplication.class);
            return;
        }
        System.exit(new CliWiring(directories).commandLine().execute(args));
    }
}
