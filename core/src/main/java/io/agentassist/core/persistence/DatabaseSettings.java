package io.agentassist.core.persistence;

import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where the database is. The embedded default is an H2 file under the app's data folder, opened in
 * {@code AUTO_SERVER} mode so a second window or a CLI command of the app can use it at the same time; teams
 * point {@code url} at a shared PostgreSQL. {@link #toString()} and {@link #safeUrl()} never show a password,
 * so settings can be logged and put into error messages.
 */
public record DatabaseSettings(String url, String user, String password) {

    private static final Pattern PASSWORD_IN_URL = Pattern.compile("(?i)(password=)[^&;]*");

    public DatabaseSettings {
        Objects.requireNonNull(url, "url");
        if (url.isBlank()) {
            throw new IllegalArgumentException("database URL is empty");
        }
        url = url.strip();
        user = user == null ? "" : user;
        password = password == null ? "" : password;
    }

    /**
     * The embedded H2 database {@code <dataDir>/assist.mv.db}. {@code LOCK_TIMEOUT} is raised from H2's one second
     * so writers from several threads wait for each other instead of failing. {@code WRITE_DELAY=0} makes a
     * commit durable when it returns: with H2's default delay of 500 ms a kill -9 right after an approval lost
     * the committed outbox row in every try (see {@code CrashRecoveryTest}).
     */
    public static DatabaseSettings embedded(Path dataDir) {
        Path file = dataDir.toAbsolutePath().normalize().resolve("assist");
        if (file.toString().indexOf(';') >= 0) {
            throw new IllegalArgumentException("the data folder must not contain ';': " + dataDir);
        }
        return new DatabaseSettings("jdbc:h2:file:" + file + ";AUTO_SERVER=TRUE;LOCK_TIMEOUT=10000;WRITE_DELAY=0", "sa", "");
    }

    public boolean isH2() {
        return url.startsWith("jdbc:h2:");
    }

    /** The URL with any {@code password=} parameter masked, for messages and logs. */
    public String safeUrl() {
        return PASSWORD_IN_URL.matcher(url).replaceAll("$1***");
    }

    @Override
    public String toString() {
        return "DatabaseSettings[url=" + safeUrl() + ", user=" + user + ", password=" + (password.isEmpty() ? "" : "***")
                + "]";
    }
}
