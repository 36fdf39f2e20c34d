package io.agentassist.core.approval;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Databases for outbox tests, migrated with the real Flyway scripts: H2 (in memory, or a file that survives the
 * process) and a real PostgreSQL.
 */
public final class TestDatabases {
    private TestDatabases() {
    }

    /** A fresh in-memory H2 database that lives as long as the JVM. */
    public static DataSource h2InMemory() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:outbox-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return migrated(dataSource);
    }

    /**
     * An H2 file database in {@code folder}. {@code WRITE_DELAY=0} makes every commit reach the file before
     * commit returns; with H2's default (500 ms) a process killed right after committing loses the commit, which
     * the kill tests would (rightly) report as a lost approval.
     */
    public static DataSource h2File(Path folder) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + folder.resolve("assist").toAbsolutePath() + ";WRITE_DELAY=0");
        return migrated(dataSource);
    }

    public static DataSource migrated(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return dataSource;
    }

    /** Empties the outbox, for tests that share one database. */
    public static void clearOutbox(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM outbox");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A real PostgreSQL, started on a free port; close it when done. */
    public static EmbeddedPostgres startPostgres() {
        try {
            return EmbeddedPostgres.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
