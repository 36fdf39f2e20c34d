package io.agentassist.app.cli;

import io.agentassist.core.persistence.DatabaseSettings;
import io.agentassist.core.persistence.TeamMember;
import io.agentassist.core.persistence.TeamSetup;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code assist team setup}: migrates the schema as its owner and applies the team's roles and policies. */
@Command(name = "setup",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        versionProvider = VersionProvider.class,
        header = "Bring the team database up to date and apply its roles, privileges and row-level security.",
        description = {"Runs the schema migrations as the admin, then creates the group roles assist_agent and "
                + "assist_lead (if missing) and applies exactly the privileges and policies this version of Agent "
                + "Assist defines. Safe to run again; run it after every upgrade of Agent Assist, because team "
                + "members' logins may not change the schema.",
                "The admin's password is read from $" + AdminLogin.PASSWORD_VARIABLE + ", else asked for."})
final class TeamSetupCommand implements Callable<Integer> {
    private final CliEnvironment env;

    @Spec
    CommandSpec spec;

    @Mixin
    AdminLogin admin;

    TeamSetupCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        DatabaseSettings settings = admin.settings(env);
        TeamSetup.Report report = AdminLogin.run(() -> TeamSetup.apply(settings));
        PrintWriter out = spec.commandLine().getOut();
        out.println("Team mode is ready on " + settings.safeUrl() + " (database " + report.database() + ", schema "
                + report.schema() + " at version " + report.schemaVersion() + ").");
        out.println("Group roles: assist_agent (every member), assist_lead (leads, who are agents too). Row-level "
                + "security on drafts, draft_citations, draft_flags, feedback, outbox and draft_reviews.");
        out.println("Members: " + (report.members().isEmpty() ? "none yet" : report.members().stream()
                .map(TeamSetupCommand::describe).collect(Collectors.joining(", "))));
        out.println("Next, for each person: assist team add-member NAME --role agent|lead --admin-user "
                + settings.user() + " --admin-url " + TeamSetup.memberUrl(settings));
        out.flush();
        return 0;
    }

    static String describe(TeamMember member) {
        return member.login() + " (" + member.role().label() + ")";
    }
}
