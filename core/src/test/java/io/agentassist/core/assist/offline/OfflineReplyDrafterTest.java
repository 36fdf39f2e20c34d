package io.agentassist.core.assist.offline;

import io.agentassist.core.model.AgentProfile;
import static io.agentassist.core.assist.offline.Fixtures.BREAKFAST;
import static io.agentassist.core.assist.offline.Fixtures.GIFT_CARDS;
import static io.agentassist.core.assist.offline.Fixtures.PARKING;
import static io.agentassist.core.assist.offline.Fixtures.PETS;
import static io.agentassist.core.assist.offline.Fixtures.RETURNS;
import static io.agentassist.core.assist.offline.Fixtures.RETURNS_COPY;
import static io.agentassist.core.assist.offline.Fixtures.chat;
import static io.agentassist.core.assist.offline.Fixtures.email;
import static io.agentassist.core.assist.offline.Fixtures.hit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentassist.core.knowledge.KnowledgeHit;
import io.agentassist.core.model.Citation;
import io.agentassist.core.model.Ticket;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OfflineReplyDrafterTest {
    private static final AgentProfile ALEX = new AgentProfile("Alex", "Alex Morgan\nGuest Services, Harbour View Hotel");
    private static final Pattern MARKED = Pattern.compile("([^.!?\\n]*?) \\[(\\d+)]([.!…]*)");
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,:]\\d+)*");

    private final OfflineReplyDrafter drafter = new OfflineReplyDrafter();

    @Test
    void emailDraftGreetsTheCustomerByFirstNameAndSignsOff() {
        OfflineDraft draft = drafter.draft(email("Maria Lopez", "en", "Hello, is parking free at the hotel?"),
                List.of(PARKING, BREAKFAST), ALEX);

        assertThat(draft.text()).startsWith("Hi Maria,\n\nThanks for getting in touch.");
        assertThat(draft.text()).contains("Parking is free for hotel guests in the garage behind the hotel [1].");
        assertThat(draft.text()).contains("\n\nIf anything is still unclear, just reply to this e-mail");
        assertThat(draft.text()).endsWith("\n\nBest regards,\nAlex Morgan\nGuest Services, Harbour View Hotel");
        assertThat(draft.citations()).extracting(Citation::marker, Citation::articleId, Citation::chunkId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "hotel-faq", "hotel-faq#2"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "de    | Hallo Maria,  | Viele Grüße",
            "de-AT | Hallo Maria,  | Viele Grüße",
            "es    | Hola Maria,   | Saludos cordiales,",
            "fr    | Bonjour Maria, | Cordialement,",
            "en    | Hi Maria,     | Best regards,",
            "''    | Hi Maria,     | Best regards,",
            "ja    | Hi Maria,     | Best regards,"})
    void emailWordingFollowsTheCustomersLanguage(String language, String greeting, String signOff) {
        OfflineDraft draft = drafter.draft(email("Maria Lopez", language, "Is parking free at the hotel?"),
                List.of(PARKING), new AgentProfile("Alex", ""));

        assertThat(draft.text()).startsWith(greeting + "\n\n").endsWith("\n\n" + signOff + "\nAlex");
    }

    @Test
    void signatureThatStartsWithTheNameIsNotPrecededByTheNameAgain() {
        String withSignature = drafter.draft(email("Maria", "en", "Is parking free?"), List.of(PARKING), ALEX).text();
        String nameOnly = drafter.draft(email("Maria", "en", "Is parking free?"), List.of(PARKING),
                new AgentProfile("Alex", "")).text();

        assertThat(withSignature).doesNotContain("Alex\nAlex Morgan");
        assertThat(nameOnly).endsWith("Best regards,\nAlex");
    }

    @Test
    void greetingWithoutAUsableFirstNameOmitsTheName() {
        assertThat(drafter.draft(email("", "en", "Is parking free?"), List.of(PARKING), ALEX).text())
                .startsWith("Hello,\n\n");
        assertThat(drafter.draft(email("maria.lopez@example.com", "de", "Is parking free?"), List.of(PARKING), ALEX)
                .text()).startsWith("Hallo,\n\n");
    }

    @Test
    void chatDraftIsBriefAndHasNoSignOff() {
        OfflineDraft draft = drafter.draft(chat("Maria", "Hi! Is parking free at the hotel?"),
                List.of(PARKING, BREAKFAST), ALEX);

        assertThat(draft.text()).isEqualTo("""
                Hi Maria,
                Parking is free for hotel guests in the garage behind the hotel [1]. \
                Is there anything else I can help with?""");
        assertThat(draft.text()).doesNotContain("Best regards", "Alex");
    }

    @Test
    void chatGreetsOnlyInTheFirstReply() {
        Ticket ongoing = chat("Maria", "Is breakfast included?", "Yes, in most rates.", "And when is it served?");

        OfflineDraft draft = drafter.draft(ongoing, List.of(BREAKFAST, PARKING), ALEX);

        assertThat(draft.text()).startsWith("Breakfast is served in the Harbour Room from 7 to 10:30 every morning [1].");
    }

    @Test
    void chatQuotesAtMostTwoSentencesAndEmailAtMostThree() {
        String question = "How do I return an item and when do I get my money back? Can I print the label?";
        OfflineDraft chatDraft = drafter.draft(chat("Maria", question), List.of(RETURNS, PETS), ALEX);
        OfflineDraft emailDraft = drafter.draft(email("Maria", "en", question), List.of(RETURNS, PETS), ALEX);

        assertThat(quoted(chatDraft)).hasSizeLessThanOrEqualTo(OfflineReplyDrafter.MAX_CHAT_SENTENCES).isNotEmpty();
        assertThat(quoted(emailDraft)).hasSizeLessThanOrEqualTo(OfflineReplyDrafter.MAX_EMAIL_SENTENCES)
                .hasSizeGreaterThan(quoted(chatDraft).size());
    }

    @Test
    void draftWithoutRelevantPassagesSaysWeWillCheckAndCitesNothing() {
        Ticket ticket = email("Maria Lopez", "en", "Do you have a swimming pool at the hotel?");

        OfflineDraft draft = drafter.draft(ticket, List.of(PARKING, PETS, BREAKFAST), ALEX);

        assertThat(draft.citations()).isEmpty();
        assertThat(draft.answersNothing()).isTrue();
        assertThat(draft.text()).contains("I am checking this with my colleagues and will get back to you")
                .doesNotContain("[1]").doesNotContainPattern("\\d");
        assertThat(draft.text()).startsWith("Hi Maria,").endsWith("Guest Services, Harbour View Hotel");
    }

    @Test
    void draftWithNoPassagesAtAllSaysWeWillCheckInTheCustomersLanguageAndRegister() {
        OfflineDraft german = drafter.draft(email("Jonas Weber", "de", "Kann ich mein Fahrrad mitbringen?"), List.of(), ALEX);
        OfflineDraft chatDraft = drafter.draft(chat("Maria", "Can I bring my bike?"), List.of(), ALEX);

        assertThat(german.citations()).isEmpty();
        assertThat(german.text()).startsWith("Hallo Jonas,\n\nvielen Dank für Ihre Nachricht.")
                .contains("melde mich so bald wie möglich wieder bei Ihnen");
        assertThat(chatDraft.citations()).isEmpty();
        assertThat(chatDraft.text()).isEqualTo("Hi Maria,\nLet me check that for you so I can give you an accurate"
                + " answer. I will get back to you as soon as I can.");
    }

    @Test
    void aStricterThresholdTurnsAWeakAnswerIntoWeWillCheck() {
        Ticket ticket = email("Maria", "en", "Can I bring my dog?");

        assertThat(drafter.draft(ticket, List.of(PETS), ALEX).citations()).hasSize(1);
        assertThat(new OfflineReplyDrafter(0.95).draft(ticket, List.of(PETS), ALEX).citations()).isEmpty();
        assertThatThrownBy(() -> new OfflineReplyDrafter(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyDraftSentenceCarriesTheMarkerOfItsPassage() {
        List<KnowledgeHit> passages = List.of(RETURNS, GIFT_CARDS, PARKING);
        Ticket ticket = email("Maria", "en",
                "I bought a gift card and a lamp. How do I return the lamp, and when will the refund arrive?"
                        + " Do gift cards expire?");

        OfflineDraft draft = drafter.draft(ticket, passages, ALEX);

        List<String[]> quoted = quoted(draft);
        assertThat(quoted).isNotEmpty();
        for (String[] sentence : quoted) {
            int marker = Integer.parseInt(sentence[1]);
            Citation citation = draft.citations().get(marker - 1);
            assertThat(citation.marker()).isEqualTo(marker);
            KnowledgeHit passage = passages.stream().filter(p -> p.chunkId().equals(citation.chunkId())).findFirst()
                    .orElseThrow();
            assertThat(passage.text()).as("sentence quoted from passage [%d]", marker).contains(sentence[0]);
        }
        assertThat(quoted.stream().map(s -> Integer.parseInt(s[1])).distinct().toList())
                .as("every citation is used, numbered in order of appearance")
                .containsExactlyElementsOf(draft.citations().stream().map(Citation::marker).toList());
        String body = bodyOf(draft);
        assertThat(MARKED.matcher(body).replaceAll("").strip()).as("no unmarked sentence in the answer").isEmpty();
    }

    @Test
    void draftNeverContainsANumberThatIsNotInAPassage() {
        List<KnowledgeHit> passages = List.of(PARKING, PETS, BREAKFAST);
        Ticket ticket = email("Maria", "en", "We arrive on 12 May with 2 dogs and an electric car, booking 88231."
                + " How much is charging the car, and is breakfast included?");

        OfflineDraft draft = drafter.draft(ticket, passages, new AgentProfile("Alex", "Harbour View Hotel"));

        String withoutMarkers = draft.text().replaceAll(" \\[\\d+]", "");
        List<String> numbers = new ArrayList<>();
        Matcher m = NUMBER.matcher(withoutMarkers);
        while (m.find()) {
            numbers.add(m.group());
        }
        assertThat(numbers).as("the draft should quote some facts with numbers").isNotEmpty();
        String cited = String.join("\n", draft.citations().stream()
                .map(c -> passages.stream().filter(p -> p.chunkId().equals(c.chunkId())).findFirst().orElseThrow().text())
                .toList());
        assertThat(numbers).allSatisfy(n -> assertThat(cited).contains(n));
        assertThat(withoutMarkers).doesNotContain("88231", "12 May");
    }

    @Test
    void questionsNavigationHeadingsAndFragmentsAreNeverQuoted() {
        KnowledgeHit noisy = hit("noisy", "noisy#0", "Returns", "", """
                Home › Help › Returns
                How do I return an item?
                Returns
                Read more about returns
                Was this article helpful?
                Returns: yes.
                | Item | Return window |
                You can return an item within 30 days of delivery.""", 3.0);

        OfflineDraft draft = drafter.draft(email("Maria", "en", "How do I return an item?"), List.of(noisy), ALEX);

        assertThat(quoted(draft)).extracting(s -> s[0]).containsExactly("You can return an item within 30 days of delivery");
    }

    @Test
    void markupLeftInAPassageIsNotQuoted() {
        KnowledgeHit markdown = hit("md", "md#0", "Returns", "", "- You can **return** any item within [30 days]"
                + "(https://help.example.com/window){:target=\"_blank\"} of delivery.", 3.0);

        OfflineDraft draft = drafter.draft(email("Maria", "en", "Can I return an item?"), List.of(markdown), ALEX);

        assertThat(draft.text()).contains("\n\nYou can return any item within 30 days of delivery [1].\n\n");
    }

    @Test
    void draftNeverRepeatsASentenceThatTwoPassagesShare() {
        OfflineDraft draft = drafter.draft(email("Maria", "en", "Can I return an item for a refund?"),
                List.of(RETURNS, RETURNS_COPY), ALEX);

        List<String> sentences = quoted(draft).stream().map(s -> s[0]).toList();
        assertThat(sentences).doesNotHaveDuplicates()
                .containsOnlyOnce("You can return any item within 30 days of delivery for a full refund");
        assertThat(draft.citations()).extracting(Citation::articleId).containsExactly("shop-returns");
    }

    @Test
    void draftAnswersTheQuestionRatherThanTheStoryAroundIt() {
        Ticket ticket = email("Maria", "en", """
                We stayed with you last summer and loved the breakfast and the harbour views. \
                This time we are coming by car with our dog. Can we bring the dog?""");

        OfflineDraft draft = drafter.draft(ticket, List.of(BREAKFAST, PARKING, PETS), ALEX);

        assertThat(draft.citations()).extracting(Citation::articleId).containsExactly("pets");
        assertThat(draft.text()).contains("Dogs are welcome in all ground-floor rooms for a fee of 15 EUR per night [1].");
    }

    @Test
    void aWordTheQuestionSharesWithEveryPassageDoesNotMakeOneAnAnswer() {
        OfflineDraft draft = drafter.draft(email("Maria", "en", "Is there a sauna in the hotel?"),
                List.of(PARKING, PETS), ALEX);

        assertThat(draft.citations()).isEmpty();
    }

    @Test
    void shortFollowUpIsReadWithTheCustomersPreviousMessage() {
        KnowledgeHit wifi = hit("wifi", "wifi#0", "Wi-fi", "", "Wi-fi is free in all rooms and in the lobby.", 14.0);
        Ticket followUp = chat("Maria", "Do you have parking for guests?", "We do, behind the hotel.", "Is it free?");
        Ticket alone = chat("Maria", "Is it free?");

        OfflineDraft withHistory = drafter.draft(followUp, List.of(wifi, PARKING), ALEX);
        OfflineDraft withoutHistory = drafter.draft(alone, List.of(wifi, PARKING), ALEX);

        assertThat(quoted(withHistory).getFirst()[0]).startsWith("Parking is free for hotel guests");
        assertThat(quoted(withoutHistory).getFirst()[0]).startsWith("Wi-fi is free");
    }

    @Test
    void aQuestionTooThinToMatchIsAnsweredFromWhatTheSubjectNames() {
        KnowledgeHit closing = hit("bereavement", "bereavement#1", "Closing the account of someone who has died",
                "What we need", "To close the account of someone who has died, send us a copy of the death certificate "
                        + "and the email address on their account.", 12.0);
        Ticket thin = subject(email("Helen", "en", "My mother passed away last month. What do you need from me?"),
                "Closing my late mother's account");

        OfflineDraft draft = drafter.draft(thin, List.of(closing), ALEX);

        assertThat(quoted(draft)).extracting(q -> q[0]).singleElement().asString().contains("death certificate");
        assertThat(drafter.draft(subject(thin, "Hello"), List.of(closing), ALEX).citations())
                .as("a subject that names nothing gives no answer").isEmpty();
    }

    @Test
    void markersAreNumberedInTheOrderTheirPassagesAppear() {
        OfflineDraft draft = drafter.draft(email("Maria", "en", "Do gift cards expire? And is parking free?"),
                List.of(GIFT_CARDS, PARKING), ALEX);

        assertThat(draft.citations()).extracting(Citation::marker, Citation::articleId).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, "gift-cards"), org.assertj.core.groups.Tuple.tuple(2, "hotel-faq"));
        assertThat(draft.text().indexOf("[1]")).isLessThan(draft.text().indexOf("[2]"));
        assertThat(draft.citations().get(1).url()).isEqualTo("https://help.example.com/hotel-faq");
        assertThat(draft.citations().get(1).score()).isEqualTo(PARKING.score());
    }

    @Test
    void markerGoesBeforeTheFinalStopSoTheSentenceKeepsIt() {
        assertThat(OfflineReplyDrafter.cited("Parking is free.", 2)).isEqualTo("Parking is free [2].");
        assertThat(OfflineReplyDrafter.cited("Parking is free!", 1)).isEqualTo("Parking is free [1]!");
        assertThat(OfflineReplyDrafter.cited("Open Settings and select Delete account", 1))
                .isEqualTo("Open Settings and select Delete account [1].");
    }

    /** Each quoted sentence (without its marker and final stop) and its marker. */
    private static List<String[]> quoted(OfflineDraft draft) {
        List<String[]> out = new ArrayList<>();
        Matcher m = MARKED.matcher(bodyOf(draft));
        while (m.find()) {
            out.add(new String[] {m.group(1).strip(), m.group(2)});
        }
        return out;
    }

    /** The answer part of a draft: without greeting, lead-in, offer of help and sign-off. */
    private static Ticket subject(Ticket ticket, String subject) {
        return new Ticket(ticket.id(), subject, ticket.channel(), ticket.customer(), ticket.status(), ticket.messages());
    }

    private static String bodyOf(OfflineDraft draft) {
        String[] lines = draft.text().split("\n");
        List<String> body = new ArrayList<>();
        for (String line : lines) {
            if (line.contains("[")) {
                body.add(line.replace("Is there anything else I can help with?", ""));
            }
        }
        return String.join("\n", body);
    }
}
