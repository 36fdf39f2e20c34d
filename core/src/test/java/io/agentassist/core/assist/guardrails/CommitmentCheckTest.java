package io.agentassist.core.assist.guardrails;

import static io.agentassist.core.assist.guardrails.FlagAssertions.draftFlags;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentassist.core.model.Flag;
import io.agentassist.core.model.FlagKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommitmentCheckTest {

    private static List<String> rulesFired(String draft) {
        return draftFlags(draft, FlagKind.COMMITMENT).stream()
                .map(flag -> flag.detail().substring("Commitment (".length(), flag.detail().indexOf(')')))
                .toList();
    }

    @Test
    void aRefundPromiseNamesTheRuleAndQuotesThePromise() {
        List<Flag> flags = draftFlags("Good news: we will refund the full amount today.", FlagKind.COMMITMENT);

        assertThat(flags).singleElement().satisfies(flag -> {
            assertThat(flag.blocking()).isTrue();
            assertThat(flag.detail()).startsWith("Commitment (refund): “we will refund”")
                    .contains("promises the customer money back");
        });
    }

    @Test
    void eachDefaultRuleFiresOnItsTypicalWording() {
        assertThat(rulesFired("I'll issue you a full refund right away.")).containsExactly("refund");
        assertThat(rulesFired("You will receive a refund by Friday.")).containsExactly("refund");
        assertThat(rulesFired("Your refund has been processed.")).containsExactly("refund");
        assertThat(rulesFired("I'll give you a 20% discount on your next order.")).containsExactly("discount");
        assertThat(rulesFired("Here is a 15% off code for you.")).containsExactly("discount");
        assertThat(rulesFired("As a goodwill gesture we have added store credit.")).containsExactly("compensation");
        assertThat(rulesFired("We would like to offer you compensation for the trouble.")).containsExactly("compensation");
        assertThat(rulesFired("I'll add a complimentary night to your booking.")).containsExactly("compensation");
        assertThat(rulesFired("We'll send you a new lamp tomorrow.")).containsExactly("replacement");
        assertThat(rulesFired("I promise it will arrive by Monday.")).containsExactly("guarantee");
        assertThat(rulesFired("This was entirely our fault, and we are liable for the damage.")).containsExactly("legal admission");
        assertThat(rulesFired("We admit the courier was negligent.")).containsExactly("legal admission");
    }

    @Test
    void severalCommitmentsGiveOneFlagPerRule() {
        assertThat(rulesFired("We will refund you and we'll send you a new lamp. We will also refund the shipping."))
                .containsExactly("refund", "replacement");
    }

    @Test
    void sayingWhatWeWillNotDoIsNoCommitment() {
        assertThat(rulesFired("Unfortunately we cannot offer compensation for delays.")).isEmpty();
        assertThat(rulesFired("We will not refund opened items.")).isEmpty();
        assertThat(rulesFired("We accept no liability for courier delays.")).isEmpty();
    }

    @Test
    void aRefusalInOneClauseDoesNotHideAPromiseInTheNext() {
        assertThat(rulesFired("We can't refund the fee, but we will give you store credit.")).containsExactly("compensation");
    }

    @Test
    void explainingThePolicyIsNoCommitment() {
        assertThat(rulesFired("You can request a refund within 14 days of delivery [1]. Refunds are paid to the "
                + "original payment method [1].")).isEmpty();
        assertThat(rulesFired("Breakfast is complimentary for all guests [2].")).isEmpty();
    }

    @Test
    void aContactCentreCanAddItsOwnRule() {
        GuardrailSettings settings = GuardrailSettings.defaults().withAdditionalCommitmentRule(
                CommitmentRule.phrases("upgrade", "it gives a free upgrade", "upgrade you", "free upgrade"));
        DraftGuardrails guardrails = new DraftGuardrails(settings);

        List<Flag> flags = guardrails.checkDraft(Fixtures.draft("I can upgrade you to express delivery."));

        assertThat(FlagAssertions.details(flags, FlagKind.COMMITMENT)).singleElement().asString()
                .startsWith("Commitment (upgrade): “upgrade you” — it gives a free upgrade.");
    }

    @Test
    void theRulesCanBeReplacedEntirely() {
        GuardrailSettings settings = GuardrailSettings.defaults()
                .withCommitmentRules(List.of(CommitmentRule.regexes("callback", "", "\\bcall you back\\b")));

        List<Flag> flags = new DraftGuardrails(settings).checkDraft(Fixtures.draft("We will refund you and call you back."));

        assertThat(FlagAssertions.details(flags, FlagKind.COMMITMENT)).singleElement().asString()
                .startsWith("Commitment (callback): “call you back”.");
    }

    @Test
    void aRuleNeedsANameAndAPattern() {
        assertThatThrownBy(() -> CommitmentRule.phrases(" ", "x", "refund")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CommitmentRule.phrases("refund", "x")).isInstanceOf(IllegalArgumentException.class);
    }
}
