package io.agentassist.core.assist.offline;

import static io.agentassist.core.assist.offline.Fixtures.T0;
import static io.agentassist.core.assist.offline.Fixtures.chat;
import static io.agentassist.core.assist.offline.Fixtures.email;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentassist.core.model.Author;
import io.agentassist.core.model.CaseSummary;
import io.agentassist.core.model.Channel;
import io.agentassist.core.model.Customer;
import io.agentassist.core.model.Message;
import io.agentassist.core.model.Ticket;
import io.agentassist.core.model.TicketStatus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExtractiveSummarizerTest {
    private final ExtractiveSummarizer summarizer = new ExtractiveSummarizer();

    private static final Ticket DOUBLE_CHARGE = email("Maria Lopez", "en",
            """
            Hi,

            I was charged twice for my order 48213 on 3 March. My bank statement shows two payments of 59.90 EUR. \
            Can you refund the second payment?

            Thanks,
            Maria""",
            """
            Hello Maria,

            I'm sorry about that. I have checked your order and I can see the second payment. \
            I have refunded it today. You will see the money on your statement within 5 working days.

            Best regards,
            Alex""",
            """
            Thank you! Will I get a confirmation e-mail for the refund? \
            This is the second time this has happened and it is really frustrating.""");

    @Test
    void summaryStatesWhatTheCustomerWantsAndWhatHappenedRetoldAboutThem() {
        CaseSummary summary = summarizer.summarize(DOUBLE_CHARGE);

        assertThat(summary.mode()).isEqualTo("offline");
        assertThat(summary.intent()).isEqualTo("Can you refund the second payment?");
        assertThat(summary.whatHappened()).startsWith("Maria Lopez was charged twice for their order 48213 on 3 March.")
                .doesNotContain("Hi", "Thanks");
    }

    @Test
    void ourActionsAndPromisesAreListedButNotOurPleasantries() {
        CaseSummary summary = summarizer.summarize(DOUBLE_CHARGE);

        assertThat(summary.triedOrPromised()).containsExactly("I have checked your order and I can see the second payment.",
                "I have refunded it today.");
        assertThat(summary.triedOrPromised()).noneMatch(s -> s.contains("sorry") || s.contains("regards"));
    }

    @Test
    void questionWithoutAnAgentAnswerIsOpenAndTheNextStepIsToAnswerIt() {
        CaseSummary summary = summarizer.summarize(DOUBLE_CHARGE);

        assertThat(summary.openQuestions()).containsExactly("Will I get a confirmation e-mail for the refund?");
        assertThat(summary.nextStep()).contains("Answer the customer's open question")
                .contains("Will I get a confirmation e-mail for the refund?");
    }

    @Test
    void frustrationInTheLatestMessageMakesTheSentimentNegativeAndTheNextStepAcknowledgeIt() {
        CaseSummary summary = summarizer.summarize(DOUBLE_CHARGE);

        assertThat(summary.sentiment()).isEqualTo("negative");
        assertThat(summary.nextStep()).startsWith("Acknowledge the customer's frustration.");
    }

    @Test
    void answeredQuestionIsNotOpen() {
        Ticket ticket = chat("Tom", "Is breakfast included in my booking?", "Yes, breakfast is included in your rate.");

        CaseSummary summary = summarizer.summarize(ticket);

        assertThat(summary.openQuestions()).isEmpty();
        assertThat(summary.intent()).isEqualTo("Is breakfast included in my booking?");
    }

    @Test
    void anAgentReplyAnswersOnlyTheQuestionsItAddresses() {
        Ticket ticket = chat("Tom", "Is parking free? And can I bring my dog?", "Parking is free for guests.");

        assertThat(summarizer.summarize(ticket).openQuestions()).containsExactly("Can I bring my dog?");
    }

    @Test
    void promiseMadeInTheLastAgentMessageIsTheThingToFollowUp() {
        Ticket ticket = chat("Tom", "My parcel has not arrived yet.",
                "I'm sorry to hear that. I will ask the courier and get back to you tomorrow.");

        CaseSummary summary = summarizer.summarize(ticket);

        assertThat(summary.triedOrPromised()).containsExactly("I will ask the courier and get back to you tomorrow.");
        assertThat(summary.nextStep())
                .isEqualTo("Follow up on the promise made: \"I will ask the courier and get back to you tomorrow.\"");
    }

    @Test
    void customerConfirmingItWorksLeadsToConfirmingResolution() {
        Ticket ticket = chat("Tom", "I cannot log in to my account.", "I have reset your password, please try again.",
                "That worked, thanks a lot!");

        CaseSummary summary = summarizer.summarize(ticket);

        assertThat(summary.nextStep()).isEqualTo("Confirm the issue is resolved and close the ticket.");
        assertThat(summary.sentiment()).isEqualTo("neutral");
        assertThat(summary.intent()).isEqualTo("Tom cannot log in to their account.");
    }

    @Test
    void sentimentIsPositiveNeutralOrNegativeFromTheCustomersWords() {
        assertThat(summarizer.summarize(chat("Ann", "The new app is great, I love the dark mode!")).sentiment())
                .isEqualTo("positive");
        assertThat(summarizer.summarize(chat("Ann", "Where can I download my invoice?")).sentiment())
                .isEqualTo("neutral");
        assertThat(summarizer.summarize(chat("Ann", "This is ridiculous, I am not happy at all!!")).sentiment())
                .isEqualTo("negative");
        assertThat(summarizer.summarize(chat("Ann", "Not bad, not bad at all.")).sentiment()).isEqualTo("positive");
    }

    @Test
    void internalNotesCountAsOurActionsAndNeverAsTheCustomersWords() {
        List<Message> messages = new ArrayList<>(DOUBLE_CHARGE.messages().subList(0, 1));
        messages.add(new Message("n1", Author.INTERNAL_NOTE, "I have escalated this to the billing team.", T0.plusSeconds(90)));
        Ticket ticket = DOUBLE_CHARGE.withMessages(messages);

        CaseSummary summary = summarizer.summarize(ticket);

        assertThat(summary.triedOrPromised()).containsExactly("I have escalated this to the billing team.");
        assertThat(summary.whatHappened()).doesNotContain("escalated");
        assertThat(summary.openQuestions()).containsExactly("Can you refund the second payment?");
    }

    @Test
    void quotedEarlierMailAndSignatureAreNotPartOfTheCase() {
        Ticket ticket = email("Maria Lopez", "en", """
                The replacement lamp arrived broken as well.
                --
                Maria Lopez, Example Street 1
                """, "", "");
        Ticket quoted = ticket.withMessages(List.of(new Message("m0", Author.CUSTOMER, """
                The replacement lamp arrived broken as well. What now?

                On Mon, 2 Mar 2026 at 10:00, Support <help@example.com> wrote:
                > I will send you a replacement lamp.
                """, T0)));

        assertThat(summarizer.summarize(ticket).intent()).isEqualTo("The replacement lamp arrived broken as well.");
        CaseSummary summary = summarizer.summarize(quoted);
        assertThat(summary.triedOrPromised()).isEmpty();
        assertThat(summary.openQuestions()).containsExactly("What now?");
    }

    @Test
    void ticketWithoutMessagesFallsBackToItsSubject() {
        Ticket empty = new Ticket("T-7", "Invoice address wrong", Channel.EMAIL, new Customer("Ann", "", "en"),
                TicketStatus.OPEN, List.of());

        CaseSummary summary = summarizer.summarize(empty);

        assertThat(summary.intent()).isEqualTo("Invoice address wrong");
        assertThat(summary.whatHappened()).isEmpty();
        assertThat(summary.nextStep()).isEqualTo("Read the ticket and reply: nobody has written in it yet.");
    }

    @Test
    void handoffSummaryNamesWhoWhatTriedOpenAndNext() {
        CaseSummary summary = summarizer.summarize(DOUBLE_CHARGE);

        String handoff = summarizer.handoffSummary(DOUBLE_CHARGE, summary);

        assertThat(handoff).isEqualTo("""
                Ticket T-100 (e-mail)
                Customer: Maria Lopez <customer@example.com>, language en; sentiment negative
                Wants: Can you refund the second payment?
                What happened: %s
                Tried or promised: I have checked your order and I can see the second payment. | I have refunded it today.
                Open questions: Will I get a confirmation e-mail for the refund?
                Next step: %s""".formatted(summary.whatHappened(), summary.nextStep()));
    }

    @Test
    void handoffSaysSoWhenNothingWasTriedOrIsOpen() {
        Ticket ticket = chat("Tom", "Is breakfast included?", "Yes, it is.");

        String handoff = summarizer.handoffSummary(ticket, summarizer.summarize(ticket));

        assertThat(handoff).contains("Tried or promised: nothing yet", "Open questions: none",
                "What happened: nothing beyond the request");
    }
}
