package io.agentassist.core.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL (zonky's binaries from Maven Central), started once per test JVM on first use and stopped
 * when the JVM exits. Each test gets its own database: {@code CREATE DATABASE} takes a few tens of milliseconds,
 * far less than the risk of tests seeing each other's rows.
 */
public final class EmbeddedPostgresServer {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final AtomicInteger databases = new AtomicInteger();
    private static EmbeddedPostgres server;
    private static Duration startup;

    private EmbeddedPostgresServer() {
    }

    /** Settings for a new, empty database on the shared server. */
    public static synchronized DatabaseSettings newDatabase() {
        EmbeddedPostgres postgres = server();
        String name = "assist_test_" + databases.incrementAndGet();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        return new DatabaseSettings(postgres.getJdbcUrl("postgres", name), "postgres", "");
    }

    /** How long the server took to start (initdb included), for the report of a test run. */
    public static synchronized Duration startupTime() {
        server();
        return startup;
    }

    private static EmbeddedPostgres server() {
        if (server == null) {
            long started = System.nanoTime();
            try {
                server = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(30)).start();
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start (as root it runs initdb through "
                        + "`unshare -U`; see the cause)", e);
            }
            startup = Duration.ofNanos(System.nanoTime() - started);
            log.info("embedded PostgreSQL started in {} ms on port {}", startup.toMillis(), server.getPort());
        }
        return server;
    }
}
