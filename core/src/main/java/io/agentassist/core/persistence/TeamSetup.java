package io.agentassist.core.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;

/**
 * Team mode on PostgreSQL, done by an admin: {@link #apply} brings the schema up to date as the owner of the
 * tables and then applies the team's roles, privileges and row-level security policies
 * ({@code db/team/postgresql-team-access.sql}); {@link #addMember} and {@link #removeMember} manage the login
 * role of each person. Everything here is PostgreSQL only and runs as the admin; the app itself never runs it.
 *
 * <p>Every method connects with the settings it is given and closes the connection before it returns. Passwords
 * of new members are sent to the server as SCRAM verifiers computed here, never as text, so they cannot end up
 * in the server's statement log.
 */
public final class TeamSetup {

    /** The tables team mode covers; {@code assist team setup} fails if another role owns one of them. */
    static final List<String> TABLES = List.of("tickets", "messages", "drafts", "draft_citations", "draft_flags",
            "feedback", "knowledge_gaps", "outbox", "draft_reviews", "flyway_schema_history");
    /** The tables with row-level security. */
    static final List<String> PROTECTED_TABLES = List.of("drafts", "draft_citations", "draft_flags", "feedback",
            "outbox", "draft_reviews");
    private static final String SCRIPT = "/db/team/postgresql-team-access.sql";
    /** Lower-case so nobody has to quote it in psql; at most PostgreSQL's 63 bytes. */
    private static final Pattern MEMBER_NAME = Pattern.compile("[a-z][a-z0-9_]{1,62}");
    private static final Set<String> RESERVED_NAMES = Set.of("postgres", "public", "assist_agent", "assist_lead",
            "assist_admin");
    /** No 0/O, 1/l/I: a password someone may have to read out or type from a note. */
    private static final char[] PASSWORD_ALPHABET =
            "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final int GENERATED_PASSWORD_LENGTH = 24;
    public static final int SHORTEST_PASSWORD = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private TeamSetup() {
    }

    /** What {@link #apply} left in place. */
    public record Report(String database, String schema, String schemaVersion, List<TeamMember> members) {
        public Report {
            members = List.copyOf(members);
        }
    }

    /** A member's login as {@link #addMember} left it. */
    public record NewMember(TeamMember member, boolean created) {
    }

    /**
     * Migrates the schema as {@code admin} (who must own the tables, or be about to create them) and applies the
     * team's roles, privileges and policies in one transaction. Safe to run again, e.g. after an upgrade of the
     * app: it converges on the current script.
     *
     * @throws TeamSetupException saying what to fix when the admin lacks a right or the result would not hold
     */
    public static Report apply(DatabaseSettings admin) {
        requirePostgres(admin);
        try (Connection c = connect(admin)) {
            checkAdminRights(c, admin);
        } catch (SQLException e) {
            throw failed("checking the rights of " + admin.user(), admin, e);
        }
        try (Database migrated = Database.open(admin); Connection c = migrated.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute(script());
                verify(c);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
            return new Report(single(c, "SELECT current_database()"), single(c, "SELECT current_schema()"),
                    single(c, "SELECT version FROM flyway_schema_history WHERE success "
                            + "ORDER BY installed_rank DESC LIMIT 1"), members(c));
        } catch (SQLException e) {
            throw failed("applying the team's roles and policies", admin, e);
        }
    }

    /**
     * Creates the login role {@code name} as a member of {@code role}'s group with this password, which may only
     * log in to this database's schema. With {@code update}, an existing login gets the role and password
     * instead (a lead who becomes an agent, a forgotten password); without, an existing login is refused.
     */
    public static NewMember addMember(DatabaseSettings admin, String name, TeamRole role, char[] password,
                                      boolean update) {
        requirePostgres(admin);
        Objects.requireNonNull(role, "role");
        nameProblem(name).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        if (password.length < SHORTEST_PASSWORD) {
            throw new IllegalArgumentException("the password must have at least " + SHORTEST_PASSWORD + " characters");
        }
        try (Connection c = connect(admin)) {
            c.setAutoCommit(false);
            try {
                requireTeamRoles(c, admin);
                if (name.equals(single(c, "SELECT current_user::text"))) {
                    throw new IllegalArgumentException(name + " is the admin login this command runs as; "
                            + "a team member needs a login of their own");
                }
                Optional<Boolean> privileged = privileged(c, name);
                if (privileged.isPresent() && !update) {
                    throw new IllegalArgumentException("a login named " + name + " already exists; to give it this "
                            + "role and a new password, run again with --update");
                }
                if (privileged.orElse(false)) {
                    throw new IllegalArgumentException(name + " is a superuser or bypasses row-level security; "
                            + "the database would not restrict it, so it cannot be a team member");
                }
                try (Statement s = c.createStatement()) {
                    if (privileged.isEmpty()) {
                        s.execute("CREATE ROLE " + quoted(name)
                                + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT");
                    } else {
                        s.execute("ALTER ROLE " + quoted(name) + " LOGIN");
                        s.execute("REVOKE assist_agent, assist_lead FROM " + quoted(name));
                    }
                    s.execute("GRANT " + role.groupRole() + " TO " + quoted(name));
                    s.execute("ALTER ROLE " + quoted(name) + " IN DATABASE " + quoted(single(c,
                            "SELECT current_database()")) + " SET search_path = " + quoted(single(c,
                            "SELECT current_schema()")));
                }
                // A copy: the driver wipes the array it is given, and the caller still has to show the password.
                c.unwrap(PGConnection.class).alterUserPassword(name, password.clone(), "scram-sha-256");
                c.commit();
                return new NewMember(new TeamMember(name, role), privileged.isEmpty());
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw failed("adding " + name, admin, e);
        }
    }

    /**
     * Takes {@code name} out of the team: no team role, and it can no longer log in. The login role stays, so
     * the drafts, approvals and reviews it wrote keep their owner. Sessions already open lose their rights with
     * their next statement.
     */
    public static void removeMember(DatabaseSettings admin, String name) {
        requirePostgres(admin);
        nameProblem(name).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        try (Connection c = connect(admin)) {
            c.setAutoCommit(false);
            try {
                requireTeamRoles(c, admin);
                if (members(c).stream().noneMatch(member -> member.login().equals(name))) {
                    throw new IllegalArgumentException(name + " is not a member of the team");
                }
                try (Statement s = c.createStatement()) {
                    s.execute("REVOKE assist_agent, assist_lead FROM " + quoted(name));
                    s.execute("ALTER ROLE " + quoted(name) + " NOLOGIN");
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw failed("removing " + name, admin, e);
        }
    }

    /** The logins that are members of the team, by name. Roles are cluster-wide, so this is the server's team. */
    public static List<TeamMember> members(DatabaseSettings admin) {
        requirePostgres(admin);
        try (Connection c = connect(admin)) {
            return members(c);
        } catch (SQLException e) {
            throw failed("listing the team", admin, e);
        }
    }

    /** What is wrong with a member's login name, or empty when it will do. */
    public static Optional<String> nameProblem(String name) {
        if (name == null || !MEMBER_NAME.matcher(name).matches()) {
            return Optional.of("\"" + name + "\" is not a login name: use 2 to 63 lower-case letters, digits and _,"
                    + " starting with a letter (e.g. alice or alice_m)");
        }
        if (name.startsWith("pg_") || RESERVED_NAMES.contains(name)) {
            return Optional.of("\"" + name + "\" is reserved; choose another login name");
        }
        return Optional.empty();
    }

    /** A new random password: 24 characters from 55, about 139 bits. */
    public static char[] generatePassword() {
        char[] password = new char[GENERATED_PASSWORD_LENGTH];
        for (int i = 0; i < password.length; i++) {
            password[i] = PASSWORD_ALPHABET[RANDOM.nextInt(PASSWORD_ALPHABET.length)];
        }
        return password;
    }

    /**
     * The URL a member's workstation uses: the admin's without any user or password in it (the member's own go
     * into {@code database.user} and {@code database.password}).
     */
    public static String memberUrl(DatabaseSettings admin) {
        String url = admin.url();
        int query = url.indexOf('?');
        if (query < 0) {
            return url;
        }
        List<String> kept = new ArrayList<>();
        for (String parameter : url.substring(query + 1).split("&")) {
            String key = parameter.split("=", 2)[0].toLowerCase(java.util.Locale.ROOT);
            if (!parameter.isEmpty() && !key.equals("user") && !key.equals("password")) {
                kept.add(parameter);
            }
        }
        return url.substring(0, query) + (kept.isEmpty() ? "" : "?" + String.join("&", kept));
    }

    private static void requirePostgres(DatabaseSettings settings) {
        if (!settings.url().startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("team mode needs PostgreSQL: " + settings.safeUrl()
                    + " is not a jdbc:postgresql:// URL");
        }
    }

    private static Connection connect(DatabaseSettings settings) throws SQLException {
        Properties properties = new Properties();
        if (!settings.user().isEmpty()) {
            properties.setProperty("user", settings.user());
        }
        if (!settings.password().isEmpty()) {
            properties.setProperty("password", settings.password());
        }
        return DriverManager.getConnection(settings.url(), properties);
    }

    /** What {@link #apply} needs and PostgreSQL would otherwise report as a warning or an obscure error. */
    private static void checkAdminRights(Connection c, DatabaseSettings admin) throws SQLException {
        String login = single(c, "SELECT current_user::text");
        String schema = single(c, "SELECT current_schema()");
        if (schema == null) {
            throw new TeamSetupException("no schema of " + admin.safeUrl() + " is on the search_path of " + login
                    + "; create one (or use public)", null);
        }
        try (Statement s = c.createStatement(); ResultSet row = s.executeQuery("""
                SELECT r.rolsuper OR r.rolcreaterole AS creates_roles,
                       pg_has_role(d.datdba, 'USAGE') AS owns_database,
                       has_schema_privilege(current_schema(), 'CREATE') AS creates_tables
                FROM pg_roles r, pg_database d
                WHERE r.rolname = current_user AND d.datname = current_database()
                """)) {
            row.next();
            if (!row.getBoolean("creates_roles")) {
                throw new TeamSetupException(login + " may not create roles: run the setup as an admin role with "
                        + "CREATEROLE (ALTER ROLE " + login + " CREATEROLE, as a superuser)", null);
            }
            if (!row.getBoolean("owns_database")) {
                throw new TeamSetupException(login + " does not own the database " + single(c,
                        "SELECT current_database()") + ": create it with OWNER " + login + ", or ALTER DATABASE … "
                        + "OWNER TO " + login + " as a superuser", null);
            }
            if (!row.getBoolean("creates_tables")) {
                throw new TeamSetupException(login + " may not create tables in schema " + schema + ": make it the "
                        + "schema's owner (ALTER SCHEMA " + schema + " OWNER TO " + login + ")", null);
            }
        }
        try (PreparedStatement query = c.prepareStatement("""
                SELECT c.relname, pg_get_userbyid(c.relowner) AS owner
                FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = current_schema() AND c.relname = ANY (?) AND c.relkind IN ('r', 'p')
                  AND NOT pg_has_role(c.relowner, 'USAGE')
                ORDER BY c.relname
                """)) {
            query.setArray(1, c.createArrayOf("text", TABLES.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                if (rows.next()) {
                    String owner = rows.getString("owner");
                    throw new TeamSetupException("the table " + rows.getString("relname") + " belongs to " + owner
                            + ", not to " + login + ": run the setup as " + owner + ", or hand the tables over first "
                            + "(REASSIGN OWNED BY " + owner + " TO " + login + ", as a superuser)", null);
                }
            }
        }
    }

    /** What the script must have achieved; PostgreSQL only warns when a REVOKE could not revoke. */
    private static void verify(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet row = s.executeQuery("""
                SELECT has_schema_privilege('assist_agent', current_schema(), 'CREATE') AS creates_tables,
                       has_database_privilege('assist_agent', current_database(), 'CREATE') AS creates_schemas,
                       has_database_privilege('assist_agent', current_database(), 'TEMPORARY') AS creates_temp
                """)) {
            row.next();
            if (row.getBoolean("creates_tables")) {
                String schema = single(c, "SELECT current_schema()");
                throw new TeamSetupException("team members could still create tables in schema " + schema
                        + " (PostgreSQL 14 and older let everybody): as the schema's owner or a superuser run "
                        + "REVOKE CREATE ON SCHEMA " + schema + " FROM PUBLIC, then run the setup again", null);
            }
            if (row.getBoolean("creates_schemas") || row.getBoolean("creates_temp")) {
                throw new TeamSetupException("team members could still create schemas or temporary tables in the "
                        + "database; as its owner run REVOKE ALL ON DATABASE " + single(c, "SELECT current_database()")
                        + " FROM PUBLIC, then run the setup again", null);
            }
        }
        try (PreparedStatement query = c.prepareStatement("""
                SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = current_schema() AND c.relname = ANY (?) AND NOT c.relrowsecurity
                """)) {
            query.setArray(1, c.createArrayOf("text", PROTECTED_TABLES.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                if (rows.next()) {
                    throw new TeamSetupException("row-level security is not on for " + rows.getString(1), null);
                }
            }
        }
    }

    private static void requireTeamRoles(Connection c, DatabaseSettings admin) throws SQLException {
        if (!"2".equals(single(c, "SELECT COUNT(*)::text FROM pg_roles WHERE rolname IN ('assist_agent', "
                + "'assist_lead')"))) {
            throw new TeamSetupException("team mode is not set up on " + admin.safeUrl() + ": run `assist team "
                    + "setup` first", null);
        }
    }

    /** Empty when no role has this name; else whether it is a superuser or bypasses row-level security. */
    private static Optional<Boolean> privileged(Connection c, String name) throws SQLException {
        try (PreparedStatement query = c.prepareStatement(
                "SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = ?")) {
            query.setString(1, name);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(row.getBoolean(1)) : Optional.empty();
            }
        }
    }

    private static List<TeamMember> members(Connection c) throws SQLException {
        List<TeamMember> members = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rows = s.executeQuery("""
                SELECT m.rolname, BOOL_OR(g.rolname = 'assist_lead') AS lead
                FROM pg_roles m
                JOIN pg_auth_members a ON a.member = m.oid
                JOIN pg_roles g ON g.oid = a.roleid
                WHERE g.rolname IN ('assist_agent', 'assist_lead') AND m.rolcanlogin
                  AND NOT (m.rolsuper OR m.rolbypassrls)
                  -- PostgreSQL 16+ also records the admin who created a group as its member, without its rights.
                  AND pg_has_role(m.oid, g.oid, 'USAGE')
                GROUP BY m.rolname
                ORDER BY m.rolname
                """)) {
            while (rows.next()) {
                members.add(new TeamMember(rows.getString(1), rows.getBoolean(2) ? TeamRole.LEAD : TeamRole.AGENT));
            }
        }
        return members;
    }

    private static String single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet row = s.executeQuery(sql)) {
            return row.next() ? row.getString(1) : null;
        }
    }

    private static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static String script() {
        try (InputStream in = TeamSetup.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + SCRIPT);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TeamSetupException failed(String what, DatabaseSettings admin, SQLException e) {
        return new TeamSetupException(what + " on " + admin.safeUrl()
                + (admin.user().isEmpty() ? "" : " as \"" + admin.user() + "\"") + " failed: " + e.getMessage(), e);
    }
}
