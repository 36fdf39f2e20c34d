package io.agentassist.core.tickets;

import static io.agentassist.core.tickets.EmlTicketReaderTest.FIRST_ID;
import static io.agentassist.core.tickets.EmlTicketReaderTest.REPLY_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentassist.core.model.Message;
import io.agentassist.core.model.Ticket;
import io.agentassist.core.persistence.Database;
import io.agentassist.core.persistence.JdbcTicketStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TicketImporterTest {

    @TempDir
    Path tempDir;

    Database database;
    JdbcTicketStore store;
    TicketImporter importer;

    @BeforeEach
    void openStore() {
        database = Database.openEmbedded(tempDir.resolve("data"));
        store = new JdbcTicketStore(database);
        importer = new TicketImporter(store);
    }

    @AfterEach
    void closeStore() {
        database.close();
    }

    @Test
    void importingTheSameFileTwiceAddsNothing() throws IOException {
        Path file = Fixtures.copy("json/parcel.json", tempDir);

        TicketUpdate first = importer.importFile(file);
        TicketUpdate again = importer.importFile(file);

        assertThat(first.created()).isTrue();
        assertThat(first.newMessageIds()).hasSize(3);
        assertThat(again).isEqualTo(new TicketUpdate("T-1042", false, List.of()));
        assertThat(store.find("T-1042").orElseThrow().messages()).hasSize(3);
    }

    @Test
    void importingTheSameMailTwiceAddsNothing() throws IOException {
        Path file = Fixtures.copy("eml/first-message.eml", tempDir);

        importer.importFile(file);

        assertThat(importer.importFile(file).changedAnything()).isFalse();
        assertThat(store.list()).hasSize(1);
    }

    @Test
    void aFollowUpFileAddsOnlyItsNewMessage() throws IOException {
        importer.importFile(Fixtures.copy("json/parcel.json", tempDir));

        TicketUpdate update = importer.importFile(Fixtures.copy("json/parcel-followup.json", tempDir));

        assertThat(update).isEqualTo(new TicketUpdate("T-1042", false, List.of("chat-7781")));
    }

    @Test
    void aFollowUpEmailJoinsTheTicketOfItsThread() throws IOException {
        importer.importFile(Fixtures.copy("eml/first-message.eml", tempDir));

        TicketUpdate update = importer.importFile(Fixtures.copy("eml/reply-same-thread.eml", tempDir));

        assertThat(update).isEqualTo(new TicketUpdate(FIRST_ID, false, List.of(REPLY_ID)));
        Ticket ticket = store.find(FIRST_ID).orElseThrow();
        assertThat(ticket.subject()).isEqualTo("Bestellung 48213 – Paket nicht angekommen");
        assertThat(ticket.messages()).extracting(Message::id).containsExactly(FIRST_ID, REPLY_ID);
        assertThat(store.list()).hasSize(1);
    }

    @Test
    void aThreadRootArrivingAfterItsReplyJoinsTheSameTicket() throws IOException {
        importer.importFile(Fixtures.copy("eml/reply-same-thread.eml", tempDir));

        TicketUpdate update = importer.importFile(Fixtures.copy("eml/first-message.eml", tempDir));

        assertThat(update).isEqualTo(new TicketUpdate(FIRST_ID, false, List.of(FIRST_ID)));
        assertThat(store.find(FIRST_ID).orElseThrow().messages()).extracting(Message::id)
                .containsExactly(FIRST_ID, REPLY_ID);
    }

    @Test
    void aTicketTheStoreRefusesIsAnErrorOfTheFile() throws IOException {
        Path file = Files.writeString(tempDir.resolve("long-id.json"), """
                {"id": "%s", "channel": "chat", "customer": {"email": "a@example.com"},
                 "messages": [{"from": "customer", "text": "hi", "at": "2025-03-03T09:14:00Z"}]}
                """.formatted("x".repeat(1001)));

        assertThatThrownBy(() -> importer.importFile(file))
                .isInstanceOf(TicketFileException.class)
                .hasMessageEndingWith("is longer than 1000 characters");
        assertThat(store.list()).isEmpty();
    }

    @Test
    void onlyJsonAndEmlFilesAreImported() throws IOException {
        Path text = Files.writeString(tempDir.resolve("notes.txt"), "hello");

        assertThat(TicketImporter.canImport(Path.of("a.JSON"))).isTrue();
        assertThat(TicketImporter.canImport(Path.of("a.eml"))).isTrue();
        assertThat(TicketImporter.canImport(Path.of("a.json.part"))).isFalse();
        assertThatThrownBy(() -> importer.importFile(text))
                .isInstanceOf(TicketFileException.class)
                .hasMessage("notes.txt: is neither a .json ticket nor an .eml mail");
    }
}
