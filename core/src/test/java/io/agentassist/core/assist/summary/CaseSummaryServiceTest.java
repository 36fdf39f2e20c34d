package io.agentassist.core.assist.summary;

import static io.agentassist.core.testsupport.FakeResponse.reply;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentassist.core.assist.offline.ExtractiveSummarizer;
import io.agentassist.core.llm.Cancellation;
import io.agentassist.core.llm.ModelSettings;
import io.agentassist.core.llm.OfflineModel;
import io.agentassist.core.llm.OpenAiCompatibleModel;
import io.agentassist.core.model.Author;
import io.agentassist.core.model.Channel;
import io.agentassist.core.model.Customer;
import io.agentassist.core.model.Message;
import io.agentassist.core.model.Ticket;
import io.agentassist.core.model.TicketStatus;
import io.agentassist.core.testsupport.FakeOpenAiServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaseSummaryServiceTest {
    private static final Ticket TICKET = new Ticket("T-9", "Charged twice", Channel.EMAIL,
            new Customer("Tom Berg", "tom@example.com", "en"), TicketStatus.OPEN, List.of(
            new Message("m1", Author.CUSTOMER, "I was charged twice for order 5521 on my card 4111 1111 1111 1111. "
                    + "Can you refund the second charge?", Instant.parse("2026-11-20T10:00:00Z"))));

    @Test
    void withoutAModelTheOfflineSummaryIsGiven() {
        CaseSummaryService.Result result = new CaseSummaryService(new OfflineModel(), new ExtractiveSummarizer())
                .summarize(TICKET, new Cancellation());

        assertThat(result.summary().mode()).isEqualTo("offline");
        assertThat(result.summary().intent()).isNotBlank();
        assertThat(result.modelProblem()).isEmpty();
    }

    @Test
    void theModelsJsonBecomesTheSummaryWithPersonalDataRestoredAndNeverSent() {
        try (FakeOpenAiServer server = FakeOpenAiServer.start()) {
            server.enqueue(reply("{\"intent\":\"Refund a double charge on [CARD_1]\",\"what_happened\":\"Charged twice for "
                    + "order 5521.\",\"tried_or_promised\":[],\"open_questions\":[\"Can the second charge be refunded?\"],"
                    + "\"next_step\":\"Check the payment log.\",\"sentiment\":\"negative\"}"));
            var model = new OpenAiCompatibleModel(new ModelSettings(server.baseUrl(), "k", "gpt-test", Duration.ofSeconds(5), 0));

            CaseSummaryService.Result result = new CaseSummaryService(model, new ExtractiveSummarizer())
                    .summarize(TICKET, new Cancellation());

            assertThat(server.lastRequest().body()).doesNotContain("4111").contains("[CARD_1]");
            assertThat(result.summary().mode()).isEqualTo("llm");
            assertThat(result.summary().intent()).isEqualTo("Refund a double charge on 4111 1111 1111 1111");
            assertThat(result.summary().openQuestions()).containsExactly("Can the second charge be refunded?");
        }
    }

    @Test
    void anUnreadableSummaryFallsBackToTheOfflineOneWithTheReason() {
        try (FakeOpenAiServer server = FakeOpenAiServer.start()) {
            server.enqueue(reply("The customer wants a refund."));
            var model = new OpenAiCompatibleModel(new ModelSettings(server.baseUrl(), "k", "gpt-test", Duration.ofSeconds(5), 0));

            CaseSummaryService.Result result = new CaseSummaryService(model, new ExtractiveSummarizer())
                    .summarize(TICKET, new Cancellation());

            assertThat(result.summary().mode()).isEqualTo("offline");
            assertThat(result.modelProblem()).contains("the model's summary is not a JSON object");
        }
    }
}
