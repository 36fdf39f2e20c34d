package io.agentassist.core.assist.reply;

import static io.agentassist.core.testsupport.FakeResponse.reply;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentassist.core.knowledge.KnowledgeHit;
import io.agentassist.core.llm.Cancellation;
import io.agentassist.core.llm.ModelSettings;
import io.agentassist.core.llm.OpenAiCompatibleModel;
import io.agentassist.core.model.AgentProfile;
import io.agentassist.core.model.Author;
import io.agentassist.core.model.Channel;
import io.agentassist.core.model.Customer;
import io.agentassist.core.model.Message;
import io.agentassist.core.model.Ticket;
import io.agentassist.core.model.TicketStatus;
import io.agentassist.core.testsupport.FakeOpenAiServer;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Pins the exact request we send for a known ticket and retrieval. The request body is parsed and compared
 * as JSON (the client pretty-prints, so text comparison would be brittle). A change to the prompt files or
 * to how a ticket is rendered must update {@code golden/reply-v1-request.json} in the same commit — and, if
 * the wording changed, the prompt version.
 */
class ReplyRequestGoldenTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GOLDEN = "/golden/reply-v1-request.json";

    static Ticket knownTicket() {
        return new Ticket("T-1042", "Refund for a cracked kettle", Channel.EMAIL,
                new Customer("Maria Lopez", "maria@example.com", "en"), TicketStatus.OPEN, List.of(
                new Message("m1", Author.CUSTOMER, "Hello, my kettle arrived cracked. How long does a refund take?",
                        Instant.parse("2026-11-20T09:12:00Z")),
                new Message("m2", Author.INTERNAL_NOTE, "Checked the courier scan: box was dented.",
                        Instant.parse("2026-11-20T09:20:00Z"))));
    }

    static List<KnowledgeHit> knownRetrieval() {
        return List.of(
                new KnowledgeHit("returns/damaged-items", "returns/damaged-items#0", "Damaged items", "Refunds",
                        "", "If an item arrives damaged we refund it in full. Refunds reach your card within 10 working days.",
                        "https://help.northwind.example/returns/damaged-items", 1.02, Map.of(), 0.61),
                new KnowledgeHit("returns/how-to-return", "returns/how-to-return#1", "How to return an item", "",
                        "", "Send us a photo of the damage; you do not need to send the item back.", "", 1.01, Map.of(), 0.44));
    }

    @Test
    void theReplyRequestForAKnownTicketIsExactlyTheGoldenOne() throws Exception {
        ReplyPrompt prompt = new ReplyPromptBuilder().build(knownTicket(), knownRetrieval(),
                new AgentProfile("Sam Rivera", "Sam Rivera, Northwind Support"), List.of(), UnaryOperator.identity());
        try (FakeOpenAiServer server = FakeOpenAiServer.start()) {
            server.enqueue(reply("Hi Maria, ..."));
            new OpenAiCompatibleModel(new ModelSettings(server.baseUrl(), "sk-test", "gpt-4o-mini",
                    Duration.ofSeconds(10), 0)).complete(prompt.chat(), new Cancellation());

            JsonNode sent = server.lastRequest().json();
            assertThat(sent)
                    .as("request body differs from %s; if intended, update it. Sent:%n%s", GOLDEN,
                            JSON.writerWithDefaultPrettyPrinter().writeValueAsString(sent))
                    .isEqualTo(golden());
        }
    }

    private static JsonNode golden() throws IOException {
        try (InputStream in = ReplyRequestGoldenTest.class.getResourceAsStream(GOLDEN)) {
            assertThat(in).as("golden file %s", GOLDEN).isNotNull();
            return JSON.readTree(in);
        }
    }
}
