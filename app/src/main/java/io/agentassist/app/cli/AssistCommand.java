package io.agentassist.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code assist}: without arguments the launcher opens the window; with arguments this command line runs. */
@Command(name = "assist",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        versionProvider = VersionProvider.class,
        header = "Agent Assist: an offline co-pilot for contact-centre agents.",
        description = {
            "Run without arguments to open the desktop window.",
            "The commands below build the knowledge base the co-pilot grounds its suggestions in, draft "
                    + "and summarise replies for a ticket, feed tickets in from the inbox folder, and report to "
                    + "team leads how suggestions were used. Nothing is ever sent from the command line."},
        subcommands = {KbCommand.class, SuggestCommand.class, SummarizeCommand.class, InboxCommand.class,
            ReviewCommand.class, BenchCommand.class, TeamCommand.class})
public final class AssistCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: expected one of "
                + String.join(", ", spec.subcommands().keySet()));
    }
}
