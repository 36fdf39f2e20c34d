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
    /** Read by logback.xml: where the rolling log file goes. */
    static final String LOG_DIR_PROPERTY = "assist.log.dir";

    private Launcher() {
    }

    public static void main(String[] args) {
        AppDirectories directories = AppDirectories.forCurrentUser();
        // Before anything touches SLF4J, so that logback puts the log file under the data folder.
        if (System.getProperty(LOG_DIR_PROPERTY) == null) {
            System.setProperty(LOG_DIR_PROPERTY, directories.logDir().toString());
        }
        if (args.length == 0) {
            Application.launch(AssistApplication.class);
            return;
        }
        System.exit(new CliWiring(directories).commandLine().execute(args));
    }
}
