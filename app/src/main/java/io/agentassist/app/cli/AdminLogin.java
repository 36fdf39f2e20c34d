package io.agentassist.app.cli;

import io.agentassist.core.persistence.DatabaseSettings;
import io.agentassist.core.persistence.DatabaseUnavailableException;
import io.agentassist.core.persistence.TeamSetupException;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/**
 * The {@code --admin-url} and {@code --admin-user} options of the team commands, and the admin's password, which
 * never comes from the command line: {@code $ASSIST_ADMIN_PASSWORD}, else a prompt in the terminal.
 */
final class AdminLogin {
    static final String PASSWORD_VARIABLE = "ASSIST_ADMIN_PASSWORD";
    private static final Pattern CREDENTIALS_IN_URL = Pattern.compile("(?i)([?&;]password=)|(//[^/@]*:[^/@]*@)");

    @Option(names = "--admin-url", paramLabel = "URL",
            description = {"The team's database, e.g. jdbc:postgresql://db.example:5432/assist.",
                "Default: database.url from the configuration."})
    String url;

    @Option(names = "--admin-user", paramLabel = "ROLE", required = true,
            description = "The admin login: owns the database and may create roles (CREATEROLE).")
    String user;

    /** Where to connect and as whom, with the password from the environment or the terminal. */
    DatabaseSettings settings(CliEnvironment env) {
        String jdbcUrl = url != null ? url.strip() : env.config().databaseUrl().orElseThrow(() -> new CliError(
                "which database? Give --admin-url jdbc:postgresql://HOST:5432/DATABASE (or set database.url)"));
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new CliError("team mode needs PostgreSQL: --admin-url must be a jdbc:postgresql:// URL");
        }
        if (CREDENTIALS_IN_URL.matcher(jdbcUrl).find()) {
            throw new CliError("--admin-url must not carry a password (it would show in the process list and your "
                    + "shell history): set " + PASSWORD_VARIABLE + " or let the command ask for it");
        }
        String password = env.secrets().variable(PASSWORD_VARIABLE)
                .or(() -> env.secrets().prompt("Password of " + user + ": ").map(String::new))
                .orElseThrow(() -> new CliError("no password for " + user + ": set " + PASSWORD_VARIABLE
                        + ", or run the command in a terminal to be asked for it"));
        return new DatabaseSettings(jdbcUrl, user, password);
    }

    /** Runs the admin's work, turning what the admin can fix into a one-line error. */
    static <T> T run(Supplier<T> work) {
        try {
            return work.get();
        } catch (TeamSetupException | DatabaseUnavailableException | IllegalArgumentException e) {
            throw new CliError(e.getMessage(), e);
        }
    }
}
