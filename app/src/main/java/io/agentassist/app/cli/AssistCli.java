package io.agentassist.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Builds the {@code assist} command line: the commands with their dependencies, the default index folder,
 * and error handling that shows a user one line, never a stack trace.
 */
public final class AssistCli {
    /** Written to the log file only (see logback.xml), so a failure's details never reach the terminal. */
    static final Logger FAILURES = LoggerFactory.getLogger("io.agentassist.app.cli.failures");

    private AssistCli() {
    }

    public static CommandLine create(CliEnvironment env) {
        var cmd = new CommandLine(AssistCommand.class, new Factory(env));
        cmd.setDefaultValueProvider(argSpec -> argSpec instanceof OptionSpec option
                && "--index".equals(option.longestName()) ? env.directories().indexDir().toString() : null);
        cmd.setParameterExceptionHandler(AssistCli::handleParameterError);
        Path logFile = env.directories().logDir().resolve("assist.log");
        cmd.setExecutionExceptionHandler((ex, failed, parseResult) -> handleFailure(ex, failed, logFile));
        return cmd;
    }

    /** Invalid input: the message, spelling suggestions if any, and where to find help. Exit code 2. */
    private static int handleParameterError(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("error: " + ex.getMessage());
        UnmatchedArgumentException.printSuggestions(ex, err);
        err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return cmd.getCommandSpec().exitCodeOnInvalidInput();
    }

    /** A failure while running: one line for the user, the details in the log file. Exit code 1. */
    private static int handleFailure(Exception ex, CommandLine cmd, Path logFile) {
        String command = cmd.getCommandSpec().qualifiedName();
        PrintWriter err = cmd.getErr();
        if (ex instanceof CliError) {
            FAILURES.debug("{} failed: {}", command, ex.getMessage(), ex);
            err.println("error: " + ex.getMessage());
        } else {
            FAILURES.error("{} failed unexpectedly", command, ex);
            err.println("error: " + command + " failed unexpectedly: " + describe(ex)
                    + " (details in " + logFile + ")");
        }
        err.flush();
        return cmd.getCommandSpec().exitCodeOnExecutionException();
    }

    private static String describe(Throwable ex) {
        String message = ex.getMessage();
        return message == null || message.isBlank() ? ex.getClass().getSimpleName() : message;
    }

    /** Plain constructor injection for the commands; picocli's default for everything else. */
    private static final class Factory implements IFactory {
        private final Map<Class<?>, Supplier<Object>> commands;

        Factory(CliEnvironment env) {
            // Map.of takes at most ten pairs.
            commands = Map.ofEntries(
                    command(KbIndexCommand.class, () -> new KbIndexCommand(env)),
                    command(KbSearchCommand.class, () -> new KbSearchCommand(env)),
                    command(KbBenchCommand.class, () -> new KbBenchCommand(env)),
                    command(SuggestCommand.class, () -> new SuggestCommand(env)),
                    command(SummarizeCommand.class, () -> new SummarizeCommand(env)),
                    command(InboxCommand.class, () -> new InboxCommand(env)),
                    command(BenchWindowCommand.class, () -> new BenchWindowCommand(env)),
                    command(TeamSetupCommand.class, () -> new TeamSetupCommand(env)),
                    command(TeamAddMemberCommand.class, () -> new TeamAddMemberCommand(env)),
                    command(TeamRemoveMemberCommand.class, () -> new TeamRemoveMemberCommand(env)),
                    command(TeamMembersCommand.class, () -> new TeamMembersCommand(env)),
                    command(ReviewReportCommand.class, () -> new ReviewReportCommand(env)),
                    command(ReviewExportCommand.class, () -> new ReviewExportCommand(env)),
                    command(ReviewGapsCommand.class, () -> new ReviewGapsCommand(env)),
                    command(ReviewDraftArticleCommand.class, () -> new ReviewDraftArticleCommand(env)));
        }

        private static Map.Entry<Class<?>, Supplier<Object>> command(Class<?> type, Supplier<Object> create) {
            return Map.entry(type, create);
        }

        @Override
        public <K> K create(Class<K> type) throws Exception {
            Supplier<Object> supplier = commands.get(type);
            return supplier != null ? type.cast(supplier.get()) : CommandLine.defaultFactory().create(type);
        }
    }
}
