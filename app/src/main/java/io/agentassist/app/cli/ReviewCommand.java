package io.agentassist.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code assist review}: what team leads read about the suggestions their team used, edited and discarded. */
@Command(name = "review",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        versionProvider = VersionProvider.class,
        header = "Team-lead review: usage metrics, the review table as CSV, knowledge gaps and article drafts.",
        description = {
            "Reads the database the app uses: the embedded one in the data folder, or the shared one that "
                    + "database.url in the config file names.",
            "Dates are calendar days in this computer's time zone (--zone to choose another), both ends included: "
                    + "--from 2026-03-02 --to 2026-03-08 is Monday 00:00 to Sunday 24:00."},
        subcommands = {ReviewReportCommand.class, ReviewExportCommand.class, ReviewGapsCommand.class,
            ReviewDraftArticleCommand.class})
public final class ReviewCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: expected one of "
                + String.join(", ", spec.subcommands().keySet()));
    }
}
