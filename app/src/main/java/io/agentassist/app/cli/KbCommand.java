package io.agentassist.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code assist kb}: build, search, evaluate and benchmark the local knowledge index. */
@Command(name = "kb",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        versionProvider = VersionProvider.class,
        header = "Build, search, evaluate and benchmark the local knowledge index.",
        subcommands = {KbIndexCommand.class, KbSearchCommand.class, KbEvalCommand.class, KbBenchCommand.class})
public final class KbCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: expected one of "
                + String.join(", ", spec.subcommands().keySet()));
    }
}
