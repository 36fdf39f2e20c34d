package io.agentassist.core.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL for team-mode tests, set up the way the README tells a team to: logins need their password
 * (SCRAM), an admin role {@value #ADMIN} with CREATEROLE owns each database, and only the {@code postgres}
 * superuser (which the tests use to look behind the scenes) connects without one.
 *
 * <p>A server of its own, not {@link EmbeddedPostgresServer}'s: roles are cluster-wide, and the other suites'
 * databases should not see team roles. Started once per test JVM. Tests reuse the member names (alice, bob,
 * lena) in each new database, so they add members with {@code update} and a new password.
 */
public final class TeamPostgres {

    public static final String ADMIN = "assist_admin";
    public static final String ADMIN_PASSWORD = "admin-pass-Wq7rT2vX";

    private static final Logger log = LoggerFactory.getLogger(TeamPostgres.class);
    private static final AtomicInteger databases = new AtomicInteger();
    private static EmbeddedPostgres server;

    private TeamPostgres() {
    }

    /** A new, empty database owned by the admin; the admin's settings (URL without user or password in it). */
    public static synchronized DatabaseSettings newDatabase() {
        String name = "team_" + databases.incrementAndGet();
        superuserExecute("postgres", "CREATE DATABASE " + name + " OWNER " + ADMIN);
        return new DatabaseSettings(url(name), ADMIN, ADMIN_PASSWORD);
    }

    /** The database of these settings with the superuser, which row-level security never restricts. */
    public static DatabaseSettings superuser(DatabaseSettings any) {
        return new DatabaseSettings(any.url(), "postgres", "");
    }

    /**
     * Adds (or updates) a member of the team of {@code admin}'s database with a new password, and returns the
     * settings that member's workstation would use.
     */
    public static DatabaseSettings member(DatabaseSettings admin, String name, TeamRole role) {
        char[] password = TeamSetup.generatePassword();
        TeamSetup.addMember(admin, name, role, password, true);
        return new DatabaseSettings(TeamSetup.memberUrl(admin), name, new String(password));
    }

    /** Runs one statement as the superuser on database {@code database}. */
    public static void superuserExecute(String database, String sql) {
        try (Connection c = server().getDatabase("postgres", database).getConnection();
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed", e);
        }
    }

    public static String url(String database) {
        return "jdbc:postgresql://localhost:" + server().getPort() + "/" + database;
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            long started = System.nanoTime();
            try {
                server = EmbeddedPostgres.builder()
                        .setPGStartupWait(Duration.ofSeconds(30))
                        .setServerConfig("password_encryption", "scram-sha-256")
                        .setDataDirectoryCustomizer(dataDir -> {
                            try {
                                Files.writeString(dataDir.toPath().resolve("pg_hba.conf"), """
                                        # Team-mode tests: the superuser as before, everybody else with a password.
                                        local all postgres                trust
                                        host  all postgres 127.0.0.1/32   trust
                                        host  all postgres ::1/128        trust
                                        host  all all      127.0.0.1/32   scram-sha-256
                                        host  all all      ::1/128        scram-sha-256
                                        """, StandardCharsets.UTF_8);
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        })
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL for team tests did not start", e);
            }
            try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE ROLE " + ADMIN + " LOGIN CREATEROLE PASSWORD '" + ADMIN_PASSWORD + "'");
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create the admin role", e);
            }
            log.info("embedded PostgreSQL for team tests started in {} ms on port {}",
                    Duration.ofNanos(System.nanoTime() - started).toMillis(), server.getPort());
        }
        return server;
    }
}
