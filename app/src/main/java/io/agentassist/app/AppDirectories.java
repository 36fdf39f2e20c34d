package io.agentassist.app;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the application keeps its data on this machine. One data folder holds everything: the knowledge
 * index and the logs. It is {@code $ASSIST_DATA_DIR} when set, otherwise {@code agent-assist} under the XDG
 * data folder ({@code $XDG_DATA_HOME}, else {@code ~/.local/share}).
 */
public record AppDirectories(Path dataDir) {
    public static final String DATA_DIR_VARIABLE = "ASSIST_DATA_DIR";
    static final String APP_FOLDER = "agent-assist";

    public AppDirectories {
        dataDir = dataDir.toAbsolutePath().normalize();
    }

    /** The folders for the current user, honouring the environment variables above. */
    public static AppDirectories forCurrentUser() {
        return fromEnvironment(System.getenv(), System.getProperty("user.home"));
    }

    static AppDirectories fromEnvironment(Map<String, String> env, String userHome) {
        String override = env.get(DATA_DIR_VARIABLE);
        if (override != null && !override.isBlank()) {
            return new AppDirectories(Path.of(override.strip()));
        }
        // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
        String xdg = env.get("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg.strip()).isAbsolute()) {
            return new AppDirectories(Path.of(xdg.strip()).resolve(APP_FOLDER));
        }
        return new AppDirectories(Path.of(userHome, ".local", "share", APP_FOLDER));
    }

    /** The knowledge index that {@code assist kb index} writes and the app searches. */
    public Path indexDir() {
        return dataDir.resolve("index");
    }

    /** Rolling log files ({@code assist.log}). */
    public Path logDir() {
        return dataDir.resolve("logs");
    }
}
