package io.agentassist.core.persistence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.output.ValidateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An open database with the current schema. Opening migrates it (Flyway, {@code classpath:db/migration}), so
 * every store can assume its tables exist; several app processes may open the same database, and Flyway's lock
 * makes the second one wait for the first one's migration. The migration SQL is written to run unchanged on H2
 * and PostgreSQL.
 *
 * <p><b>Team databases.</b> On PostgreSQL only a login that may change the schema migrates: the owner of the
 * tables (the admin, through {@code assist team setup}) or, in a one-login set-up, that login. A team member's
 * login has no DDL rights, so opening as one only checks that the schema is current, and fails with a
 * {@link SchemaNotCurrentException} that says to ask the admin when it is not. {@link #teamMember()} says who
 * the connection is in a team database.
 */
public final class Database implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Database.class);
    private static final int MAX_IDLE_CONNECTIONS = 4;

    private static final String MIGRATIONS = "classpath:db/migration";
    private static final String ASK_THE_ADMIN = "ask your admin to run `assist team setup`";

    private final DatabaseSettings settings;
    private final SmallConnectionPool pool;
    private final Optional<TeamMember> teamMember;
    private final boolean teamDatabase;

    private Database(DatabaseSettings settings, SmallConnectionPool pool, Optional<TeamMember> teamMember,
                     boolean teamDatabase) {
        this.settings = settings;
        this.pool = pool;
        this.teamMember = teamMember;
        this.teamDatabase = teamDatabase;
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
     * Connects and migrates, or, as a login that may not change the schema (a team member), checks that the
     * schema is current.
     *
     * @throws SchemaNotCurrentException when the schema is behind and this login may not migrate it
     * @throws DatabaseUnavailableException naming the URL (never the password) when it cannot be reached or
     *     migrated
     */
    public static Database open(DatabaseSettings settings) {
        long started = System.nanoTime();
        SmallConnectionPool pool = new SmallConnectionPool(settings, MAX_IDLE_CONNECTIONS);
        boolean postgres;
        boolean mayMigrate;
        try (Connection probe = pool.getConnection()) {
            String product = probe.getMetaData().getDatabaseProductName();
            log.debug("connected to {} ({} {})", settings.safeUrl(), product,
                    probe.getMetaData().getDatabaseProductVersion());
            postgres = "PostgreSQL".equals(product);
            mayMigrate = !postgres || mayChangeSchema(probe);
        } catch (SQLException e) {
            pool.close();
            throw new DatabaseUnavailableException("cannot open database " + settings.safeUrl() + as(settings) + ": "
                    + e.getMessage(), e);
        }
        Flyway flyway = Flyway.configure().dataSource(pool).locations(MIGRATIONS).load();
        try {
            if (mayMigrate) {
                var result = flyway.migrate();
                log.info("database {} ready at schema version {} ({} migration(s) applied) in {} ms",
                        settings.safeUrl(),
                        result.targetSchemaVersion == null ? "unchanged" : result.targetSchemaVersion,
                        result.migrationsExecuted, Duration.ofNanos(System.nanoTime() - started).toMillis());
            } else {
                checkCurrent(flyway, settings);
                log.info("database {} ready at schema version {}, checked as \"{}\", who may not change the schema, "
                        + "in {} ms", settings.safeUrl(), flyway.info().current().getVersion(), settings.user(),
                        Duration.ofNanos(System.nanoTime() - started).toMillis());
            }
        } catch (FlywayException e) {
            pool.close();
            throw new DatabaseUnavailableException(mayMigrate
                    ? "cannot migrate database " + settings.safeUrl() + ": " + e.getMessage()
                    : "cannot check the schema of database " + settings.safeUrl() + as(settings) + ": "
                            + e.getMessage() + "; " + ASK_THE_ADMIN, e);
        } catch (SchemaNotCurrentException e) {
            pool.close();
            throw e;
        }
        Optional<TeamMember> member;
        try (Connection c = pool.getConnection()) {
            member = postgres ? teamMember(c) : Optional.empty();
        } catch (SQLException e) {
            pool.close();
            throw new DatabaseUnavailableException("cannot read the team role of " + as(settings).strip() + " in "
                    + settings.safeUrl() + ": " + e.getMessage(), e);
        }
        member.ifPresent(m -> log.info("connected to team database {} as {} ({})", settings.safeUrl(), m.login(),
                m.role().label()));
        return new Database(settings, pool, member, postgres && hasTeamAccess(pool));
    }

    /**
     * On PostgreSQL, whether this login may run the migrations: it may create tables in the schema and, once the
     * schema history exists, has the rights of its owner (as a superuser, or in a one-login set-up, has).
     */
    private static boolean mayChangeSchema(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet row = s.executeQuery("""
                SELECT COALESCE(has_schema_privilege(current_schema(), 'CREATE')
                       AND COALESCE((SELECT pg_has_role(t.relowner, 'USAGE') FROM pg_class t
                                     WHERE t.oid = to_regclass(quote_ident(current_schema())
                                                               || '.flyway_schema_history')), true), false)
                """)) {
            return row.next() && row.getBoolean(1);
        }
    }

    /** Fails unless every migration this app has is applied (newer ones, from a newer app, are fine). */
    private static void checkCurrent(Flyway flyway, DatabaseSettings settings) {
        MigrationInfoService info = flyway.info();
        MigrationInfo[] pending = info.pending();
        if (pending.length > 0) {
            MigrationInfo current = info.current();
            String needed = pending[pending.length - 1].getVersion().getVersion();
            throw new SchemaNotCurrentException("database " + settings.safeUrl() + (current == null
                    ? " has no Agent Assist tables yet"
                    : " is at schema version " + current.getVersion().getVersion())
                    + ", and this version of Agent Assist needs version " + needed + ". \"" + settings.user()
                    + "\" may not change the schema: " + ASK_THE_ADMIN + ".", null);
        }
        ValidateResult validation = flyway.validateWithResult();
        if (!validation.validationSuccessful) {
            throw new SchemaNotCurrentException("the schema of database " + settings.safeUrl() + " does not match "
                    + "this version of Agent Assist (" + validation.getAllErrorMessages() + "); " + ASK_THE_ADMIN
                    + ".", null);
        }
    }

    /** The team role of this login, when the database has team mode set up and the login is a member. */
    private static Optional<TeamMember> teamMember(Connection c) throws SQLException {
        try (PreparedStatement query = c.prepareStatement("""
                SELECT session_user::text AS login,
                       COALESCE(BOOL_OR(r.rolname = ? AND pg_has_role(session_user, r.oid, 'USAGE')), false) AS lead,
                       COALESCE(BOOL_OR(r.rolname = ? AND pg_has_role(session_user, r.oid, 'USAGE')), false) AS agent
                FROM pg_roles r WHERE r.rolname IN (?, ?)
                """)) {
            query.setString(1, TeamRole.LEAD.groupRole());
            query.setString(2, TeamRole.AGENT.groupRole());
            query.setString(3, TeamRole.LEAD.groupRole());
            query.setString(4, TeamRole.AGENT.groupRole());
            try (ResultSet row = query.executeQuery()) {
                if (!row.next() || isPrivileged(c)) {
                    return Optional.empty();
                }
                String login = row.getString("login");
                if (row.getBoolean("lead")) {
                    return Optional.of(new TeamMember(login, TeamRole.LEAD));
                }
                return row.getBoolean("agent") ? Optional.of(new TeamMember(login, TeamRole.AGENT)) : Optional.empty();
            }
        }
    }

    /** Superusers and roles that bypass row-level security are no team members, whatever they belong to. */
    private static boolean isPrivileged(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet row = s.executeQuery(
                "SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = session_user")) {
            return row.next() && row.getBoolean(1);
        }
    }

    /** Whether row-level security is on for the drafts: team mode was set up in this database. */
    private static boolean hasTeamAccess(SmallConnectionPool pool) {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement(); ResultSet row = s.executeQuery(
                "SELECT relrowsecurity FROM pg_class WHERE oid = to_regclass(quote_ident(current_schema()) "
                        + "|| '.drafts')")) {
            return row.next() && row.getBoolean(1);
        } catch (SQLException e) {
            return false;
        }
    }

    private static String as(DatabaseSettings settings) {
        return settings.user().isEmpty() ? "" : " as user \"" + settings.user() + "\"";
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

    /**
     * Who this connection is in a team database: its login and whether it is an agent or a lead. Empty for the
     * embedded database, a one-login PostgreSQL set-up, and the admin who owns the tables (none of whom row-level
     * security restricts).
     */
    public Optional<TeamMember> teamMember() {
        return teamMember;
    }

    /**
     * Whether team mode is set up in this database (row-level security on the drafts). True with an empty
     * {@link #teamMember()} means this login is not restricted by it: the admin, or a superuser.
     */
    public boolean isTeamDatabase() {
        return teamDatabase;
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
