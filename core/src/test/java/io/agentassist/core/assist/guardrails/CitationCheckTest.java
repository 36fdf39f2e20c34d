package io.agentassist.core.assist.guardrails;

import static io.agentassist.core.assist.guardrails.FlagAssertions.draftFlags;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentassist.core.model.Flag;
import io.agentassist.core.model.FlagKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class CitationCheckTest {

    @Test
    void aMarkerWithNoPassageBehindItIsAnUnknownCitation() {
        List<Flag> flags = draftFlags("You can request a refund within 14 days of delivery [3].", FlagKind.UNKNOWN_CITATION);

        assertThat(flags).singleElement().satisfies(flag -> {
            assertThat(flag.blocking()).isTrue();
            assertThat(flag.detail()).contains("[3]").contains("only [1] and [2]");
        });
    }

    @Test
    void markersThatResolveAreFine() {
        assertThat(draftFlags("You can request a refund within 14 days [1]. Delivery takes 3-5 business days [1, 2].",
                FlagKind.UNKNOWN_CITATION)).isEmpty();
    }

    @Test
    void everyUnknownMarkerIsNamedOnce() {
        assertThat(draftFlags("A refund takes 5 business days [4]. Delivery is free over $50 [4][7].",
                FlagKind.UNKNOWN_CITATION))
                .extracting(Flag::detail)
                .satisfiesExactly(d -> assertThat(d).startsWith("The draft cites [4]"),
                        d -> assertThat(d).startsWith("The draft cites [7]"));
    }

    @Test
    void aPolicySentenceWithoutACitationIsAnUncitedClaim() {
        List<Flag> flags = draftFlags("You can return damaged items free of charge. Delivery takes 3-5 business days [2].",
                FlagKind.UNCITED_CLAIM);

        assertThat(flags).singleElement().satisfies(flag -> {
            assertThat(flag.blocking()).isTrue();
            assertThat(flag.detail()).contains("“You can return damaged items free of charge.”");
        });
    }

    @Test
    void aSentenceWithAFigureFromNowhereButTheKnowledgeIsAClaim() {
        assertThat(draftFlags("Refunds are paid within 5 business days.", FlagKind.UNCITED_CLAIM)).hasSize(1);
    }

    @Test
    void greetingsSignOffsQuestionsEmpathyAndOffersOfHelpAreNotClaims() {
        String draft = """
                Hi Anna,

                Thank you for reaching out, and I'm so sorry your lamp arrived broken.
                Could you send us a photo of the damage?
                I have passed your case to our returns team.
                If you have any other questions, just let me know.

                Best regards,
                Sam""";

        assertThat(draftFlags(draft, FlagKind.UNCITED_CLAIM)).isEmpty();
    }

    @Test
    void factsFromTheTicketItselfNeedNoCitation() {
        assertThat(draftFlags("Your order 88231 for $49.99 arrived on 2 March.", FlagKind.UNCITED_CLAIM)).isEmpty();
    }

    @Test
    void anApologyThatCarriesAFigureIsStillAClaim() {
        assertThat(draftFlags("I'm sorry, refunds take 10 business days.", FlagKind.UNCITED_CLAIM)).hasSize(1);
    }
}
