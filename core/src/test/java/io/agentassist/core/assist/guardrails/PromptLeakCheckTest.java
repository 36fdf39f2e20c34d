package io.agentassist.core.assist.guardrails;

import static io.agentassist.core.assist.guardrails.FlagAssertions.draftFlags;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentassist.core.model.Flag;
import io.agentassist.core.model.FlagKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class PromptLeakCheckTest {

    @Test
    void aLongRunOfOurInstructionsIsALeak() {
        List<Flag> flags = draftFlags("Hi Anna, I must say: never promise refunds, discounts or compensation: the agent "
                + "decides those. Sorry!", FlagKind.PROMPT_LEAK);

        assertThat(flags).singleElement().satisfies(flag -> {
            assertThat(flag.blocking()).isTrue();
            assertThat(flag.detail()).contains("“never promise refunds, discounts or compensation: the agent decides those”");
        });
    }

    @Test
    void theRunLengthThatCountsAsALeakIsASetting() {
        DraftGuardrails strict = new DraftGuardrails(GuardrailSettings.defaults().withLeakRunWords(5));
        String text = "We will cite each fact with its marker for you.";

        assertThat(draftFlags(text, FlagKind.PROMPT_LEAK)).isEmpty();
        assertThat(FlagAssertions.ofKind(strict.checkDraft(Fixtures.draft(text)), FlagKind.PROMPT_LEAK)).hasSize(1);
        assertThatThrownBy(() -> GuardrailSettings.defaults().withLeakRunWords(3))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aShortCommonPhraseSharedWithThePromptIsNot() {
        assertThat(draftFlags("We will check and get back to you tomorrow.", FlagKind.PROMPT_LEAK)).isEmpty();
    }

    @Test
    void textThatIsAlsoInAPassageOrTheTicketIsNotALeak() {
        String prompt = Fixtures.PROMPT + "\nExample: You can request a refund within 14 days of delivery.";
        DraftUnderCheck draft = new DraftUnderCheck("You can request a refund within 14 days of delivery [1].",
                Fixtures.PASSAGES, Fixtures.lampTicket(), prompt);

        assertThat(FlagAssertions.ofKind(Fixtures.guardrails().checkDraft(draft), FlagKind.PROMPT_LEAK)).isEmpty();
    }

    @Test
    void theAssistantTalkingAboutItselfOrItsSourcesIsALeak() {
        assertThat(draftFlags("As an AI language model, I cannot see your order.", FlagKind.PROMPT_LEAK)).hasSize(1);
        assertThat(draftFlags("According to passage [2], delivery takes 3-5 business days.", FlagKind.PROMPT_LEAK))
                .singleElement().extracting(Flag::detail).asString().contains("“passage [2]”");
        assertThat(draftFlags("Based on the passages above, returns are free.", FlagKind.PROMPT_LEAK)).hasSize(1);
        assertThat(draftFlags("Here is a draft reply:\nHi Anna,", FlagKind.PROMPT_LEAK)).hasSize(1);
        assertThat(draftFlags("None of the passages mention a warranty.", FlagKind.PROMPT_LEAK)).hasSize(1);
        assertThat(draftFlags("I was instructed to keep this short.", FlagKind.PROMPT_LEAK)).hasSize(1);
    }

    @Test
    void passagesOfABuildingAreNotOurs() {
        assertThat(draftFlags("The lifts are at the end of the passages on each floor.", FlagKind.PROMPT_LEAK)).isEmpty();
    }

    @Test
    void anOrdinaryReplyLeaksNothing() {
        assertThat(draftFlags("Hi Anna,\nI'm sorry the lamp arrived broken. Damaged items can be returned free of "
                + "charge [1].\nBest regards,\nSam", FlagKind.PROMPT_LEAK)).isEmpty();
    }

    @Test
    void aDraftWithoutPromptTextIsOnlyCheckedForPhrases() {
        DraftUnderCheck draft = new DraftUnderCheck("Never promise refunds, discounts or compensation: the agent decides.",
                Fixtures.PASSAGES, Fixtures.lampTicket(), "");

        assertThat(FlagAssertions.ofKind(Fixtures.guardrails().checkDraft(draft), FlagKind.PROMPT_LEAK)).isEmpty();
    }
}
