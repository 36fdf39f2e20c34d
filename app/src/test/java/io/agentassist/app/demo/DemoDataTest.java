package io.agentassist.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentassist.app.demo.DemoScenarios.FeedEntry;
import io.agentassist.core.assist.guardrails.FrustrationDetector;
import io.agentassist.core.assist.guardrails.PiiKind;
import io.agentassist.core.assist.guardrails.PiiRedactor;
import io.agentassist.core.assist.guardrails.PromptInjectionDetector;
import io.agentassist.core.assist.guardrails.Redaction;
import io.agentassist.core.assist.guardrails.SensitiveSituation;
import io.agentassist.core.assist.guardrails.SensitiveSituationDetector;
import io.agentassist.core.model.Author;
import io.agentassist.core.model.Channel;
import io.agentassist.core.model.FlagKind;
import io.agentassist.core.model.Message;
import io.agentassist.core.model.Ticket;
import io.agentassist.core.model.TicketStatus;
import io.agentassist.core.persistence.Database;
import io.agentassist.core.persistence.JdbcTicketStore;
import io.agentassist.core.tickets.TicketImporter;
import io.agentassist.core.tickets.TicketUpdate;
import io.agentassist.knowledge.ingest.Article;
import io.agentassist.knowledge.ingest.LoadResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo data the app opens on: every file reads with the readers the app uses, and each scenario really
 * shows what the README says it shows (the card is a card to the redactor, the injection is an injection to
 * the detector, and so on).
 */
class DemoDataTest {
    private static final Set<String> CATEGORIES = Set.of("returns", "shipping", "billing", "subscriptions",
            "account-security", "outages", "warranty-repairs", "privacy", "orders", "products-care", "account",
            "payments", "contact");
    private static final Instant WEEK_STARTS = Instant.parse("2026-11-20T00:00:00Z");
    private static final Instant WEEK_ENDS = Instant.parse("2026-11-25T00:00:00Z");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’.,/–-]*");

    // tickets

    @Test
    void everyTicketParsesAndIsNamedAfterItsUniqueId() {
        List<Path> files = DemoScenarios.ticketFiles();
        List<Ticket> tickets = DemoScenarios.tickets();

        assertThat(tickets).hasSizeGreaterThanOrEqualTo(22);
        assertThat(tickets).extracting(Ticket::id).doesNotHaveDuplicates().allMatch(id -> id.matches("FW-\\d{4}"));
        for (int i = 0; i < files.size(); i++) {
            assertThat(files.get(i).getFileName()).hasToString(tickets.get(i).id() + ".json");
        }
    }

    @Test
    void ticketsAreFromFictionalCustomersDuringTheDemoWeekOldestMessageFirst() {
        for (Ticket ticket : DemoScenarios.tickets()) {
            assertThat(ticket.customer().email()).as(ticket.id()).endsWith("@example.com");
            assertThat(ticket.customer().name()).as(ticket.id()).isNotBlank();
            assertThat(ticket.subject()).as(ticket.id()).isNotBlank();
            List<Instant> times = ticket.messages().stream().map(Message::at).toList();
            assertThat(times).as(ticket.id()).isSorted().allMatch(at -> !at.isBefore(WEEK_STARTS) && at.isBefore(WEEK_ENDS));
            assertThat(ticket.messages().getFirst().author()).as(ticket.id()).isEqualTo(Author.CUSTOMER);
        }
    }

    @Test
    void theTicketsMixChannelsStatusesAndLanguages() {
        List<Ticket> tickets = DemoScenarios.tickets();

        assertThat(tickets).extracting(Ticket::channel).contains(Channel.EMAIL, Channel.CHAT);
        assertThat(tickets).extracting(Ticket::status)
                .contains(TicketStatus.OPEN, TicketStatus.PENDING, TicketStatus.SOLVED);
        assertThat(tickets).extracting(ticket -> ticket.customer().language()).contains("en", "es", "de");
        assertThat(DemoScenarios.ticket(DemoScenarios.SPANISH).customer().language()).isEqualTo("es");
        assertThat(DemoScenarios.ticket(DemoScenarios.GERMAN).customer().language()).isEqualTo("de");
        assertThat(tickets).as("a thread with an agent's reply already in it")
                .anyMatch(ticket -> ticket.messages().stream().anyMatch(m -> m.author() == Author.AGENT)
                        && ticket.latestCustomerMessage().orElseThrow() == ticket.messages().getLast());
    }

    @Test
    void everyMessageCarriesItsOwnIdSoImportingAFileAgainAddsNothing() {
        List<Path> files = new ArrayList<>(DemoScenarios.ticketFiles());
        files.addAll(DemoScenarios.liveChatFiles());
        Set<String> ids = new HashSet<>();
        for (Path file : files) {
            for (JsonNode message : DemoScenarios.readJson(file).get("messages")) {
                assertThat(message.hasNonNull("id")).as(file.getFileName() + ": " + message).isTrue();
                assertThat(ids.add(message.get("id").asText())).as("duplicate message id " + message.get("id"))
                        .isTrue();
            }
        }
    }

    // live chat

    @Test
    void theLiveChatFeedListsEveryFollowUpOfTheChatTicketInOrder() {
        List<FeedEntry> feed = DemoScenarios.feed();
        Ticket chat = DemoScenarios.ticket(DemoScenarios.LIVE_CHAT);

        assertThat(feed).hasSizeBetween(2, 3).allMatch(entry -> entry.afterSeconds() > 0);
        assertThat(feed).extracting(FeedEntry::file).containsExactlyElementsOf(
                DemoScenarios.liveChatFiles().stream().map(file -> file.getFileName().toString()).toList());
        assertThat(chat.channel()).isEqualTo(Channel.CHAT);
        Instant previous = chat.messages().getLast().at();
        Set<String> seen = new HashSet<>(chat.messages().stream().map(Message::id).toList());
        for (FeedEntry entry : feed) {
            Ticket followUp = DemoScenarios.read(DemoScenarios.liveChat().resolve(entry.file()));
            assertThat(followUp.id()).isEqualTo(chat.id());
            assertThat(followUp.channel()).isEqualTo(chat.channel());
            assertThat(followUp.customer()).isEqualTo(chat.customer());
            assertThat(followUp.subject()).isEqualTo(chat.subject());
            for (Message message : followUp.messages()) {
                assertThat(message.author()).as(entry.file()).isEqualTo(Author.CUSTOMER);
                assertThat(seen.add(message.id())).as(entry.file() + " repeats " + message.id()).isTrue();
                assertThat(message.at()).as(entry.file()).isAfter(previous);
                previous = message.at();
            }
        }
    }

    @Test
    void importingTheFollowUpsAppendsThemToTheLiveChatTicket(@TempDir Path dataDir) throws IOException {
        try (Database database = Database.openEmbedded(dataDir)) {
            JdbcTicketStore store = new JdbcTicketStore(database);
            TicketImporter importer = new TicketImporter(store);
            Path first = DemoScenarios.root().resolve("tickets").resolve(DemoScenarios.LIVE_CHAT + ".json");

            assertThat(importer.importFile(first).created()).isTrue();
            int expected = DemoScenarios.ticket(DemoScenarios.LIVE_CHAT).messages().size();
            for (FeedEntry entry : DemoScenarios.feed()) {
                Path file = DemoScenarios.liveChat().resolve(entry.file());
                TicketUpdate update = importer.importFile(file);
                List<String> newIds = DemoScenarios.read(file).messages().stream().map(Message::id).toList();

                assertThat(update.created()).isFalse();
                assertThat(update.newMessageIds()).containsExactlyElementsOf(newIds);
                expected += newIds.size();
            }
            assertThat(importer.importFile(first).newMessageIds()).isEmpty();
            List<Message> stored = store.find(DemoScenarios.LIVE_CHAT).orElseThrow().messages();
            assertThat(stored).hasSize(expected);
            assertThat(stored).extracting(Message::id)
                    .containsExactlyElementsOf(DemoScenarios.liveChatAfter(DemoScenarios.feed().size()).messages().stream()
                            .map(Message::id).toList());
        }
    }

    // scenarios the guardrails must recognise

    @Test
    void theCardAndPhoneTicketCarriesALuhnValidCardAndAPhoneNumber() {
        PiiRedactor redactor = new PiiRedactor();
        List<Redaction> redactions = redactor.redactAll(customerTexts(DemoScenarios.ticket(DemoScenarios.CARD_AND_PHONE)));

        assertThat(redactions.stream().flatMap(r -> r.replacements().stream()).map(Redaction.Replacement::kind))
                .contains(PiiKind.CARD, PiiKind.PHONE);
        assertThat(redactions).extracting(Redaction::text)
                .noneMatch(text -> text.contains("4111 1111 1111 1111") || text.contains("555-0173"));
    }

    @Test
    void onlyThePromptInjectionTicketIsFlaggedAsAnInjection() {
        PromptInjectionDetector detector = new PromptInjectionDetector();
        List<String> flagged = allTicketsWithFollowUps().stream()
                .filter(ticket -> detector.detect(ticket).stream().anyMatch(f -> f.kind() == FlagKind.PROMPT_INJECTION))
                .map(Ticket::id).distinct().toList();

        assertThat(flagged).containsExactly(DemoScenarios.PROMPT_INJECTION);
    }

    @Test
    void theFuriousCustomerIsFlaggedAsFrustratedAndTheHowToQuestionIsNot() {
        FrustrationDetector detector = new FrustrationDetector();

        assertThat(detector.detect(DemoScenarios.ticket(DemoScenarios.FURIOUS))).extracting(flag -> flag.kind())
                .containsExactly(FlagKind.FRUSTRATION);
        assertThat(detector.detect(DemoScenarios.ticket(DemoScenarios.HOW_TO))).isEmpty();
    }

    @Test
    void theBereavementTicketIsRecognisedAsABereavement() {
        assertThat(situations(DemoScenarios.ticket(DemoScenarios.BEREAVEMENT))).contains(SensitiveSituation.BEREAVEMENT);
        assertThat(new SensitiveSituationDetector().detect(DemoScenarios.ticket(DemoScenarios.BEREAVEMENT)))
                .anyMatch(flag -> flag.kind() == FlagKind.SENSITIVE_SITUATION && flag.blocking());
    }

    @Test
    void theHardshipAndLegalThreatTicketsAreRecognisedToo() {
        assertThat(situations(DemoScenarios.ticket(DemoScenarios.HARDSHIP))).contains(SensitiveSituation.FINANCIAL_HARDSHIP);
        assertThat(situations(DemoScenarios.ticket(DemoScenarios.LEGAL_THREAT))).contains(SensitiveSituation.LEGAL_THREAT);
    }

    @Test
    void theHowToQuestionRaisesNoGuardrailAtAll() {
        Ticket howTo = DemoScenarios.ticket(DemoScenarios.HOW_TO);

        assertThat(new SensitiveSituationDetector().detect(howTo)).isEmpty();
        assertThat(new PromptInjectionDetector().detect(howTo)).isEmpty();
        assertThat(new PiiRedactor().redactAll(customerTexts(howTo)))
                .allMatch(redaction -> redaction.replacements().isEmpty());
    }

    // help centre

    @Test
    void theHelpCentreLoadsWithNothingSkipped() {
        LoadResult loaded = DemoScenarios.helpCentreArticles();

        assertThat(loaded.skipped()).isEmpty();
        assertThat(loaded.articles()).hasSizeGreaterThanOrEqualTo(42);
        assertThat(loaded.articles()).extracting(Article::id).doesNotHaveDuplicates();
        assertThat(loaded.articles()).filteredOn(article -> article.locale().isEmpty())
                .as("the main set is English").hasSizeGreaterThanOrEqualTo(42);
        assertThat(loaded.articles()).extracting(Article::locale).allMatch(locale -> Set.of("", "de", "es").contains(locale));
    }

    @Test
    void everyCategoryTheDemoNeedsHasItsFolder() throws IOException {
        try (Stream<Path> folders = Files.list(DemoScenarios.helpCentre())) {
            assertThat(folders.map(folder -> folder.getFileName().toString())).containsAll(CATEGORIES);
        }
    }

    @Test
    void everyArticleHasTheFrontMatterOfItsCategoryFolder() {
        for (Article article : DemoScenarios.helpCentreArticles().articles()) {
            String folder = DemoScenarios.helpCentre().relativize(Path.of(article.source())).getName(0).toString();

            assertThat(article.id()).as(article.source()).startsWith(folder + "-");
            assertThat(article.title()).as(article.source()).isNotBlank();
            assertThat(article.metadata()).as(article.source()).containsEntry("category", folder);
            assertThat(article.tags()).as(article.source()).startsWith(folder).hasSizeGreaterThan(1);
            assertThat(article.url()).as(article.source()).startsWith("https://help.fernway.example/");
            assertThat(LocalDate.parse(article.metadata().get("updated"))).as(article.source())
                    .isBeforeOrEqualTo(LocalDate.of(2026, 11, 24));
        }
    }

    @Test
    void everyArticleIsBetween150And600Words() {
        for (Article article : DemoScenarios.helpCentreArticles().articles()) {
            long words = WORD.matcher(article.body()).results().count();

            assertThat(words).as(article.id()).isBetween(150L, 600L);
        }
    }

    @Test
    void noArticleMentionsWhatTheUnanswerableTicketAsksAbout() {
        for (Article article : DemoScenarios.helpCentreArticles().articles()) {
            String text = (article.title() + " " + article.body()).toLowerCase(Locale.ROOT);

            assertThat(text).as(article.id()).doesNotContain("sponsor", "bouldering", "climbing club");
        }
    }

    private static List<Ticket> allTicketsWithFollowUps() {
        List<Ticket> tickets = new ArrayList<>(DemoScenarios.tickets());
        for (int steps = 1; steps <= DemoScenarios.feed().size(); steps++) {
            tickets.add(DemoScenarios.liveChatAfter(steps));
        }
        return tickets;
    }

    /** What the customer wrote, as the guardrails read it: the subject and every customer message. */
    private static List<String> customerTexts(Ticket ticket) {
        List<String> texts = new ArrayList<>();
        texts.add(ticket.subject());
        ticket.messages().stream().filter(m -> m.author() == Author.CUSTOMER).map(Message::text).forEach(texts::add);
        return texts;
    }

    private static Set<SensitiveSituation> situations(Ticket ticket) {
        Set<SensitiveSituation> situations = new HashSet<>();
        SensitiveSituationDetector detector = new SensitiveSituationDetector();
        for (String text : customerTexts(ticket)) {
            detector.find(text).forEach(finding -> situations.add(finding.situation()));
        }
        return situations;
    }
}
