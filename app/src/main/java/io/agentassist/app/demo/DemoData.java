package io.agentassist.app.demo;

import io.agentassist.core.model.Message;
import io.agentassist.core.model.Ticket;
import io.agentassist.core.tickets.TicketJsonReader;
import io.agentassist.core.tickets.TicketStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the demo company (Fernway Outfitters) on a fresh machine: its help centre as Markdown files in the
 * data folder, where the indexer reads them and a curious admin can too, and its tickets in the store.
 *
 * <p>Runs once per data folder (a marker file remembers it), so tickets the agent answered or an admin
 * deleted do not come back. Ticket times are moved so that the newest message arrived a few minutes ago:
 * the queue's waiting times then look like a working morning, whenever the demo is started.
 */
public final class DemoData {
    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);
    static final String MARKER = "installed";
    static final Duration NEWEST_MESSAGE_AGE = Duration.ofMinutes(3);

    private final Path demoDir;

    /** @param dataDir the application's data folder; the demo goes to its {@code demo/} folder */
    public DemoData(Path dataDir) {
        this.demoDir = dataDir.resolve("demo");
    }

    /** Where the demo help centre is copied to; the knowledge folder when none is configured. */
    public Path helpCentre() {
        return demoDir.resolve("help-centre");
    }

    public boolean installed() {
        return Files.exists(demoDir.resolve(MARKER));
    }

    /**
     * Copies the help centre (missing files only: an admin's edits stay) and, the first time, imports the
     * tickets.
     *
     * @param store where the tickets go; null copies the help centre only (a team's shared database gets no
     *              demo tickets)
     * @return the number of tickets imported, 0 when the demo was installed before
     */
    public int install(TicketStore store, Clock clock) throws IOException {
        return install(store, clock, now -> { });
    }

    /** Seeds more of the demo on the first install only, after the tickets (the review history). */
    @FunctionalInterface
    public interface History {
        void seed(java.time.Instant now) throws IOException;
    }

    /** {@link #install(TicketStore, Clock)}, then, the first time only, {@code history}. */
    public int install(TicketStore store, Clock clock, History history) throws IOException {
        Path resources = DemoResources.root();
        copyHelpCentre(resources.resolve("help-centre"));
        if (installed() || store == null) {
            return 0;
        }
        List<Ticket> tickets = readTickets(resources.resolve("tickets"));
        Duration shift = shift(tickets, clock.instant());
        for (Ticket ticket : tickets) {
            store.importTicket(shifted(ticket, shift));
        }
        history.seed(clock.instant());
        Files.writeString(demoDir.resolve(MARKER), "Fernway Outfitters demo installed " + clock.instant() + "\n");
        LOG.info("Demo data installed: {} tickets, help centre in {}", tickets.size(), helpCentre());
        return tickets.size();
    }

    private void copyHelpCentre(Path source) throws IOException {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = helpCentre().resolve(source.relativize(file).toString());
                if (!Files.exists(target)) {
                    Files.createDirectories(target.getParent());
                    Files.copy(file, target);
                }
            }
        }
    }

    static List<Ticket> readTickets(Path folder) throws IOException {
        TicketJsonReader reader = new TicketJsonReader();
        List<Ticket> tickets = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
                tickets.add(reader.read(file));
            }
        }
        return tickets;
    }

    /** How far to move every time so that the newest message is {@link #NEWEST_MESSAGE_AGE} old. */
    static Duration shift(List<Ticket> tickets, Instant now) {
        return tickets.stream().flatMap(t -> t.messages().stream()).map(Message::at).max(Comparator.naturalOrder())
                .map(newest -> Duration.between(newest, now.minus(NEWEST_MESSAGE_AGE)))
                .orElse(Duration.ZERO);
    }

    static Ticket shifted(Ticket ticket, Duration shift) {
        return ticket.withMessages(ticket.messages().stream()
                .map(m -> new Message(m.id(), m.author(), m.text(), m.at().plus(shift)))
                .toList());
    }
}
