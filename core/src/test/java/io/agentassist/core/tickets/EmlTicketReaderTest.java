package io.agentassist.core.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentassist.core.model.Author;
import io.agentassist.core.model.Channel;
import io.agentassist.core.model.Customer;
import io.agentassist.core.model.Message;
import io.agentassist.core.model.Ticket;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmlTicketReaderTest {

    static final String FIRST_ID = "CAH7xPq0Zb1Lr=2bN4WkqU8s5R@mail.gmail.com";
    static final String AGENT_REPLY_ID = "20250303100212.4f2a@shop.example";
    static final String REPLY_ID = "CAH7xPq3Vd9Ks=7xYtM2pQ1w@mail.gmail.com";

    @TempDir
    Path tempDir;

    final List<List<String>> lookups = new ArrayList<>();
    final EmlTicketReader unknownThreads = new EmlTicketReader(ids -> {
        lookups.add(ids);
        return Optional.empty();
    });

    @Test
    void aMultipartMailBecomesATicketFromItsPlainTextPart() throws IOException {
        Ticket ticket = unknownThreads.read(Fixtures.copy("eml/first-message.eml", tempDir));

        assertThat(ticket.id()).isEqualTo(FIRST_ID);
        assertThat(ticket.subject()).isEqualTo("Bestellung 48213 – Paket nicht angekommen");
        assertThat(ticket.channel()).isEqualTo(Channel.EMAIL);
        assertThat(ticket.customer()).isEqualTo(new Customer("Jana Nováková", "jana.novakova@example.com", "de"));
        Message message = ticket.messages().getFirst();
        assertThat(ticket.messages()).hasSize(1);
        assertThat(message.id()).isEqualTo(FIRST_ID);
        assertThat(message.author()).isEqualTo(Author.CUSTOMER);
        assertThat(message.at()).isEqualTo(Instant.parse("2025-03-03T08:14:02Z"));
        assertThat(message.text()).isEqualTo("""
                Hallo,

                meine Bestellung 48213 sollte am Freitag ankommen, aber das Paket ist immer noch nicht da. \
                Die Sendungsverfolgung zeigt seit Mittwoch „In Zustellung“.

                Können Sie mir bitte helfen? Ein Screenshot der Sendungsverfolgung ist angehängt.

                Viele Grüße
                Jana Nováková

                [attachments: sendungsverfolgung.png]""");
    }

    @Test
    void aReplyGoesToTheTicketTheStoreHasForItsThreadWithoutTheQuotedHistory() throws IOException {
        EmlTicketReader reader = new EmlTicketReader(ids -> {
            lookups.add(ids);
            return ids.contains(FIRST_ID) ? Optional.of("T-known") : Optional.empty();
        });

        Ticket ticket = reader.read(Fixtures.copy("eml/reply-same-thread.eml", tempDir));

        assertThat(lookups).containsExactly(List.of(FIRST_ID, AGENT_REPLY_ID, REPLY_ID));
        assertThat(ticket.id()).isEqualTo("T-known");
        assertThat(ticket.subject()).as("reply prefix removed").isEqualTo("Bestellung 48213 – Paket nicht angekommen");
        assertThat(ticket.messages()).singleElement().satisfies(message -> {
            assertThat(message.id()).isEqualTo(REPLY_ID);
            assertThat(message.text())
                    .isEqualTo("Danke für die schnelle Antwort! Die Sendungsnummer ist 00340434161094042557.");
            assertThat(message.at()).isEqualTo(Instant.parse("2025-03-03T10:20:41Z"));
        });
    }

    @Test
    void aReplyWhoseThreadIsUnknownStartsATicketNamedAfterTheThreadRoot() throws IOException {
        Ticket ticket = unknownThreads.read(Fixtures.copy("eml/reply-same-thread.eml", tempDir));

        assertThat(ticket.id()).isEqualTo(FIRST_ID);
        assertThat(ticket.messages().getFirst().id()).isEqualTo(REPLY_ID);
    }

    @Test
    void anHtmlOnlyMailIsReadAsTextWithoutTheQuotedHistory() throws IOException {
        Ticket ticket = unknownThreads.read(Fixtures.copy("eml/html-only.eml", tempDir));

        assertThat(ticket.customer()).isEqualTo(new Customer("Pierre Lefèvre", "pierre.lefevre@example.fr", ""));
        assertThat(ticket.subject()).isEqualTo("Refund not received");
        assertThat(ticket.messages().getFirst().text()).isEqualTo("""
                Hello,

                I returned the jacket (order 51870) two weeks ago & still have not received my refund of 89,90 €.

                - Return label: DE-RT-7731
                - Sent on: 14 February

                Regards,
                Pierre Lefèvre""");
    }

    @Test
    void aMailWithoutSenderIsRefusedNamingTheFile() {
        Path file = Fixtures.copy("eml/no-sender.eml", tempDir);

        assertThatThrownBy(() -> unknownThreads.read(file))
                .isInstanceOf(TicketFileException.class)
                .hasMessage("no-sender.eml: has no sender: the From header is missing or has no address");
    }

    @Test
    void aMailWithoutTextIsRefused() throws IOException {
        Path file = Files.writeString(tempDir.resolve("empty.eml"), """
                From: a@example.com
                Subject: nothing
                Content-Type: text/plain

                > only a quote
                """);

        assertThatThrownBy(() -> unknownThreads.read(file))
                .isInstanceOf(TicketFileException.class)
                .hasMessageContaining("has no text");
    }

    @Test
    void aMailWithoutMessageIdGetsTheSameIdFromItsContentEveryTime() throws IOException {
        Path file = Files.writeString(tempDir.resolve("bare.eml"), """
                From: Ann <ann@example.com>
                Date: Tue, 4 Mar 2025 12:00:00 +0000
                Subject: Fwd: RE: Invoice

                Where is my invoice?
                """);

        Ticket first = unknownThreads.read(file);
        Ticket again = unknownThreads.read(file);

        assertThat(first.id()).startsWith("eml-").isEqualTo(again.id());
        assertThat(first.messages().getFirst().id()).isEqualTo(first.id());
        assertThat(first.subject()).isEqualTo("Invoice");
        assertThat(first.messages().getFirst().at()).isEqualTo(Instant.parse("2025-03-04T12:00:00Z"));
    }

    @Test
    void messageIdHeadersAreReadWithoutAngleBrackets() {
        assertThat(EmlTicketReader.ids(" <a@x>\r\n\t<b@y> ")).containsExactly("a@x", "b@y");
        assertThat(EmlTicketReader.ids("bare@id")).containsExactly("bare@id");
        assertThat(EmlTicketReader.ids(null)).isEmpty();
    }
}
