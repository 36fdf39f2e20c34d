package io.agentassist.core.assist.guardrails;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentassist.core.model.Author;
import io.agentassist.core.model.Flag;
import io.agentassist.core.model.FlagKind;
import io.agentassist.core.model.Message;
import io.agentassist.core.model.Ticket;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SensitiveSituationDetectorTest {

    private final SensitiveSituationDetector detector = new SensitiveSituationDetector();

    private List<SensitiveSituation> situations(String text) {
        return detector.find(text).stream().map(SensitiveSituationDetector.Finding::situation).toList();
    }

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', value = {
            "My father passed away last month and I need to close his account.           | BEREAVEMENT",
            "I'm writing on behalf of my late husband.                                   | BEREAVEMENT",
            "My mum died on Sunday, please cancel her subscription.                      | BEREAVEMENT",
            "We just lost our son and I can't deal with this order right now.            | BEREAVEMENT",
            "I am the executor of my aunt's estate.                                      | BEREAVEMENT",
            "I need the dress for my grandmother's funeral on Friday.                    | BEREAVEMENT",
            "I'm going through chemo and can't get to the post office.                   | SERIOUS_ILLNESS",
            "I was diagnosed with cancer in January.                                     | SERIOUS_ILLNESS",
            "I've been in hospital for two weeks and missed the return window.           | SERIOUS_ILLNESS",
            "My wife had a stroke and I'm caring for her full time.                      | SERIOUS_ILLNESS",
            "He is terminally ill and wants to travel one last time.                     | SERIOUS_ILLNESS",
            "I lost my job and can't pay this month.                                     | FINANCIAL_HARDSHIP",
            "I was laid off in March and can't afford the subscription.                  | FINANCIAL_HARDSHIP",
            "I'm behind on my rent, please pause the payments.                           | FINANCIAL_HARDSHIP",
            "We are struggling to make ends meet since my husband was made redundant.    | FINANCIAL_HARDSHIP",
            "I'm completely broke until payday.                                          | FINANCIAL_HARDSHIP",
            "We filed for bankruptcy last year, please stop the reminders.               | FINANCIAL_HARDSHIP",
            "If this isn't fixed I will sue.                                             | LEGAL_THREAT",
            "My lawyer will be in touch.                                                 | LEGAL_THREAT",
            "I'm taking you to small claims court.                                       | LEGAL_THREAT",
            "I'll be contacting an attorney about this.                                  | LEGAL_THREAT",
            "I am going to report you to Trading Standards.                              | LEGAL_THREAT",
            "I want to end it all.                                                       | SELF_HARM",
            "Honestly I feel like killing myself over this.                              | SELF_HARM",
            "I've been having suicidal thoughts since the accident.                      | SELF_HARM",
            "Everyone would be better off without me.                                    | SELF_HARM",
            "I don't want to live anymore.                                               | SELF_HARM"
    })
    void eachSituationIsRecognisedInEverydayWording(String text, SensitiveSituation expected) {
        assertThat(situations(text)).containsExactly(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "The package died in transit, the box was crushed.",
            "My phone died so I couldn't show the ticket.",
            "Please kill the subscription today.",
            "This is killing me, three weeks and still no refund!",
            "I nearly had a heart attack when I saw the bill.",
            "I need a legal name change on my account.",
            "Is it legal to resell the tickets?",
            "Sue from your team was very helpful.",
            "I won't sue, I just want my money back.",
            "The delivery date has passed and nothing arrived.",
            "I'm dying to know when the sale starts.",
            "Terminal 5 was chaos.",
            "Can I pay with my card? The checkout page can't pay, it shows an error.",
            "I lost my bag at the airport.",
            "I'd kill for a coffee after that flight.",
            "My laptop is dead, the battery died after a week.",
            "At these prices your company will be bankrupt by 2020.",
            "I can't afford to waste another afternoon on hold.",
            "If I made as many mistakes as you I would have lost my job by now."
    })
    void everydayFiguresOfSpeechAreNotSensitive(String text) {
        assertThat(situations(text)).isEmpty();
    }

    @Test
    void selfHarmIsFlaggedEvenWhenNegatedBecauseAMissCostsMoreThanAFalseAlarm() {
        assertThat(situations("I'm not going to kill myself over a parcel, but honestly...")).containsExactly(SensitiveSituation.SELF_HARM);
    }

    @Test
    void theFlagNamesTheSituationQuotesTheCustomerAndSaysWhatToDo() {
        List<Flag> flags = detector.detect(Fixtures.ticket("Hi, my father passed away and the account is in his name."));

        assertThat(flags).singleElement().satisfies(flag -> {
            assertThat(flag.kind()).isEqualTo(FlagKind.SENSITIVE_SITUATION);
            assertThat(flag.blocking()).isTrue();
            assertThat(flag.detail()).startsWith("Bereavement: the customer wrote “my father passed away”.")
                    .contains("Reply personally");
        });
    }

    @Test
    void selfHarmAsksForTheCrisisProtocolAndComesFirst() {
        List<Flag> flags = detector.detect(Fixtures.ticket(
                "I lost my job last month.", "I can't take this anymore, I want to end it all."));

        assertThat(flags).extracting(Flag::detail).satisfiesExactly(
                d -> assertThat(d).startsWith("Possible risk of self-harm: the customer wrote “end it all”.")
                        .contains("Follow the crisis protocol and escalate to your supervisor immediately"),
                d -> assertThat(d).startsWith("Financial hardship: the customer wrote “lost my job”."));
    }

    @Test
    void severalSituationsInOneMessageGiveOneFlagEach() {
        assertThat(situations("Since my wife passed away I can't afford the payments, and my solicitor says you "
                + "must stop charging me.")).containsExactly(SensitiveSituation.BEREAVEMENT,
                SensitiveSituation.FINANCIAL_HARDSHIP, SensitiveSituation.LEGAL_THREAT);
    }

    @Test
    void legalThreatsAskForEscalationWithoutAdmittingFault() {
        assertThat(detector.detect(Fixtures.ticket("I'll see you in court.")))
                .singleElement().extracting(Flag::detail).asString()
                .startsWith("Legal threat:").contains("Do not admit fault");
    }

    @Test
    void onlyTheCustomersWordsCount() {
        Ticket ticket = Fixtures.ticket("Where is my parcel?");
        Ticket withAgentNote = ticket.withMessages(List.of(ticket.messages().getFirst(), new Message("n1",
                Author.INTERNAL_NOTE, "Customer threatened to sue last year, see old case.", Instant.EPOCH)));

        assertThat(detector.detect(withAgentNote)).isEmpty();
    }

    @Test
    void anOrdinaryTicketHasNoSensitiveSituation() {
        assertThat(detector.detect(Fixtures.lampTicket())).isEmpty();
    }
}
