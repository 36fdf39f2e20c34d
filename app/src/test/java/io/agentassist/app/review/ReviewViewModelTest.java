package io.agentassist.app.review;

import static io.agentassist.core.review.ReviewSeed.BERLIN;
import static io.agentassist.core.review.ReviewSeed.SUNDAY;
import static io.agentassist.core.review.ReviewSeed.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentassist.app.review.ReviewViewModel.Criterion;
import io.agentassist.app.tasks.SameThreadTaskRunner;
import io.agentassist.core.llm.OfflineModel;
import io.agentassist.core.model.Channel;
import io.agentassist.core.model.FlagKind;
import io.agentassist.core.persistence.Database;
import io.agentassist.core.persistence.JdbcReviewStore;
import io.agentassist.core.review.ArticleDraftFolder;
import io.agentassist.core.review.GapArticleDrafter;
import io.agentassist.core.review.GapGrouping;
import io.agentassist.core.review.Rating;
import io.agentassist.core.review.ReviewDesk;
import io.agentassist.core.review.ReviewMetrics;
import io.agentassist.core.review.ReviewMetricsCalculator;
import io.agentassist.core.review.ReviewSeed;
import io.agentassist.core.review.SentReply;
import io.agentassist.core.review.WordDiff;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The review and dashboard view models on the week {@link ReviewSeed} writes through the real desks, with a
 * same-thread runner: every command's result is there when it returns.
 */
class ReviewViewModelTest {
    @TempDir
    Path temp;

    private Database database;
    private JdbcReviewStore store;
    private ReviewDesk desk;
    private ReviewFilterModel filter;
    private SameThreadTaskRunner runner;
    private ReviewViewModel review;
    private DashboardViewModel dashboard;

    @BeforeEach
    void seedAWeek() {
        database = Database.openEmbedded(temp.resolve("db"));
        ReviewSeed.seed(database, temp);
        store = new JdbcReviewStore(database);
        Clock clock = Clock.fixed(at("03-10T08:00:00"), ZoneOffset.UTC);
        desk = new ReviewDesk(store, new GapGrouping(), new GapArticleDrafter(new OfflineModel(), clock, BERLIN), clock);
        filter = new ReviewFilterModel(SUNDAY, BERLIN);
        runner = new SameThreadTaskRunner();
        review = new ReviewViewModel(runner, desk, filter, "Lena Park");
        dashboard = new DashboardViewModel(runner, desk, filter,
                new ArticleDraftFolder(temp.resolve("data/article-drafts"), List.of(temp.resolve("kb"))));
        review.refresh();
        dashboard.refresh();
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void theTableHoldsTheRepliesSentInTheLastFourWeeksAndTheAgentsToChooseFrom() {
        // 02-09 to 03-08 in Berlin: D1-D7 and D13 of the week, DG-1 and DG-3 in February; D8 is 03-09 in Berlin.
        assertThat(review.rows()).extracting(SentReply::draftId)
                .containsExactly("DG-1", "DG-3", "D13", "D1", "D2", "D3", "D4", "D5", "D6", "D7");
        assertThat(filter.agents()).containsExactly("ana", "ben", "chloe");
        assertThat(review.statusProperty().get()).startsWith("10 replies sent");
        assertThat(runner.ran()).anyMatch(name -> name.startsWith("review rows"));
    }

    @Test
    void everyCriterionOfTheFilterNarrowsTheRows() {
        filter.agentProperty().set("ben");
        assertThat(review.rows()).extracting(SentReply::draftId).containsExactly("DG-3", "D3", "D4");

        filter.channelProperty().set(Channel.CHAT);
        assertThat(review.rows()).extracting(SentReply::draftId).containsExactly("D4");

        filter.clearCriteria();
        filter.flagProperty().set(FlagKind.UNCITED_CLAIM);
        assertThat(review.rows()).extracting(SentReply::draftId).containsExactly("D2", "D3");

        filter.flagProperty().set(null);
        filter.ratingProperty().set(Rating.NOT_HELPFUL);
        assertThat(review.rows()).extracting(SentReply::draftId).containsExactly("D3", "D4");

        filter.ratingProperty().set(null);
        filter.fromProperty().set(LocalDate.of(2026, 3, 3));
        filter.toProperty().set(LocalDate.of(2026, 3, 4));
        assertThat(review.rows()).extracting(SentReply::draftId).containsExactly("D3", "D4");
    }

    @Test
    void datesPickedTheWrongWayRoundStillMeanTheRange() {
        filter.fromProperty().set(LocalDate.of(2026, 3, 4));
        filter.toProperty().set(LocalDate.of(2026, 3, 3));

        assertThat(review.rows()).extracting(SentReply::draftId).containsExactly("D3", "D4");
    }

    @Test
    void selectingARowGivesItsWordDiffFiguresAndReviews() {
        SentReply d3 = row("D3");

        review.select(d3);

        assertThat(review.diff()).extracting(WordDiff.Token::op).contains(WordDiff.Op.DELETE, WordDiff.Op.INSERT);
        assertThat(String.join("", review.diff().stream().filter(t -> t.op() != WordDiff.Op.INSERT)
                .map(WordDiff.Token::text).toList())).isEqualTo(ReviewSeed.AI_TEXT);
        assertThat(String.join("", review.diff().stream().filter(t -> t.op() != WordDiff.Op.DELETE)
                .map(WordDiff.Token::text).toList())).isEqualTo(ReviewSeed.edited(20));
        assertThat(ReviewFormat.percent(review.selected().orElseThrow().editRatio())).isEqualTo("50 %");
        assertThat(ReviewFormat.duration(review.selected().orElseThrow().timeToApprove())).isEqualTo("5 min 00 s");
        assertThat(review.reviews()).hasSize(1);
        assertThat(review.scoreProperty(Criterion.ACCURACY).get()).as("the rubric starts from the newest review")
                .isEqualTo(2);
        assertThat(review.coachingProperty().get()).isEqualTo(ReviewSeed.COACHING_D3);
    }

    @Test
    void savingAReviewAsksForEveryScoreThenStoresItAndTheAgentSeesTheCoaching() {
        review.select(row("D2"));
        assertThat(review.scoreProperty(Criterion.TONE).get()).as("not reviewed yet").isZero();

        review.scoreProperty(Criterion.ACCURACY).set(4);
        review.scoreProperty(Criterion.TONE).set(5);
        review.saveReview();
        assertThat(review.reviewProblemProperty().get())
                .isEqualTo("Score policy compliance, completeness from 1 to 5 before saving.");
        assertThat(store.reviewsOf("D2")).isEmpty();

        review.scoreProperty(Criterion.POLICY).set(3);
        review.scoreProperty(Criterion.COMPLETENESS).set(4);
        review.coachingProperty().set("Cite the returns article for the first sentence.");
        review.saveReview();

        assertThat(review.reviewProblemProperty().get()).isEmpty();
        assertThat(store.reviewsOf("D2")).singleElement().satisfies(saved -> {
            assertThat(saved.reviewer()).isEqualTo("Lena Park");
            assertThat(saved.rubric().policyCompliance()).isEqualTo(3);
        });
        assertThat(row("D2").latestReview()).as("the row shows the new review").isPresent();
        assertThat(review.reviews()).hasSize(1);
        assertThat(review.statusProperty().get()).contains("ana sees the coaching on ticket T-2");

        CoachingViewModel ana = new CoachingViewModel(runner, desk::coachingFor, "ana");
        ana.ticketOpened("T-2");
        assertThat(ana.onTicket()).singleElement()
                .satisfies(c -> assertThat(c.review().coaching()).startsWith("Cite the returns article"));
        assertThat(ana.all()).extracting(c -> c.ticketId()).contains("T-2", "T-1");
    }

    @Test
    void savingWithoutAReplyOrReviewerNameSaysWhy() {
        review.saveReview();
        assertThat(review.reviewProblemProperty().get()).isEqualTo("Choose a reply in the table first.");

        ReviewViewModel nameless = new ReviewViewModel(runner, desk, filter, " ");
        nameless.refresh();
        nameless.select(nameless.rows().getFirst());
        for (Criterion criterion : Criterion.values()) {
            nameless.scoreProperty(criterion).set(3);
        }
        nameless.saveReview();
        assertThat(nameless.reviewProblemProperty().get()).contains("reviewer name");
    }

    @Test
    void theCsvExportWritesTheFilteredRows() throws Exception {
        filter.agentProperty().set("chloe");
        Path file = temp.resolve("review.csv");

        review.exportCsv(file);

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines.getFirst()).startsWith("\uFEFFsent_at,agent,ticket");
        assertThat(lines.subList(1, lines.size())).hasSize(2).allMatch(line -> line.contains(",chloe,"));
        assertThat(lines.get(1)).as("a formula-like customer name is neutralised").contains("'=HYPERLINK");
        assertThat(review.statusProperty().get()).isEqualTo("Exported 2 replies to " + file);
    }

    @Test
    void theDashboardShowsTheCalculatorsFiguresForTheSameRows() {
        ReviewMetrics expected = ReviewMetricsCalculator.calculate(store.sentReplies(filter.filter()),
                store.discardedDrafts(filter.filter()), filter.range());

        assertThat(dashboard.metrics()).contains(expected);
        assertThat(expected.byDay()).hasSize(28);

        filter.agentProperty().set("ana");
        ReviewMetrics ana = dashboard.metrics().orElseThrow();
        assertThat(ana).isEqualTo(ReviewMetricsCalculator.calculate(store.sentReplies(filter.filter()),
                store.discardedDrafts(filter.filter()), filter.range()));
        assertThat(ana.usage().discarded()).as("D9").isEqualTo(1);
    }

    @Test
    void theKnowledgeGapsOfTheRangeAreGroupedLargestFirst() {
        // The grouping itself is core's (pinned there on Banking77); the dashboard shows core's groups as they are.
        assertThat(dashboard.gapGroups()).isNotEmpty().isEqualTo(desk.gapGroups(filter.range()));
        assertThat(dashboard.gapGroups()).extracting(g -> g.count()).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void draftingAnArticleSavesMarkdownForReviewAndNeverOverwritesIt() throws Exception {
        var group = dashboard.gapGroups().getFirst();

        dashboard.draftArticle(group);

        Path saved = dashboard.lastDraftProperty().get();
        assertThat(saved).isNotNull().startsWith(temp.resolve("data/article-drafts"));
        assertThat(Files.readString(saved)).contains("status: draft");
        assertThat(dashboard.statusProperty().get()).contains(saved.toString()).contains("not published");

        Files.writeString(saved, "edited by a reviewer");
        dashboard.draftArticle(group);

        assertThat(Files.readString(saved)).isEqualTo("edited by a reviewer");
        assertThat(dashboard.statusProperty().get()).contains("already exists").contains("left as it is");
    }

    private SentReply row(String draftId) {
        return review.rows().stream().filter(r -> r.draftId().equals(draftId)).findFirst().orElseThrow();
    }
}
