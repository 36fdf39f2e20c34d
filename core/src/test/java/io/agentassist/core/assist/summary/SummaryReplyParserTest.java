package io.agentassist.core.assist.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentassist.core.model.CaseSummary;
import org.junit.jupiter.api.Test;

class SummaryReplyParserTest {
    @Test
    void aFencedJsonReplyBecomesAStructuredSummary() {
        CaseSummary summary = SummaryReplyParser.parse("""
                Here is the summary:
                ```json
                {"intent": "Get a refund for a damaged kettle", "what_happened": "The kettle arrived cracked.",
                 "tried_or_promised": ["Agent asked for a photo"], "open_questions": ["How long will the refund take?"],
                 "next_step": "Confirm the refund timeline.", "sentiment": "Negative"}
                ```""");

        assertThat(summary.intent()).isEqualTo("Get a refund for a damaged kettle");
        assertThat(summary.triedOrPromised()).containsExactly("Agent asked for a photo");
        assertThat(summary.openQuestions()).containsExactly("How long will the refund take?");
        assertThat(summary.sentiment()).isEqualTo("negative");
        assertThat(summary.mode()).isEqualTo("llm");
    }

    @Test
    void anUnknownSentimentBecomesNeutralAndASingleStringBecomesAList() {
        CaseSummary summary = SummaryReplyParser.parse(
                "{\"intent\":\"Change address\",\"open_questions\":\"Can it still be changed?\",\"sentiment\":\"meh\"}");

        assertThat(summary.sentiment()).isEqualTo("neutral");
        assertThat(summary.openQuestions()).containsExactly("Can it still be changed?");
        assertThat(summary.triedOrPromised()).isEmpty();
    }

    @Test
    void aReplyWithoutJsonOrWithoutIntentIsRejectedWithTheReason() {
        assertThatThrownBy(() -> SummaryReplyParser.parse("The customer wants a refund."))
                .hasMessage("the model's summary is not a JSON object");
        assertThatThrownBy(() -> SummaryReplyParser.parse("{\"intent\": \"x\",}"))
                .hasMessageStartingWith("the model's summary is not valid JSON");
        assertThatThrownBy(() -> SummaryReplyParser.parse("{\"next_step\": \"call\"}"))
                .hasMessage("the model's summary has no \"intent\"");
    }
}
