package io.agentassist.app.cli;

import io.agentassist.core.config.AssistConfigLoader;
import io.agentassist.core.persistence.DatabaseSettings;
import io.agentassist.core.persistence.TeamRole;
import io.agentassist.core.persistence.TeamSetup;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code assist team add-member NAME --role agent|lead}: a PostgreSQL login for one person, with a new password
 * shown once, and the lines that person's workstation needs.
 */
@Command(name = "add-member",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        versionProvider = VersionProvider.class,
        header = "Give a person a login of their own, as an agent or a lead.",
        description = {"Creates the PostgreSQL login NAME in the team's group role and prints its password (a new "
                + "random one, shown this once; or one you type with --ask-password) with the configuration lines "
                + "for that person's workstation. The password is sent to the server only as a SCRAM verifier.",
                "Run `assist team setup` first."})
final class TeamAddMemberCommand implements Callable<Integer> {
    private final CliEnvironment env;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME",
            description = "Login name: lower-case letters, digits and _, e.g. alice. It names the person's drafts.")
    String name;

    @Option(names = "--role", required = true, paramLabel = "agent|lead", converter = RoleConverter.class,
            description = "agent: their own drafts and the coaching on them; lead: everybody's, and writes reviews.")
    TeamRole role;

    @Option(names = "--ask-password",
            description = "Ask for the password (twice, in the terminal) instead of generating one.")
    boolean askPassword;

    @Option(names = "--update",
            description = "The login exists: give it this role and a new password.")
    boolean update;

    @Mixin
    AdminLogin admin;

    TeamAddMemberCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        TeamSetup.nameProblem(name).ifPresent(problem -> {
            throw new CliError(problem);
        });
        DatabaseSettings settings = admin.settings(env);
        char[] password = askPassword ? typedPassword() : TeamSetup.generatePassword();
        try {
            TeamSetup.NewMember added = AdminLogin.run(() -> TeamSetup.addMember(settings, name, role, password,
                    update));
            print(settings, added, password);
        } finally {
            Arrays.fill(password, '\0');
        }
        return 0;
    }

    private void print(DatabaseSettings settings, TeamSetup.NewMember added, char[] password) {
        PrintWriter out = spec.commandLine().getOut();
        String url = TeamSetup.memberUrl(settings);
        out.println((added.created() ? "Added " : "Updated ") + name + " as " + article(role) + " on " + url + ".");
        String shown;
        if (askPassword) {
            shown = "<the password you typed>";
        } else {
            shown = new String(password);
            out.println();
            out.println("Password for " + name + " (shown this once; hand it over privately): " + shown);
        }
        out.println();
        out.println("On " + name + "'s workstation, in ~/.config/agent-assist/config.properties (chmod 600):");
        out.println("  " + AssistConfigLoader.DATABASE_URL + "=" + url);
        out.println("  " + AssistConfigLoader.DATABASE_USER + "=" + name);
        out.println("  " + AssistConfigLoader.DATABASE_PASSWORD + "=" + shown);
        out.println("or in the environment: ASSIST_DATABASE_URL, ASSIST_DATABASE_USER and ASSIST_DATABASE_PASSWORD.");
        out.flush();
    }

    private char[] typedPassword() {
        char[] first = env.secrets().prompt("Password for " + name + ": ")
                .orElseThrow(() -> new CliError("--ask-password needs a terminal to ask in"));
        char[] again = env.secrets().prompt("The same again: ").orElse(new char[0]);
        try {
            if (!Arrays.equals(first, again)) {
                throw new CliError("the two passwords differ; nothing was changed");
            }
            if (first.length < TeamSetup.SHORTEST_PASSWORD) {
                throw new CliError("the password must have at least " + TeamSetup.SHORTEST_PASSWORD
                        + " characters; nothing was changed");
            }
            return first.clone();
        } finally {
            Arrays.fill(first, '\0');
            Arrays.fill(again, '\0');
        }
    }

    private static String article(TeamRole role) {
        return role == TeamRole.AGENT ? "an agent" : "a lead";
    }

    /** {@code agent} or {@code lead}, in any case. */
    static final class RoleConverter implements ITypeConverter<TeamRole> {
        @Override
        public TeamRole convert(String value) {
            return switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "agent" -> TeamRole.AGENT;
                case "lead" -> TeamRole.LEAD;
                default -> throw new TypeConversionException("'" + value + "' is not a role: use agent or lead");
            };
        }
    }
}
