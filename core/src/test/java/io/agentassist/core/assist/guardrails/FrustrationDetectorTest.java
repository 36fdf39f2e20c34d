package io.agentassist.core.assist.guardrails;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentassist.core.model.Flag;
import io.agentassist.core.model.FlagKind;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FrustrationDetectorTest {

    private final FrustrationDetector detector = new FrustrationDetector();

    @ParameterizedTest
    @ValueSource(strings = {
            "This is absolutely unacceptable.",
            "I'm fed up with your excuses.",
            "What the hell is going on with my order",
            "This is the third time I'm writing about the same lamp.",
            "I've been on hold for 45 minutes.",
            "Still no answer from anyone.",
            "I'm not happy with how this was handled.",
            "Never again. I'll take my business elsewhere.",
            "I have been waiting 3 weeks for my refund.",
            "WHERE IS MY ORDER?? I paid two weeks ago and it's stuck!",
            "Wow, another excuse.",
            "You lost my bag 😡"
    })
    void frustrationIsRecognisedFromWordsEffortAndIntensity(String text) {
        assertThat(detector.assess(text).frustrated()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Hi, my lamp arrived broken. Can I get a replacement?",
            "My flight was cancelled, what are my options?",
            "Not bad at all, thanks for the quick help!",
            "No problem, I can wait until Monday.",
            "I hate to ask, but could you check the delivery date?",
            "THANK YOU SO MUCH!!! You are the best!!",
            "Stupid question - can I pay with two cards?",
            "I was never disappointed with your service before.",
            "It's not terrible, just a little slow."
    })
    void calmMessagesProblemReportsAndNegatedComplaintsAreNot(String text) {
        assertThat(detector.assess(text).frustrated()).isFalse();
    }

    @Test
    void intensityAloneIsNotFrustrationButAddsToOtherCues() {
        assertThat(detector.assess("OMG I JUST GOT MY TICKETS!!!").frustrated()).isFalse();
        assertThat(detector.assess("The app failed").frustrated()).isFalse();
        assertThat(detector.assess("The app FAILED AGAIN!!!").frustrated()).isTrue();
    }

    @Test
    void negatedPraiseIsAComplaintButOnlyWhenTheNegationIsRightThere() {
        assertThat(detector.assess("The agent was not very helpful.").evidence()).contains("not very helpful");
        assertThat(detector.assess("I can't find a good time to call.").frustrated()).isFalse();
    }

    @Test
    void theFlagQuotesTheEvidenceAndRecommendsPersonalHandling() {
        List<Flag> flags = detector.detect(Fixtures.ticket("My lamp arrived broken.",
                "This is the third time I'm writing. Ridiculous!!"));

        assertThat(flags).singleElement().satisfies(flag -> {
            assertThat(flag.kind()).isEqualTo(FlagKind.FRUSTRATION);
            assertThat(flag.blocking()).as("frustration informs, it does not stop approval").isFalse();
            assertThat(flag.detail()).startsWith("The customer sounds frustrated: ")
                    .contains("“third time”").contains("“Ridiculous”").contains("answer personally")
                    .contains("escalate");
        });
    }

    @Test
    void evidenceBelowTheThresholdIsReportedButDoesNotFlag() {
        FrustrationDetector.Assessment assessment = detector.assess("I'm stuck at the login page.");

        assertThat(assessment.frustrated()).isFalse();
        assertThat(assessment.score()).isEqualTo(1);
        assertThat(assessment.evidence()).containsExactly("stuck");
    }

    @Test
    void aCalmTicketHasNoFlag() {
        assertThat(detector.detect(Fixtures.lampTicket())).isEmpty();
    }
}
