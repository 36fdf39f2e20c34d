package io.agentassist.app.cli;

import io.agentassist.core.persistence.DatabaseSettings;
import io.agentassist.core.persistence.TeamMember;
import io.agentassist.core.persistence.TeamSetup;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code assist team members}: who is in the team, as the database sees it. */
@Command(name = "members",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        versionProvider = VersionProvider.class,
        header = "List the team's members and their roles.",
        description = "Roles are PostgreSQL roles and belong to the whole server, so this is the server's team.")
final class TeamMembersCommand implements Callable<Integer> {
    private final CliEnvironment env;

    @Spec
    CommandSpec spec;

    @Mixin
    AdminLogin admin;

    TeamMembersCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        DatabaseSettings settings = admin.settings(env);
        List<TeamMember> members = AdminLogin.run(() -> TeamSetup.members(settings));
        PrintWriter out = spec.commandLine().getOut();
        if (members.isEmpty()) {
            out.println("No members yet: assist team add-member NAME --role agent|lead");
        }
        for (TeamMember member : members) {
            out.println(member.login() + "\t" + member.role().label());
        }
        out.flush();
        return 0;
    }
}
