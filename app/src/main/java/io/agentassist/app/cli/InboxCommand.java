package io.agentassist.app.cli;

import io.agentassist.app.wiring.AssistServices;
import io.agentassist.core.config.AssistConfig;
import io.agentassist.core.persistence.Database;
import io.agentassist.core.persistence.JdbcTicketStore;
import io.agentassist.core.tickets.InboxWatcher;
import io.agentassist.core.tickets.TicketImporter;
import io.agentassist.core.tickets.TicketUpdate;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code assist inbox}: the live feed on embedded defaults. Ticket files (.json, .eml) dropped into the inbox
 * folder become tickets, or new messages on the ticket they belong to, in the database.
 */
@Command(name = "inbox",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        versionProvider = VersionProvider.class,
        header = "Import ticket files dropped into the inbox folder (the live feed).",
        description = {"A new .json or .eml file becomes a new ticket, or new messages on the ticket it belongs to "
                + "(same id, or the same e-mail thread), within a second. Imported files move to processed/; a "
                + "malformed file moves to failed/ with <name>.error.txt giving the reason. Nothing already stored "
                + "is changed.",
                "Watches until stopped (Ctrl+C), or with --once imports what is there and exits."})
final class InboxCommand implements Callable<Integer> {
    private static final Duration ONCE_BOUND = Duration.ofSeconds(30);

    private final CliEnvironment env;

    @Spec
    CommandSpec spec;

    @Option(names = "--folder", paramLabel = "DIR",
            description = "Inbox folder. Default: inbox.dir from the configuration, else <data folder>/inbox.")
    Path folder;

    @Option(names = "--once", description = "Import the files that are there now, then exit.")
    boolean once;

    InboxCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() throws Exception {
        AssistConfig config = env.config();
        Path inbox = (folder != null ? folder : config.inboxDir().orElse(env.directories().dataDir().resolve("inbox")))
                .toAbsolutePath().normalize();
        Files.createDirectories(inbox);
        PrintWriter out = spec.commandLine().getOut();
        try (Database database = CliDatabase.open(env, new AssistServices(config, Clock.systemUTC()));
             InboxWatcher watcher = new InboxWatcher(inbox, new TicketImporter(new JdbcTicketStore(database)))) {
            watcher.addListener(update -> report(out, update));
            List<Path> failedBefore = failureReasons(watcher.failedFolder());
            watcher.start();
            if (once) {
                awaitEmpty(watcher);
                for (Path reason : failureReasons(watcher.failedFolder())) {
                    if (!failedBefore.contains(reason)) {
                        reportFailure(out, reason);
                    }
                }
            } else {
                out.println("Watching " + inbox + " for ticket files (.json, .eml). Stop with Ctrl+C.");
                out.flush();
                CountDownLatch stopped = new CountDownLatch(1);
                Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
                stopped.await();
            }
        }
        out.flush();
        return 0;
    }

    private static synchronized void report(PrintWriter out, TicketUpdate update) {
        int count = update.newMessageIds().size();
        out.println(update.ticketId() + ": " + (update.created() ? "new ticket" : "updated") + ", " + count
                + (count == 1 ? " new message" : " new messages"));
        out.flush();
    }

    /** Waits, bounded, until no importable file is left in the inbox. */
    private static void awaitEmpty(InboxWatcher watcher) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + ONCE_BOUND.toNanos();
        while (System.nanoTime() < deadline) {
            try (Stream<Path> files = Files.list(watcher.inbox())) {
                if (files.noneMatch(file -> Files.isRegularFile(file) && TicketImporter.canImport(file))) {
                    return;
                }
            }
            Thread.sleep(50);
        }
        throw new CliError("files are still waiting in " + watcher.inbox() + " after " + ONCE_BOUND.toSeconds()
                + " s: is the database reachable? (details in the log)");
    }

    /** The reason files the watcher writes beside each file it could not import, oldest name first. */
    private static List<Path> failureReasons(Path failed) throws IOException {
        if (!Files.isDirectory(failed)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(failed)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".error.txt")).sorted().toList();
        }
    }

    private static void reportFailure(PrintWriter out, Path reason) throws IOException {
        String name = reason.getFileName().toString();
        out.println("failed: " + name.substring(0, name.length() - ".error.txt".length()) + ": "
                + Files.readString(reason).strip().lines().findFirst().orElse("no reason recorded"));
    }

}
