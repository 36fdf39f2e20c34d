package io.agentassist.core.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentassist.core.model.Author;
import io.agentassist.core.model.Channel;
import io.agentassist.core.model.Customer;
import io.agentassist.core.model.Message;
import io.agentassist.core.model.Ticket;
import io.agentassist.core.model.TicketStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TicketJsonReaderTest {

    @TempDir
    Path tempDir;

    final TicketJsonReader reader = new TicketJsonReader();

    @Test
    void aTicketFileIsReadWithItsCustomerAndMessages() throws IOException {
        Ticket ticket = reader.read(Fixtures.copy("json/parcel.json", tempDir));

        assertThat(ticket.id()).isEqualTo("T-1042");
        assertThat(ticket.subject()).isEqualTo("Where is my parcel?");
        assertThat(ticket.channel()).isEqualTo(Channel.CHAT);
        assertThat(ticket.status()).isEqualTo(TicketStatus.OPEN);
        assertThat(ticket.customer()).isEqualTo(new Customer("Sam Okafor", "sam.okafor@example.com", "en"));
        assertThat(ticket.messages()).extracting(Message::author)
                .containsExactly(Author.CUSTOMER, Author.AGENT, Author.CUSTOMER);
        assertThat(ticket.messages().get(2).text()).isEqualTo("Thanks. It says \"in delivery\" since Wednesday.");
        assertThat(ticket.messages().get(2).at()).isEqualTo(Instant.parse("2025-03-03T09:16:10Z"));
    }

    @Test
    void messageIdsComeFromTheContentSoReadingTheFileAgainGivesTheSameIds() throws IOException {
        Path file = Fixtures.copy("json/parcel.json", tempDir);

        Ticket first = reader.read(file);
        Ticket again = reader.read(file);

        assertThat(again).isEqualTo(first);
        assertThat(first.messages()).extracting(Message::id).doesNotHaveDuplicates().allMatch(id -> id.startsWith("m-"));
    }

    @Test
    void aMessageIdGivenInTheFileIsKept() throws IOException {
        Ticket ticket = reader.read(Fixtures.copy("json/parcel-followup.json", tempDir));

        assertThat(ticket.messages().getLast().id()).isEqualTo("chat-7781");
        assertThat(ticket.messages().subList(0, 3))
                .isEqualTo(reader.read(Fixtures.copy("json/parcel.json", tempDir)).messages());
    }

    @Test
    void aNoteIsAnInternalNoteNotAMessageToTheCustomer() throws IOException {
        Path file = write("note.json", """
                {"id": "T-9", "channel": "email", "customer": {"email": "a@example.com"},
                 "messages": [{"from": "customer", "text": "Where is my parcel?", "at": "2025-03-03T09:14:00Z"},
                              {"from": "note", "text": "Carrier says it is held at customs.", "at": "2025-03-03T09:20:00Z"}]}
                """);

        Ticket ticket = reader.read(file);

        assertThat(ticket.messages()).extracting(m -> m.author())
                .containsExactly(io.agentassist.core.model.Author.CUSTOMER, io.agentassist.core.model.Author.INTERNAL_NOTE);
    }

    @Test
    void subjectNameAndLanguageAreOptional() throws IOException {
        Path file = write("minimal.json", """
                {"id": 77, "channel": "EMAIL", "customer": {"email": "a@example.com"},
                 "messages": [{"from": "customer", "text": "hi", "at": "2025-03-03T09:14:00Z"}]}
                """);

        Ticket ticket = reader.read(file);

        assertThat(ticket.id()).isEqualTo("77");
        assertThat(ticket.subject()).isEmpty();
        assertThat(ticket.customer()).isEqualTo(new Customer("", "a@example.com", ""));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"id": "T-1", "channel": "chat", "customer": {"name": "Sam"}, "messages": [{"from": "customer", "text": "hi", "at": "2025-03-03T09:14:00Z"}]} | field "customer.email" is missing
            {"id": "T-1", "channel": "chat", "messages": [{"from": "customer", "text": "hi", "at": "2025-03-03T09:14:00Z"}]} | field "customer" is missing (expected {"name": …, "email": …})
            {"channel": "chat", "customer": {"email": "s@example.com"}, "messages": [{"from": "customer", "text": "hi", "at": "2025-03-03T09:14:00Z"}]} | field "id" is missing
            {"id": "T-1", "channel": "fax", "customer": {"email": "s@example.com"}, "messages": [{"from": "customer", "text": "hi", "at": "2025-03-03T09:14:00Z"}]} | field "channel" "fax" is not "email" or "chat"
            {"id": "T-1", "channel": "chat", "customer": {"email": "sam"}, "messages": [{"from": "customer", "text": "hi", "at": "2025-03-03T09:14:00Z"}]} | field "customer.email" "sam" is not an e-mail address
            {"id": "T-1", "channel": "chat", "customer": {"email": "s@example.com"}, "messages": []} | field "messages" is missing or empty (expected at least one message)
            {"id": "T-1", "channel": "chat", "customer": {"email": "s@example.com"}, "messages": [{"from": "customer", "text": "hi", "at": "2025-03-03T09:14:00Z"}, {"from": "customer", "text": "hi", "at": "yesterday"}]} | field "messages[1].at" "yesterday" is not an ISO-8601 time with a zone, such as 2025-03-01T09:00:00Z or 2025-03-01T10:00:00+01:00
            {"id": "T-1", "channel": "chat", "customer": {"email": "s@example.com"}, "messages": [{"from": "customer", "text": "hi", "at": "2025-03-03T09:14:00"}]} | field "messages[0].at" "2025-03-03T09:14:00" is not an ISO-8601 time with a zone, such as 2025-03-01T09:00:00Z or 2025-03-01T10:00:00+01:00
            {"id": "T-1", "channel": "chat", "customer": {"email": "s@example.com"}, "messages": [{"from": "bot", "text": "hi", "at": "2025-03-03T09:14:00Z"}]} | field "messages[0].from" "bot" is not "customer", "agent" or "note"
            {"id": "T-1", "channel": "chat", "customer": {"email": "s@example.com"}, "messages": [{"from": "customer", "at": "2025-03-03T09:14:00Z"}]} | field "messages[0].text" is missing
            {"id": "T-1", "channel": "chat", "customer": {"email": "s@example.com"}, "messages": [{"from": "customer", "text": ["hi"], "at": "2025-03-03T09:14:00Z"}]} | field "messages[0].text" is missing
            {"id": {"x": 1}, "channel": "chat"} | field "id" must be a string, not object
            {"id": "T-1", "status": "closed", "channel": "chat", "customer": {"email": "s@example.com"}, "messages": [{"from": "customer", "text": "hi", "at": "2025-03-03T09:14:00Z"}]} | field "status" "closed" is not "open", "pending" or "solved"
            ["not", "an", "object"] | expected a JSON object with the fields id, channel, customer and messages
            """)
    void aWrongFieldIsReportedByNameWithTheFile(String json, String reason) throws IOException {
        Path file = write("bad.json", json);

        assertThatThrownBy(() -> reader.read(file))
                .isInstanceOf(TicketFileException.class)
                .hasMessage("bad.json: " + reason)
                .satisfies(e -> assertThat(((TicketFileException) e).file()).isEqualTo(file));
    }

    @Test
    void aFileThatIsNotJsonSaysWhereItBreaks() throws IOException {
        Path file = write("broken.json", "{\"id\": \"T-1\",\n  \"channel\": chat}");

        assertThatThrownBy(() -> reader.read(file))
                .isInstanceOf(TicketFileException.class)
                .hasMessageStartingWith("broken.json: is not valid JSON: ")
                .hasMessageEndingWith("(line 2, column 14)");
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(tempDir.resolve(name), content);
    }
}
