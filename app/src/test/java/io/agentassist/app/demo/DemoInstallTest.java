package io.agentassist.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentassist.core.model.Message;
import io.agentassist.core.persistence.Database;
import io.agentassist.core.persistence.JdbcTicketStore;
import io.agentassist.core.tickets.TicketSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoInstallTest {
    private static final Instant NOW = Instant.parse("2027-03-01T09:00:00Z");

    @TempDir
    Path dataDir;

    private Database database;
    private JdbcTicketStore tickets;
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    @BeforeEach
    void openStore() {
        database = Database.openEmbedded(dataDir);
        tickets = new JdbcTicketStore(database);
    }

    @AfterEach
    void closeStore() {
        database.close();
    }

    @Test
    void aFreshDataFolderGetsTheHelpCentreFilesAndEveryDemoTicket() throws IOException {
        var demo = new DemoData(dataDir);

        int imported = demo.install(tickets, clock);

        assertThat(imported).isEqualTo(DemoData.readTickets(DemoResources.root().resolve("tickets")).size());
        assertThat(tickets.list()).hasSize(imported);
        try (Stream<Path> files = Files.walk(demo.helpCentre())) {
            assertThat(files.filter(f -> f.toString().endsWith(".md")).count()).isGreaterThanOrEqualTo(40);
        }
        assertThat(demo.installed()).isTrue();
    }

    @Test
    void ticketTimesMoveSoTheNewestMessageArrivedMinutesAgo() throws IOException {
        new DemoData(dataDir).install(tickets, clock);

        Instant newest = tickets.list().stream().map(TicketSummary::id).map(id -> tickets.find(id).orElseThrow())
                .flatMap(t -> t.messages().stream()).map(Message::at).max(Comparator.naturalOrder()).orElseThrow();
        assertThat(newest).isEqualTo(NOW.minus(DemoData.NEWEST_MESSAGE_AGE));
    }

    @Test
    void aSecondStartImportsNothingAndKeepsAnAdminsEditsToTheHelpCentre() throws IOException {
        var demo = new DemoData(dataDir);
        demo.install(tickets, clock);
        Path article;
        try (Stream<Path> files = Files.walk(demo.helpCentre())) {
            article = files.filter(f -> f.toString().endsWith(".md")).findFirst().orElseThrow();
        }
        Files.writeString(article, "---\ntitle: Edited by the admin\n---\nOur own text.\n");

        int imported = demo.install(tickets, clock);

        assertThat(imported).isZero();
        assertThat(Files.readString(article)).contains("Edited by the admin");
    }

    @Test
    void withoutAStoreOnlyTheHelpCentreIsCopiedSoATeamQueueGetsNoDemoTickets() throws IOException {
        var demo = new DemoData(dataDir);

        int imported = demo.install(null, clock);

        assertThat(imported).isZero();
        assertThat(tickets.list()).isEmpty();
        assertThat(demo.helpCentre()).isDirectory();
        assertThat(demo.installed()).as("a later embedded start may still import them").isFalse();
    }

    @Test
    void aDeletedHelpCentreFileComesBackOnTheNextStart() throws IOException {
        var demo = new DemoData(dataDir);
        demo.install(tickets, clock);
        Path article;
        try (Stream<Path> files = Files.walk(demo.helpCentre())) {
            article = files.filter(f -> f.toString().endsWith(".md")).findFirst().orElseThrow();
        }
        Files.delete(article);

        demo.install(tickets, clock);

        assertThat(article).exists();
    }
}
