package io.agentassist.app.cli;

import static io.agentassist.core.testsupport.FakeResponse.reply;
import static io.agentassist.core.testsupport.FakeResponse.status;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentassist.core.config.AssistConfig;
import io.agentassist.core.llm.ModelSettings;
import io.agentassist.core.testsupport.FakeOpenAiServer;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code assist suggest} and {@code assist summarize} as a user runs them: offline on embedded defaults, and
 * against a local server speaking the OpenAI wire format (our plumbing, not a model's quality).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SuggestAndSummarizeCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path temp;

    private Path index;
    private Path ticket;
    private FakeOpenAiServer server;

    @BeforeAll
    void indexTheFixture() throws URISyntaxException {
        index = temp.resolve("index");
        ticket = Path.of(getClass().getResource("/tickets/refund-question.json").toURI());
        var indexed = new CliRunner(temp.resolve("data")).run("kb", "index", "--source",
                Path.of(getClass().getResource("/kb-fixture").toURI()).toString(), "--index", index.toString());
        assertThat(indexed.exitCode()).isZero();
        server = FakeOpenAiServer.start();
    }

    @AfterAll
    void stopServer() {
        server.close();
    }

    private CliRunner withModel() {
        return new CliRunner(temp.resolve("data-llm"), () -> new AssistConfig(
                new ModelSettings(server.baseUrl(), "sk-test", "gpt-test", Duration.ofSeconds(5), 0),
                "Sam Rivera", "Sam Rivera, Northwind Support", Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), List.of()));
    }

    @Test
    void offlineSuggestionCitesTheRefundArticleAndSaysItIsOffline() throws Exception {
        var result = new CliRunner(temp.resolve("data")).run("suggest", "--ticket", ticket.toString(),
                "--index", index.toString(), "--json");

        assertThat(result.err()).isEmpty();
        assertThat(result.exitCode()).isZero();
        JsonNode json = JSON.readTree(result.out());
        assertThat(json.path("mode").asText()).isEqualTo("offline");
        assertThat(json.path("draft").asText()).startsWith("Hi Maria").contains("[1]");
        assertThat(json.path("citations").path(0).path("articleId").asText()).isEqualTo("billing/refunds");
        assertThat(json.path("flags").findValuesAsText("kind")).contains("offline");
    }

    @Test
    void humanOutputShowsTheDraftItsSourcesAndThatNothingWasSent() {
        var result = new CliRunner(temp.resolve("data")).run("suggest", "--ticket", ticket.toString(),
                "--index", index.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Suggested reply for ticket T-3001 (offline — no language model is configured):")
                .contains("Sources:\n  [1] Refunds")
                .contains("Nothing was sent: a reply reaches the customer only when an agent approves it.");
    }

    @Test
    void withAModelTheDraftComesFromItAndTheCardNumberNeverLeaves() throws Exception {
        server.enqueue(reply("Hi Maria,\n\nCard refunds appear within 5 to 7 working days [1].\n\nBest regards,\nSam Rivera"));

        var result = withModel().run("suggest", "--ticket", ticket.toString(), "--index", index.toString(), "--json");

        assertThat(result.exitCode()).isZero();
        JsonNode json = JSON.readTree(result.out());
        assertThat(json.path("mode").asText()).isEqualTo("llm");
        assertThat(json.path("draft").asText()).contains("5 to 7 working days [1]");
        assertThat(json.path("citations").path(0).path("articleId").asText()).isEqualTo("billing/refunds");
        assertThat(server.lastRequest().body()).doesNotContain("4111").contains("[CARD_1]");
    }

    @Test
    void aFailingModelStillGivesTheOfflineDraftAndSaysWhy() {
        server.enqueue(status(500));

        var result = withModel().run("suggest", "--ticket", ticket.toString(), "--index", index.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("offline — the model could not be used: the model's server failed");
    }

    @Test
    void summarizePrintsTheStructuredSummaryAndTheHandoffNote() throws Exception {
        var human = new CliRunner(temp.resolve("data")).run("summarize", "--ticket", ticket.toString());
        var json = new CliRunner(temp.resolve("data")).run("summarize", "--ticket", ticket.toString(), "--json");

        assertThat(human.exitCode()).isZero();
        assertThat(human.out()).contains("Case summary of ticket T-3001 (offline):", "Intent:", "Handoff note:");
        JsonNode summary = JSON.readTree(json.out());
        assertThat(summary.path("mode").asText()).isEqualTo("offline");
        assertThat(summary.path("intent").asText()).isNotBlank();
        assertThat(summary.path("open_questions").isArray()).isTrue();
    }

    @Test
    void aBrokenTicketFileIsOneClearErrorNamingTheFile() throws Exception {
        Path broken = Files.writeString(temp.resolve("broken.json"), "{\"id\": \"T-1\", \"channel\": \"fax\"}");

        var result = new CliRunner(temp.resolve("data")).run("suggest", "--ticket", broken.toString(),
                "--index", index.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("error: ").contains("broken.json").doesNotContain("Exception");
    }

    @Test
    void theCustomersEarlierTicketsInTheDatabaseReachThePrompt() throws Exception {
        Path inbox = Files.createDirectories(temp.resolve("inbox-earlier"));
        Files.writeString(inbox.resolve("earlier.json"), """
                {"id":"T-2990","subject":"Jacket too small","channel":"email",
                 "customer":{"name":"Maria Lopez","email":"maria@example.com"},
                 "messages":[{"from":"customer","text":"The jacket is too small.","at":"2026-11-10T09:00:00Z"}]}""");
        CliRunner cli = withModel();
        assertThat(cli.run("inbox", "--folder", inbox.toString(), "--once").exitCode()).isZero();
        server.enqueue(reply("Card refunds appear within 5 to 7 working days [1]."));

        var result = cli.run("suggest", "--ticket", ticket.toString(), "--index", index.toString(), "--json");

        assertThat(result.exitCode()).isZero();
        String user = server.lastRequest().json().path("messages").path(1).path("content").asText();
        assertThat(user).contains("Earlier tickets from this customer: #T-2990 \"Jacket too small\" (open)");
    }
}
