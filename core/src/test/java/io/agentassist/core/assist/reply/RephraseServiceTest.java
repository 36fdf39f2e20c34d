package io.agentassist.core.assist.reply;

import static io.agentassist.core.testsupport.FakeResponse.reply;
import static io.agentassist.core.testsupport.FakeResponse.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentassist.core.assist.guardrails.DraftGuardrails;
import io.agentassist.core.assist.guardrails.GuardrailSettings;
import io.agentassist.core.assist.reply.RephraseService.Tone;
import io.agentassist.core.knowledge.KnowledgeHit;
import io.agentassist.core.llm.Cancellation;
import io.agentassist.core.llm.LanguageModel;
import io.agentassist.core.llm.ModelSettings;
import io.agentassist.core.llm.OfflineModel;
import io.agentassist.core.llm.OpenAiCompatibleModel;
import io.agentassist.core.model.Author;
import io.agentassist.core.model.Channel;
import io.agentassist.core.model.Citation;
import io.agentassist.core.model.Customer;
import io.agentassist.core.model.Draft;
import io.agentassist.core.model.DraftState;
import io.agentassist.core.model.Flag;
import io.agentassist.core.model.FlagKind;
import io.agentassist.core.model.Message;
import io.agentassist.core.model.Ticket;
import io.agentassist.core.model.TicketStatus;
import io.agentassist.core.testsupport.FakeOpenAiServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The tone tools against a local server speaking the OpenAI wire format: the rewrite is a new suggestion that
 * went through the same guardrails, the model never sees personal data, and nothing the agent had is lost when
 * the change cannot be made.
 */
class RephraseServiceTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T08:00:00Z"), ZoneOffset.UTC);
    private static final KnowledgeHit REFUNDS = new KnowledgeHit("returns/damaged-items", "returns/damaged-items#0",
            "Damaged items", "Refunds", "", "If an item arrives damaged we refund it in full. Refunds reach your card "
            + "within 10 working days.", "", 1.02, Map.of(), 0.61);
    private static final Ticket TICKET = new Ticket("T-7", "Cracked kettle", Channel.EMAIL,
            new Customer("Maria Lopez", "maria@example.com", "en"), TicketStatus.OPEN,
            List.of(new Message("m1", Author.CUSTOMER, "My kettle arrived cracked. I paid with card 4111 1111 1111 1111. "
                    + "How long does a refund take?",
                    Instant.parse("2026-11-20T09:12:00Z"))));
    private static final String DRAFT_TEXT = """
            Hi Maria,

            Thank you for reaching out, and I am sorry to hear about the kettle. Damaged items are refunded in full [1]. \
            The refund reaches your card 4111 1111 1111 1111 within 10 working days [1]. We value you as a customer.

            If there is anything else, just reply to this e-mail.

            Best regards,
            Sam Rivera, Northwind Support""";

    private FakeOpenAiServer server;

    @BeforeEach
    void start() {
        server = FakeOpenAiServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static Draft draft() {
        return new Draft("d-1", "T-7", DraftState.SUGGESTED, DRAFT_TEXT, DRAFT_TEXT,
                List.of(new Citation(1, REFUNDS.articleId(), REFUNDS.chunkId(), REFUNDS.title(), REFUNDS.url(), 0.61)),
                List.of(), "llm", "gpt-test", "reply-v1", Instant.parse("2026-11-21T07:59:00Z"), Optional.empty(),
                Optional.empty(), Optional.empty(), "Sam Rivera");
    }

    private RephraseService service(LanguageModel model) {
        return new RephraseService(model, new DraftGuardrails(GuardrailSettings.defaults()), CLOCK);
    }

    private LanguageModel model() {
        return new OpenAiCompatibleModel(new ModelSettings(server.baseUrl(), "sk-test", "gpt-test", Duration.ofSeconds(2), 2));
    }

    private static List<FlagKind> kinds(Suggestion suggestion) {
        return suggestion.draft().flags().stream().map(Flag::kind).toList();
    }

    @Test
    void theRequestUsesRephraseV1WithTheTonesInstructionAndQuotesTheDraftWithoutPersonalData() {
        server.enqueue(reply("Dear Maria,\n\nDamaged items are refunded in full [1]. The refund reaches your card "
                + "[CARD_1] within 10 working days [1].\n\nKind regards,\nSam Rivera, Northwind Support"));

        service(model()).rephrase(draft(), Tone.MORE_FORMAL, TICKET, List.of(REFUNDS), new Cancellation());

        JsonNode request = server.lastRequest().json();
        String system = request.path("messages").path(0).path("content").asText();
        String user = request.path("messages").path(1).path("content").asText();
        assertThat(system).startsWith("You rewrite a draft reply").contains(Tone.MORE_FORMAL.instruction());
        assertThat(user).startsWith("<draft>").endsWith("</draft>")
                .contains("Damaged items are refunded in full [1].", "[CARD_1]");
        assertThat(server.lastRequest().body()).doesNotContain("4111");
        assertThat(request.path("temperature").asDouble()).isEqualTo(RephraseService.TEMPERATURE);
    }

    @Test
    void theResultIsANewSuggestedDraftWithTheRealValuesBackAndTheOriginalIsUnchanged() {
        server.enqueue(reply("Hi Maria,\n\nSo sorry about your kettle! Damaged items are refunded in full [1], and the "
                + "refund reaches your card [CARD_1] within 10 working days [1].\n\nWarm regards,\nSam Rivera, Northwind Support"));
        Draft original = draft();

        Suggestion suggestion = service(model()).rephrase(original, Tone.FRIENDLIER, TICKET, List.of(REFUNDS),
                new Cancellation());

        Draft rewritten = suggestion.draft();
        assertThat(rewritten.id()).isNotEqualTo(original.id());
        assertThat(rewritten.ticketId()).isEqualTo("T-7");
        assertThat(rewritten.state()).isEqualTo(DraftState.SUGGESTED);
        assertThat(rewritten.mode()).isEqualTo("llm");
        assertThat(rewritten.promptVersion()).isEqualTo("rephrase-v1");
        assertThat(rewritten.model()).isNotBlank();
        assertThat(rewritten.aiText()).isEqualTo(rewritten.text()).startsWith("Hi Maria,\n\nSo sorry")
                .contains("4111 1111 1111 1111").doesNotContain("[CARD_1]");
        assertThat(rewritten.citations()).extracting(Citation::marker).containsExactly(1);
        assertThat(kinds(suggestion)).doesNotContain(FlagKind.UNKNOWN_CITATION, FlagKind.UNSUPPORTED_NUMBER);
        assertThat(original).isEqualTo(draft());
    }

    @Test
    void anInventedNumberInTheRephrasedTextIsFlagged() {
        server.enqueue(reply("Hi Maria,\n\nDamaged items are refunded in full [1]. The refund reaches your card "
                + "within 3 working days [1].\n\nBest regards,\nSam Rivera, Northwind Support"));

        Suggestion suggestion = service(model()).rephrase(draft(), Tone.SHORTER, TICKET, List.of(REFUNDS),
                new Cancellation());

        assertThat(kinds(suggestion)).contains(FlagKind.UNSUPPORTED_NUMBER);
    }

    @Test
    void aCitationTheRewriteDroppedOrInventedIsFlagged() {
        server.enqueue(reply("Hi Maria,\n\nDamaged items are refunded in full [2].\n\nBest regards,\nSam Rivera"));

        Suggestion suggestion = service(model()).rephrase(draft(), Tone.SHORTER, TICKET, List.of(REFUNDS),
                new Cancellation());

        assertThat(suggestion.draft().flags()).filteredOn(flag -> flag.kind() == FlagKind.UNKNOWN_CITATION)
                .extracting(Flag::detail).anySatisfy(detail -> assertThat(detail).contains("dropped citation [1]"))
                .hasSizeGreaterThanOrEqualTo(2);
        assertThat(suggestion.draft().citations()).isEmpty();
    }

    @Test
    void offlineShorterKeepsTheGreetingTheCitedSentencesAndTheSignOffAndDropsTheRest() {
        Suggestion suggestion = service(new OfflineModel()).rephrase(draft(), Tone.SHORTER, TICKET, List.of(REFUNDS),
                new Cancellation());

        assertThat(suggestion.draft().text()).isEqualTo("""
                Hi Maria,

                Damaged items are refunded in full [1]. The refund reaches your card 4111 1111 1111 1111 within 10 \
                working days [1].

                Best regards,
                Sam Rivera, Northwind Support""");
        assertThat(suggestion.draft().mode()).isEqualTo("offline");
        assertThat(suggestion.draft().citations()).extracting(Citation::marker).containsExactly(1);
        assertThat(kinds(suggestion)).contains(FlagKind.OFFLINE).doesNotContain(FlagKind.UNSUPPORTED_NUMBER);
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void offlineShorterKeepsAMarkerWrittenAfterTheFullStopWithItsSentence() {
        assertThat(io.agentassist.core.assist.guardrails.Sentences.texts("Refunds take 10 days. [1] We value you, e.g. as a fan. Bye"))
                .containsExactly("Refunds take 10 days. [1]", "We value you, e.g. as a fan.", "Bye");
    }

    @Test
    void offlineFriendlierIsRefusedWithAMessageTheAgentUnderstands() {
        for (Tone tone : List.of(Tone.FRIENDLIER, Tone.MORE_FORMAL)) {
            assertThatThrownBy(() -> service(new OfflineModel()).rephrase(draft(), tone, TICKET, List.of(REFUNDS),
                    new Cancellation()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("Changing the tone needs a language model; none is configured.");
        }
    }

    @Test
    void aServerErrorFromTheModelIsAClearFailureAndTheDraftIsKept() {
        server.enqueue(status(500), status(500), status(500));
        Draft original = draft();

        assertThatThrownBy(() -> service(model()).rephrase(original, Tone.FRIENDLIER, TICKET, List.of(REFUNDS),
                new Cancellation()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Changing the tone failed: the model's server failed")
                .hasMessageEndingWith("Your draft is unchanged.");
        assertThat(original).isEqualTo(draft());
    }
}
