package io.agentassist.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code assist team}: the admin's commands for team mode on a shared PostgreSQL database. */
@Command(name = "team",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        versionProvider = VersionProvider.class,
        header = "Set up a shared PostgreSQL database for a team and manage its members (run by the admin).",
        description = {"Each person logs in with a login of their own. The database, not the window, decides what "
                + "they see: an agent their own drafts and the coaching on them, a lead everybody's. Tickets are "
                + "the team's shared queue.",
                "The admin's password is read from $" + AdminLogin.PASSWORD_VARIABLE + ", else asked for in the "
                        + "terminal; never give it as an argument."},
        subcommands = {TeamSetupCommand.class, TeamAddMemberCommand.class, TeamRemoveMemberCommand.class,
            TeamMembersCommand.class})
public final class TeamCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: expected one of "
                + String.join(", ", spec.subcommands().keySet()));
    }
}
