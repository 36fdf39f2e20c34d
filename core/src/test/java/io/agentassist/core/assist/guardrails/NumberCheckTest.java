package io.agentassist.core.assist.guardrails;

import static io.agentassist.core.assist.guardrails.FlagAssertions.draftFlags;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentassist.core.model.Flag;
import io.agentassist.core.model.FlagKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class NumberCheckTest {

    @Test
    void refundPromiseWithAnUnsupportedAmountIsFlagged() {
        List<Flag> flags = draftFlags("We will refund $59.99 within 2 days [1].", FlagKind.UNSUPPORTED_NUMBER);

        assertThat(flags).extracting(Flag::detail).satisfiesExactly(
                d -> assertThat(d).startsWith("“$59.99”").contains("cited passage [1]").contains("nor in the ticket"),
                d -> assertThat(d).startsWith("“2 days”"));
        assertThat(flags).allMatch(Flag::blocking);
    }

    @Test
    void aRefundWithinTwoDaysIsFlaggedWhenThePolicySaysFourteen() {
        PassageRef policy = new PassageRef(1, "refunds", "Refunds", "Refunds are issued within 14 days.", "");
        DraftUnderCheck draft = new DraftUnderCheck("You will get a refund of $49.99 within 2 days [1].",
                List.of(policy), Fixtures.ticket("My order arrived broken."), Fixtures.PROMPT);

        assertThat(FlagAssertions.details(Fixtures.guardrails().checkDraft(draft), FlagKind.UNSUPPORTED_NUMBER))
                .satisfiesExactly(d -> assertThat(d).startsWith("“$49.99”"), d -> assertThat(d).startsWith("“2 days”"));
    }

    @Test
    void figuresFromTheCitedPassageAreSupportedWhateverTheSpelling() {
        assertThat(draftFlags("You can ask for a refund within fourteen days of delivery [1], or two weeks; "
                + "it is paid within 5 working days [1].", FlagKind.UNSUPPORTED_NUMBER)).isEmpty();
    }

    @Test
    void theCustomersOwnFiguresComeFromTheTicket() {
        assertThat(draftFlags("I can see order 88231 for $49.99, placed on March 2 [1].", FlagKind.UNSUPPORTED_NUMBER))
                .isEmpty();
    }

    @Test
    void aFigureFromAnotherPassageThanTheOneCitedIsFlaggedWithAHint() {
        List<Flag> flags = draftFlags("Standard delivery costs $4.99 [1].", FlagKind.UNSUPPORTED_NUMBER);

        assertThat(flags).singleElement().extracting(Flag::detail).asString()
                .contains("Passage [2] mentions it: the citation may be wrong.");
    }

    @Test
    void anUncitedSentenceMayUseAnyPassage() {
        assertThat(draftFlags("Orders over $50 ship free.", FlagKind.UNSUPPORTED_NUMBER)).isEmpty();
    }

    @Test
    void percentagesDatesAndTimesAreCheckedToo() {
        List<Flag> flags = draftFlags("You get 20% off until 31 March 2025, and we call back at 9am [1].",
                FlagKind.UNSUPPORTED_NUMBER);

        assertThat(flags).extracting(Flag::detail)
                .anySatisfy(d -> assertThat(d).startsWith("“20%”"))
                .anySatisfy(d -> assertThat(d).startsWith("“31 March 2025”"))
                .anySatisfy(d -> assertThat(d).startsWith("“9am”"));
    }

    @Test
    void aNumberRepeatedInTheDraftIsFlaggedOnce() {
        assertThat(draftFlags("It takes 7 days [1]. Again, 7 days [1].", FlagKind.UNSUPPORTED_NUMBER)).hasSize(1);
    }

    @Test
    void withoutPassagesEveryNewFigureIsUnsupported() {
        DraftUnderCheck draft = new DraftUnderCheck("Refunds take 14 days.", List.of(), Fixtures.lampTicket(), "");

        assertThat(FlagAssertions.ofKind(Fixtures.guardrails().checkDraft(draft), FlagKind.UNSUPPORTED_NUMBER))
                .singleElement().extracting(Flag::detail).asString().contains("no passages");
    }

    @Test
    void citationMarkersAndListNumbersAreNotFigures() {
        assertThat(draftFlags("""
                1. Pack the lamp [1].
                2. Print the label [2].""", FlagKind.UNSUPPORTED_NUMBER)).isEmpty();
    }
}
