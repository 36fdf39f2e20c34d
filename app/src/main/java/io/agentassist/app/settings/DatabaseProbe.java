package io.agentassist.app.settings;

import io.agentassist.core.persistence.Database;
import io.agentassist.core.persistence.DatabaseSettings;
import java.sql.Connection;
import java.sql.DatabaseMetaData;

/** The database "Test" button: connects to a JDBC URL and says what answered. Runs on a worker thread. */
@FunctionalInterface
public interface DatabaseProbe {

    /**
     * @return what answered, e.g. "PostgreSQL 16.4"
     * @throws Exception with a message naming the URL (never its password) and the reason
     */
    String connect(String jdbcUrl) throws Exception;

    /**
     * Opens the database as the app will at its next start, with core's {@link Database#open}: connects and
     * brings the schema up to date (which is what the app needs the account to be allowed to do), then closes.
     */
    static DatabaseProbe openingTheDatabase() {
        return openingTheDatabase("", "");
    }

    /**
     * As {@link #openingTheDatabase()}, logging in as {@code user} (a team member's {@code database.user} and
     * {@code database.password}, which the screen does not edit). A member's login only checks the schema.
     */
    static DatabaseProbe openingTheDatabase(String user, String password) {
        return url -> {
            try (Database database = Database.open(new DatabaseSettings(url, user, password));
                 Connection connection = database.dataSource().getConnection()) {
                DatabaseMetaData meta = connection.getMetaData();
                return meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
            }
        };
    }
}
