package io.agentassist.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentassist.app.wiring.AssistServices;
import io.agentassist.core.config.AssistConfig;
import io.agentassist.core.config.AssistConfigLoader;
import io.agentassist.core.persistence.Database;
import io.agentassist.core.persistence.DatabaseSettings;
import io.agentassist.core.persistence.DatabaseUnavailableException;
import io.agentassist.core.persistence.TeamMember;
import io.agentassist.core.persistence.TeamPostgres;
import io.agentassist.core.persistence.TeamRole;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code assist team …} as an admin runs it, on a real PostgreSQL whose logins need their passwords. Roles are
 * server-wide and the server is shared by the tests of this JVM, so every test names its own members.
 */
class TeamCommandTest {
    private static final Pattern PASSWORD_LINE = Pattern.compile("(?m)^Password for (\\w+) \\(shown this once; "
            + "hand it over privately\\): (\\S+)$");

    @TempDir
    Path temp;

    DatabaseSettings admin;
    Map<String, String> variables;
    Deque<String> typed;

    @BeforeEach
    void aNewTeamDatabase() {
        admin = TeamPostgres.newDatabase();
        variables = Map.of(AdminLogin.PASSWORD_VARIABLE, TeamPostgres.ADMIN_PASSWORD);
        typed = new ArrayDeque<>();
    }

    @Test
    void setupThenAddMemberPrintsLinesThatOpenTheDatabaseAsThatMemberThroughTheAppsOwnWiring() throws Exception {
        CliRunner.Result setup = admin("team", "setup");

        assertThat(setup.exitCode()).as(setup.err()).isZero();
        assertThat(setup.out()).startsWith("Team mode is ready on " + admin.url() + " (database ")
                .contains("schema public at version 3", "\nMembers: ",
                        "assist team add-member NAME --role agent|lead --admin-user assist_admin --admin-url "
                                + admin.url())
                .doesNotContain("alice").doesNotContain("assist_admin (");

        CliRunner.Result added = admin("team", "add-member", "alice", "--role", "agent");

        assertThat(added.exitCode()).as(added.err()).isZero();
        assertThat(added.out()).startsWith("Added alice as an agent on " + admin.url() + ".")
                .contains("On alice's workstation, in ~/.config/agent-assist/config.properties (chmod 600):",
                        "  database.url=" + admin.url() + "\n", "  database.user=alice\n",
                        "or in the environment: ASSIST_DATABASE_URL, ASSIST_DATABASE_USER and "
                                + "ASSIST_DATABASE_PASSWORD.");
        String password = password(added, "alice");
        assertThat(password).hasSize(24);
        assertThat(added.out()).contains("  database.password=" + password + "\n");
        assertThat(added.out() + added.err()).doesNotContain(TeamPostgres.ADMIN_PASSWORD);

        // Alice's workstation: exactly the printed lines in her config file, read by the app's loader and wiring.
        Path config = Files.writeString(temp.resolve("alice.properties"), added.out().lines()
                .filter(line -> line.startsWith("  database.")).map(String::strip)
                .reduce("", (text, line) -> text + line + "\n"), StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));
        AssistConfig aliceConfig = new AssistConfigLoader(Map.of(), temp).load(config);
        try (Database database = new AssistServices(aliceConfig, Clock.systemUTC()).openDatabase(temp.resolve("d"))) {
            assertThat(database.teamMember()).contains(new TeamMember("alice", TeamRole.AGENT));
        }
    }

    @Test
    void aLeadIsAddedListedAndRemovedAndTheSetupCanRunAgain() {
        assertThat(admin("team", "setup").exitCode()).isZero();
        assertThat(admin("team", "add-member", "lena", "--role", "LEAD").out()).startsWith("Added lena as a lead on ");
        assertThat(admin("team", "add-member", "bruno", "--role", "agent").exitCode()).isZero();

        CliRunner.Result again = admin("team", "setup");
        CliRunner.Result members = admin("team", "members");

        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("bruno (agent)", "lena (lead)");
        assertThat(members.out()).contains("bruno\tagent\n", "lena\tlead\n");

        CliRunner.Result removed = admin("team", "remove-member", "bruno");

        assertThat(removed.exitCode()).as(removed.err()).isZero();
        assertThat(removed.out()).startsWith("Removed bruno from the team on " + admin.url());
        assertThat(admin("team", "members").out()).doesNotContain("bruno");
    }

    @Test
    void aPasswordTypedTwiceIsUsedAndNeverPrinted() {
        assertThat(admin("team", "setup").exitCode()).isZero();
        typed.add("typed-Password-42");
        typed.add("typed-Password-42");

        CliRunner.Result added = admin("team", "add-member", "tomas", "--role", "agent", "--ask-password");

        assertThat(added.exitCode()).as(added.err()).isZero();
        assertThat(added.out()).contains("  database.password=<the password you typed>")
                .doesNotContain("typed-Password-42").doesNotContain("shown this once");
        try (Database database = Database.open(new DatabaseSettings(admin.url(), "tomas", "typed-Password-42"))) {
            assertThat(database.teamMember()).contains(new TeamMember("tomas", TeamRole.AGENT));
        }

        typed.add("first-Password-1");
        typed.add("other-Password-2");
        CliRunner.Result differ = admin("team", "add-member", "tomas", "--role", "lead", "--update",
                "--ask-password");
        assertThat(differ.exitCode()).isEqualTo(1);
        assertThat(differ.err()).isEqualTo("error: the two passwords differ; nothing was changed\n");
    }

    @Test
    void anExistingLoginNeedsUpdateWhichGivesItTheNewRoleAndANewPassword() {
        assertThat(admin("team", "setup").exitCode()).isZero();
        String first = password(admin("team", "add-member", "priya", "--role", "agent"), "priya");

        CliRunner.Result refused = admin("team", "add-member", "priya", "--role", "lead");
        CliRunner.Result updated = admin("team", "add-member", "priya", "--role", "lead", "--update");

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).isEqualTo("error: a login named priya already exists; to give it this role and a "
                + "new password, run again with --update\n");
        assertThat(updated.out()).startsWith("Updated priya as a lead on ");
        String second = password(updated, "priya");
        assertThat(second).isNotEqualTo(first);
        assertThatThrownBy(() -> Database.open(new DatabaseSettings(admin.url(), "priya", first)))
                .isInstanceOf(DatabaseUnavailableException.class).hasMessageContaining("password authentication");
        try (Database database = Database.open(new DatabaseSettings(admin.url(), "priya", second))) {
            assertThat(database.teamMember()).contains(new TeamMember("priya", TeamRole.LEAD));
        }
    }

    @Test
    void theAdminPasswordComesFromTheEnvironmentOrATerminalNeverFromTheCommandLine() {
        variables = Map.of();
        CliRunner.Result noPassword = admin("team", "setup");
        CliRunner.Result inUrl = run(Map.of(), "team", "setup", "--admin-user", TeamPostgres.ADMIN,
                "--admin-url", admin.url() + "?password=" + TeamPostgres.ADMIN_PASSWORD);
        typed.add("wrong-password-here");
        CliRunner.Result wrong = admin("team", "setup");
        typed.add(TeamPostgres.ADMIN_PASSWORD);
        CliRunner.Result asked = admin("team", "setup");

        assertThat(noPassword.exitCode()).isEqualTo(1);
        assertThat(noPassword.err()).isEqualTo("error: no password for assist_admin: set ASSIST_ADMIN_PASSWORD, or "
                + "run the command in a terminal to be asked for it\n");
        assertThat(inUrl.exitCode()).isEqualTo(1);
        assertThat(inUrl.err()).startsWith("error: --admin-url must not carry a password")
                .doesNotContain(TeamPostgres.ADMIN_PASSWORD);
        assertThat(wrong.exitCode()).isEqualTo(1);
        assertThat(wrong.err()).contains("password authentication failed for user \"assist_admin\"")
                .doesNotContain("wrong-password-here");
        assertThat(asked.exitCode()).as(asked.err()).isZero();
    }

    @Test
    void mistakesAreOneLineErrorsAndChangeNothing() {
        CliRunner.Result beforeSetup = admin("team", "add-member", "nadia", "--role", "agent");
        CliRunner.Result badRole = admin("team", "add-member", "nadia", "--role", "boss");
        CliRunner.Result badName = admin("team", "add-member", "Nadia Smith", "--role", "agent");
        CliRunner.Result h2 = run(variables, "team", "setup", "--admin-user", "sa", "--admin-url", "jdbc:h2:mem:x");
        CliRunner.Result noUrl = run(variables, "team", "setup", "--admin-user", TeamPostgres.ADMIN);

        // The group roles are server-wide: on a server where no setup ever ran, add-member says to run it first.
        // Here an earlier test may have run one, so either the member was refused for that or nadia was added.
        assertThat(beforeSetup.exitCode() == 0 || beforeSetup.err().contains("run `assist team setup` first"))
                .as(beforeSetup.err()).isTrue();
        assertThat(badRole.exitCode()).isEqualTo(2);
        assertThat(badRole.err()).contains("'boss' is not a role: use agent or lead");
        assertThat(badName.exitCode()).isEqualTo(1);
        assertThat(badName.err()).startsWith("error: \"Nadia Smith\" is not a login name");
        assertThat(h2.exitCode()).isEqualTo(1);
        assertThat(h2.err()).isEqualTo("error: team mode needs PostgreSQL: --admin-url must be a jdbc:postgresql:// "
                + "URL\n");
        assertThat(noUrl.exitCode()).isEqualTo(1);
        assertThat(noUrl.err()).startsWith("error: which database? Give --admin-url");
    }

    private CliRunner.Result admin(String... args) {
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--admin-url";
        all[args.length + 1] = admin.url();
        all[args.length + 2] = "--admin-user";
        all[args.length + 3] = TeamPostgres.ADMIN;
        return run(variables, all);
    }

    private CliRunner.Result run(Map<String, String> environment, String... args) {
        Secrets secrets = new Secrets() {
            @Override
            public Optional<String> variable(String name) {
                return Optional.ofNullable(environment.get(name));
            }

            @Override
            public Optional<char[]> prompt(String question) {
                return Optional.ofNullable(typed.poll()).map(String::toCharArray);
            }
        };
        return new CliRunner(temp.resolve("data"), AssistConfig::defaults, secrets).run(args);
    }

    private static String password(CliRunner.Result added, String name) {
        Matcher line = PASSWORD_LINE.matcher(added.out());
        assertThat(line.find()).as(added.out() + added.err()).isTrue();
        assertThat(line.group(1)).isEqualTo(name);
        return line.group(2);
    }
}
