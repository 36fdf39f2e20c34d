package io.agentassist.core.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.agentassist.core.approval.EditDistance;
import org.junit.jupiter.api.Test;

class UsageBucketTest {

    /** A real-sized e-mail reply: four sentences between greeting and sign-off, 291 characters. */
    static final String SUGGESTION = """
            Hi there,

            Thank you for letting us know that your kettle arrived cracked. If an item arrives damaged, we refund \
            it in full once we have a photo of the damage [1]. Refunds reach your card within 14 days of our \
            confirmation [1]. You do not need to send the kettle back [2].

            Kind regards,
            Sam""";

    @Test
    void anUnchangedReplyIsUsedAsIsAndAnyChangeIsAnEdit() {
        assertThat(UsageBucket.ofSent(0.0)).isEqualTo(UsageBucket.AS_IS);
        assertThat(UsageBucket.ofSent(0.0001)).isEqualTo(UsageBucket.LIGHT);
        assertThat(UsageBucket.ofSent(0.2)).as("the limit is inclusive").isEqualTo(UsageBucket.LIGHT);
        assertThat(UsageBucket.ofSent(Math.nextUp(0.2))).isEqualTo(UsageBucket.HEAVY);
        assertThat(UsageBucket.ofSent(1.0)).isEqualTo(UsageBucket.HEAVY);
        assertThat(UsageBucket.ofSent(EditDistance.ratio("a b c d e", "a b X d e")))
                .as("1 of 9 characters").isEqualTo(UsageBucket.LIGHT);
        // 1/5 as the approval computes it is exactly the limit.
        assertThat(UsageBucket.ofSent(EditDistance.ratio("abcde", "abcdX"))).isEqualTo(UsageBucket.LIGHT);
    }

    @Test
    void correctingOrCompletingAReplyIsLightAndRewritingMuchOfItIsHeavy() {
        String named = SUGGESTION.replace("Hi there,", "Hi Maria,");
        String corrected = SUGGESTION.replace("14 days", "30 days");
        String added = SUGGESTION.replace("send the kettle back [2].", "send the kettle back [2]. "
                + "I have already asked our warehouse to send you a new one today.");
        String rewritten = SUGGESTION.replace("Thank you for letting us know that your kettle arrived cracked.",
                "I am so sorry the kettle reached you broken; that is not how it should arrive.");
        String replaced = SUGGESTION.replace("If an item arrives damaged, we refund it in full once we have a photo "
                + "of the damage [1]. Refunds reach your card within 14 days of our confirmation [1].",
                "Our courier has confirmed the damage, so a replacement kettle is on its way to you already and "
                        + "should be with you on Thursday.");

        // The examples UsageBucket's Javadoc gives, on this reply of 291 characters.
        assertThat(ratio(named)).isCloseTo(0.02, within(0.005));
        assertThat(ratio(corrected)).isLessThan(0.01);
        assertThat(ratio(added)).isCloseTo(0.18, within(0.005));
        assertThat(ratio(rewritten)).isCloseTo(0.18, within(0.005));
        assertThat(ratio(replaced)).isCloseTo(0.39, within(0.005));
        assertThat(UsageBucket.ofSent(ratio(named))).isEqualTo(UsageBucket.LIGHT);
        assertThat(UsageBucket.ofSent(ratio(corrected))).isEqualTo(UsageBucket.LIGHT);
        assertThat(UsageBucket.ofSent(ratio(added))).isEqualTo(UsageBucket.LIGHT);
        assertThat(UsageBucket.ofSent(ratio(rewritten))).isEqualTo(UsageBucket.LIGHT);
        assertThat(UsageBucket.ofSent(ratio(replaced))).isEqualTo(UsageBucket.HEAVY);
    }

    @Test
    void aNegativeOrMissingRatioIsRefused() {
        assertThatThrownBy(() -> UsageBucket.ofSent(-0.1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UsageBucket.ofSent(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    private static double ratio(String sent) {
        return EditDistance.ratio(SUGGESTION, sent);
    }
}
