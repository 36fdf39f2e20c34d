package io.agentassist.app.cli;

import io.agentassist.core.persistence.DatabaseSettings;
import io.agentassist.core.persistence.TeamSetup;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code assist team remove-member NAME}: the person leaves the team; what they wrote stays. */
@Command(name = "remove-member",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        versionProvider = VersionProvider.class,
        header = "Take a person out of the team: no role, no login. Their drafts and reviews stay.",
        description = "The login role itself is kept (NOLOGIN), so the drafts, approvals and reviews it wrote "
                + "keep their owner's name in the lead's reports.")
final class TeamRemoveMemberCommand implements Callable<Integer> {
    private final CliEnvironment env;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "The member's login name.")
    String name;

    @Mixin
    AdminLogin admin;

    TeamRemoveMemberCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        DatabaseSettings settings = admin.settings(env);
        AdminLogin.run(() -> {
            TeamSetup.removeMember(settings, name);
            return null;
        });
        PrintWriter out = spec.commandLine().getOut();
        out.println("Removed " + name + " from the team on " + TeamSetup.memberUrl(settings) + ": the login can no "
                + "longer connect, and open sessions lose their rights with their next statement. What " + name
                + " wrote stays.");
        out.flush();
        return 0;
    }
}
