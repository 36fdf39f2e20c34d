package io.agentassist.core.persistence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An open database with the current schema. Opening migrates it (Flyway, {@code classpath:db/migration}), so
 * every store can assume its tables exist; several app processes may open the same database, and Flyway's lock
 * makes the second one wait for the first one's migration. The migration SQL is written to run unchanged on H2
 * and PostgreSQL.
 */
public final class Database implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Database.class);
    private static final int MAX_IDLE_CONNECTIONS = 4;

    private final DatabaseSettings settings;
    private final SmallConnectionPool pool;

    private Database(DatabaseSettings settings, SmallConnectionPool pool) {
        this.settings = settings;
        this.pool = pool;
    }

    /**
     * The embedded H2 database in {@code dataDir}, created (folder included) if it does not exist. A folder
     * created here is readable by its owner only: it holds customer data, and the {@code assist.lock.db} beside
     * the database holds the key with which another local process joins H2's auto-server (which listens on a
     * random TCP port and refuses connections from other machines).
     */
    public static Database openEmbedded(Path dataDir) {
        try {
            if (!Files.isDirectory(dataDir)) {
                Files.createDirectories(dataDir);
                ownerOnly(dataDir);
            }
        } catch (IOException e) {
            throw new DatabaseUnavailableException("cannot create the data folder " + dataDir + ": " + e.getMessage(), e);
        }
        return open(DatabaseSettings.embedded(dataDir));
    }

    /**
     * Connects and migrates.
     *
     * @throws DatabaseUnavailableException naming the URL (never the password) when it cannot be reached or
     *     migrated
     */
    public static Database open(DatabaseSettings settings) {
        long started = System.nanoTime();
        SmallConnectionPool pool = new SmallConnectionPool(settings, MAX_IDLE_CONNECTIONS);
        try (Connection probe = pool.getConnection()) {
            log.debug("connected to {} ({} {})", settings.safeUrl(), probe.getMetaData().getDatabaseProductName(),
                    probe.getMetaData().getDatabaseProductVersion());
        } catch (SQLException e) {
            pool.close();
            throw new DatabaseUnavailableException("cannot open database " + settings.safeUrl()
                    + (settings.user().isEmpty() ? "" : " as user \"" + settings.user() + "\"") + ": "
                    + e.getMessage(), e);
        }
        try {
            var result = Flyway.configure()
                    .dataSource(pool)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            log.info("database {} ready at schema version {} ({} migration(s) applied) in {} ms", settings.safeUrl(),
                    result.targetSchemaVersion == null ? "unchanged" : result.targetSchemaVersion,
                    result.migrationsExecuted, Duration.ofNanos(System.nanoTime() - started).toMillis());
        } catch (FlywayException e) {
            pool.close();
            throw new DatabaseUnavailableException("cannot migrate database " + settings.safeUrl() + ": "
                    + e.getMessage(), e);
        }
        return new Database(settings, pool);
    }

    private static void ownerOnly(Path folder) throws IOException {
        try {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException e) {
            log.debug("{}: no POSIX permissions on this file system; left as created", folder);
        }
    }

    /** Connections for the stores; each borrowed connection must be closed, which returns it for reuse. */
    public DataSource dataSource() {
        return pool;
    }

    public DatabaseSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        pool.close();
    }

    @Override
    public String toString() {
        return "Database[" + settings.safeUrl() + "]";
    }
}
