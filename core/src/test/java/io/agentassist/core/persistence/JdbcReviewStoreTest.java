package io.agentassist.core.persistence;

import static io.agentassist.core.review.ReviewSeed.AI_TEXT;
import static io.agentassist.core.review.ReviewSeed.BERLIN;
import static io.agentassist.core.review.ReviewSeed.MONDAY;
import static io.agentassist.core.review.ReviewSeed.SUNDAY;
import static io.agentassist.core.review.ReviewSeed.at;
import static io.agentassist.core.review.ReviewSeed.edited;
import static io.agentassist.core.review.ReviewSeed.week;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentassist.core.llm.OfflineModel;
import io.agentassist.core.model.Channel;
import io.agentassist.core.model.FlagKind;
import io.agentassist.core.review.Coaching;
import io.agentassist.core.review.DateRange;
import io.agentassist.core.review.DiscardedDraft;
import io.agentassist.core.review.DraftReview;
import io.agentassist.core.review.GapArticleDrafter;
import io.agentassist.core.review.GapGroup;
import io.agentassist.core.review.GapGrouping;
import io.agentassist.core.review.GapQuestion;
import io.agentassist.core.review.Rating;
import io.agentassist.core.review.ReviewDesk;
import io.agentassist.core.review.ReviewFilter;
import io.agentassist.core.review.ReviewMetrics;
import io.agentassist.core.review.ReviewMetrics.ApprovalTimes;
import io.agentassist.core.review.ReviewMetrics.ArticleCount;
import io.agentassist.core.review.ReviewMetrics.FeedbackCounts;
import io.agentassist.core.review.ReviewMetrics.FlagCount;
import io.agentassist.core.review.ReviewMetrics.UsageCounts;
import io.agentassist.core.review.ReviewMetrics.UsagePeriod;
import io.agentassist.core.review.ReviewSeed;
import io.agentassist.core.review.Rubric;
import io.agentassist.core.review.SentReply;
import io.agentassist.core.review.UsageBucket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The review store and the metrics over it, on the week {@link ReviewSeed} writes through the real desks. Every
 * expected number is worked out by hand from the table in {@link ReviewSeed}'s Javadoc; the comments show the
 * arithmetic.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Backend.class)
class JdbcReviewStoreTest {

    @Parameter
    Backend backend;

    @TempDir
    Path tempDir;

    Database database;
    JdbcReviewStore store;
    ReviewDesk desk;

    @BeforeEach
    void seedAWeekOfATeam() {
        database = backend.openFresh(tempDir);
        ReviewSeed.seed(database, tempDir);
        store = new JdbcReviewStore(database);
        Clock clock = Clock.fixed(at("03-10T08:00:00"), ZoneOffset.UTC);
        desk = new ReviewDesk(store, new GapGrouping(), new GapArticleDrafter(new OfflineModel(), clock, BERLIN),
                clock);
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void theWeekInBerlinHoldsTheRepliesSentFromMondayToSundayBerlinTimeOldestFirst() {
        List<SentReply> rows = store.sentReplies(week());

        // D8 was sent 03-08 23:25 UTC = 03-09 00:25 Berlin (after Sunday); D13 03-01 22:59 UTC = 23:59 Berlin.
        assertThat(rows).extracting(SentReply::draftId).containsExactly("D1", "D2", "D3", "D4", "D5", "D6", "D7");
    }

    @Test
    void aRowCarriesTheTicketTheTextsTheTimesAndEverythingTheLeadJudgesBy() {
        SentReply d3 = store.sentReply("D3").orElseThrow();

        assertThat(d3.ticketId()).isEqualTo("T-3");
        assertThat(d3.subject()).isEqualTo("Question T-3");
        assertThat(d3.channel()).isEqualTo(Channel.EMAIL);
        assertThat(d3.customer().name()).isEqualTo("Lopez, Maria");
        assertThat(d3.agent()).isEqualTo("ben");
        assertThat(d3.aiText()).isEqualTo(AI_TEXT);
        assertThat(d3.finalText()).isEqualTo(edited(20)).isEqualTo("Your reference is: 99999999999999999999.");
        assertThat(d3.suggestedAt()).isEqualTo(at("03-03T11:00:00"));
        assertThat(d3.firstEditAt()).contains(at("03-03T11:00:20"));
        assertThat(d3.approvedAt()).isEqualTo(at("03-03T11:05:00"));
        assertThat(d3.sentAt()).isEqualTo(at("03-03T11:05:00"));
        assertThat(d3.timeToApprove()).isEqualTo(Duration.ofSeconds(300));
        assertThat(d3.editRatio()).isEqualTo(0.5); // 20 of 40 characters substituted
        assertThat(d3.bucket()).isEqualTo(UsageBucket.HEAVY);
        assertThat(d3.citations()).extracting(c -> c.articleId()).containsExactly("shipping/delays");
        assertThat(d3.flags()).extracting(f -> f.kind())
                .containsExactly(FlagKind.COMMITMENT, FlagKind.UNCITED_CLAIM, FlagKind.UNCITED_CLAIM);
        assertThat(d3.feedback()).singleElement().satisfies(f -> assertThat(f.reason()).isEqualTo("wrong policy"));
        assertThat(d3.rating()).isEqualTo(Rating.NOT_HELPFUL);
        assertThat(d3.latestReview()).map(DraftReview::rubric).contains(new Rubric(2, 3, 4, 3));
        assertThat(d3.diff().original()).isEqualTo(AI_TEXT);
        assertThat(d3.diff().revised()).isEqualTo(edited(20));
    }

    @Test
    void draftsThatWereNotSentAreNoRowsAndTheirIdsFindNothing() {
        // D9, D10 discarded; D11 superseded; D12 approved but never delivered.
        assertThat(store.sentReplies(ReviewFilter.all())).extracting(SentReply::draftId)
                .doesNotContain("D9", "D10", "D11", "D12")
                .containsExactly("DG-1", "DG-3", "D13", "D1", "D2", "D3", "D4", "D5", "D6", "D7", "D8");
        assertThat(store.sentReply("D12")).isEmpty();
        assertThat(store.sentReply("nope")).isEmpty();
    }

    @Test
    void filtersCombineAndEachNarrowsTheTable() {
        assertThat(ids(week().agents("ben"))).containsExactly("D3", "D4");
        assertThat(ids(week().agents("ana", "chloe").dates(DateRange.of(LocalDate.of(2026, 3, 5), SUNDAY, BERLIN))))
                .containsExactly("D5", "D6", "D7");
        assertThat(ids(week().channel(Channel.CHAT))).containsExactly("D2", "D4", "D7");
        assertThat(ids(week().flag(FlagKind.UNCITED_CLAIM))).containsExactly("D2", "D3");
        assertThat(ids(week().rating(Rating.NONE))).containsExactly("D2", "D5", "D7");
        // D4's latest feedback is the thumbs down that followed its thumbs up.
        assertThat(ids(week().rating(Rating.NOT_HELPFUL))).containsExactly("D3", "D4");
        assertThat(ids(week().rating(Rating.NOT_HELPFUL).channel(Channel.CHAT))).containsExactly("D4");
        assertThat(ids(week().agents("chloe").flag(FlagKind.COMMITMENT))).isEmpty();
        assertThat(store.discardedDrafts(week().channel(Channel.CHAT))).extracting(DiscardedDraft::draftId)
                .containsExactly("D9");
        assertThat(store.discardedDrafts(week().flag(FlagKind.NO_KNOWLEDGE).rating(Rating.NONE)))
                .extracting(DiscardedDraft::draftId).containsExactly("D10");
    }

    @Test
    void theSameDaysInUtcMoveTheRepliesSentAroundMidnight() {
        // D8 at 03-08 23:25 UTC is inside a UTC week; D13 at 03-01 22:59 UTC stays outside.
        assertThat(ids(ReviewFilter.all().between(MONDAY, SUNDAY, ZoneOffset.UTC)))
                .containsExactly("D1", "D2", "D3", "D4", "D5", "D6", "D7", "D8");
    }

    @Test
    void theWeeksMetricsAreTheOnesWorkedOutByHand() {
        ReviewMetrics metrics = desk.metrics(week());

        // Sent: D1 0, D4 0 → as is; D2 0.1, D5 0.2 (the limit is inclusive), D7 0.05 → light; D3 0.5, D6 0.25 →
        // heavy. Discarded in the week: D9, D10. Superseded D11 and undelivered D12 are in no bucket.
        assertThat(metrics.usage()).isEqualTo(new UsageCounts(2, 3, 2, 2));
        assertThat(metrics.usage().total()).isEqualTo(9);
        // Days in Berlin: D9 was discarded 03-03 16:00, D10 03-06 17:00; D7 was sent 03-08 23:01:30.
        assertThat(metrics.byDay()).containsExactly(
                new UsagePeriod(MONDAY, MONDAY, new UsageCounts(1, 1, 0, 0)),              // D1, D2
                day(3, new UsageCounts(0, 0, 1, 1)),                                       // D3, D9
                day(4, new UsageCounts(1, 0, 0, 0)),                                       // D4
                day(5, new UsageCounts(0, 1, 0, 0)),                                       // D5
                day(6, new UsageCounts(0, 0, 0, 1)),                                       // D10
                day(7, new UsageCounts(0, 0, 1, 0)),                                       // D6
                day(8, new UsageCounts(0, 1, 0, 0)));                                      // D7
        assertThat(metrics.byWeek()).containsExactly(new UsagePeriod(MONDAY, SUNDAY, new UsageCounts(2, 3, 2, 2)));
        assertThat(metrics.byWeek().getFirst().label()).isEqualTo("2026-W10");
        // Bins of 0.1: [0, 0.1) D1 0, D4 0, D7 0.05; [0.1, 0.2) D2; [0.2, 0.3) D5 0.2, D6 0.25; [0.5, 0.6) D3.
        assertThat(metrics.editRatios()).extracting(ReviewMetrics.RatioBin::count)
                .containsExactly(3, 1, 2, 0, 0, 1, 0, 0, 0, 0);
        // Suggestions carrying each kind (D3's two UNCITED_CLAIM flags count once); most (sent + discarded)
        // first, ties in FlagKind order.
        assertThat(metrics.flags()).containsExactly(
                new FlagCount(FlagKind.UNCITED_CLAIM, 2, 0),                               // D2, D3 → 2
                new FlagCount(FlagKind.COMMITMENT, 1, 1),                                  // D3 | D9 → 2
                new FlagCount(FlagKind.NO_KNOWLEDGE, 1, 1),                                // D6 | D10 → 2
                new FlagCount(FlagKind.FRUSTRATION, 1, 0));                                // D5 → 1
        // Times to approve: 60, 120, 300, 30, 180, 600, 90 s → sorted 30 60 90 120 180 300 600, sum 1380.
        // Mean 1380 / 7 = 197.142857142857… s; median rank ⌈0.5 × 7⌉ = 4 → 120 s; p90 rank ⌈0.9 × 7⌉ = 7 → 600 s.
        assertThat(metrics.timeToApprove()).isEqualTo(new ApprovalTimes(7, Optional.of(Duration.ofNanos(197_142_857_143L)),
                Optional.of(Duration.ofSeconds(120)), Optional.of(Duration.ofSeconds(600))));
        // A: D1 D2 D4 D7; B: D1 D5; C: D3 D4. Ties by article id.
        assertThat(metrics.mostCited()).containsExactly(
                new ArticleCount("returns/damaged-items", "Damaged items", 4),
                new ArticleCount("returns/how-to-return", "How to return an item", 2),
                new ArticleCount("shipping/delays", "Delivery delays", 2));
        // Latest rating per suggestion: helpful D1 D6; not helpful D3 D4 D9; none D2 D5 D7 D10.
        assertThat(metrics.feedback()).isEqualTo(new FeedbackCounts(2, 3, 4));
        // Newest reviews: D1 5/5/4/5 (its 3/3/3/3 is older), D3 2/3/4/3 → means 3.5, 4, 4, 4.
        assertThat(metrics.rubric().reviewed()).isEqualTo(2);
        assertThat(metrics.rubric().accuracy()).hasValue(3.5);
        assertThat(metrics.rubric().policyCompliance()).hasValue(4.0);
        assertThat(metrics.rubric().tone()).hasValue(4.0);
        assertThat(metrics.rubric().completeness()).hasValue(4.0);
    }

    @Test
    void oneAgentsMetricsCountOnlyTheirSuggestions() {
        ReviewMetrics ben = desk.metrics(week().agents("ben"));

        // D3 heavy (300 s), D4 as is (30 s); ben discarded nothing this week.
        assertThat(ben.usage()).isEqualTo(new UsageCounts(1, 0, 1, 0));
        // Mean (300 + 30) / 2 = 165 s; p90 rank ⌈0.9 × 2⌉ = 2 → 300 s; median rank ⌈0.5 × 2⌉ = 1 → 30 s.
        assertThat(ben.timeToApprove()).isEqualTo(new ApprovalTimes(2, Optional.of(Duration.ofSeconds(165)),
                Optional.of(Duration.ofSeconds(30)), Optional.of(Duration.ofSeconds(300))));
    }

    @Test
    void aReviewIsStoredNewestFirstAndBecomesTheRowsLatestReview() {
        DraftReview review = desk.review("D5", "lena", new Rubric(4, 5, 3, 4), "  Warmer opening next time.  ");

        assertThat(review.coaching()).isEqualTo("Warmer opening next time.");
        assertThat(store.reviewsOf("D5")).containsExactly(review);
        assertThat(store.sentReply("D5").orElseThrow().latestReview()).contains(review);
        assertThat(store.reviewsOf("D1")).extracting(DraftReview::coaching).containsExactly("Spot on.", "");
    }

    @Test
    void onlySentRepliesCanBeReviewed() {
        Rubric rubric = new Rubric(3, 3, 3, 3);

        assertThatThrownBy(() -> desk.review("D9", "lena", rubric, ""))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("D9 is DISCARDED");
        assertThatThrownBy(() -> desk.review("D12", "lena", rubric, ""))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("D12 is APPROVED");
        assertThatThrownBy(() -> desk.review("nope", "lena", rubric, ""))
                .isInstanceOf(NoSuchElementException.class).hasMessageContaining("nope");
        assertThatThrownBy(() -> desk.review("D1", " ", rubric, ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reviewer");
    }

    @Test
    void anAgentSeesTheCoachingOnTheirOwnRepliesNewestFirst() {
        List<Coaching> ana = desk.coachingFor("ana");
        List<Coaching> ben = desk.coachingFor("ben");

        assertThat(ana).extracting(c -> c.draftId() + " " + c.review().coaching())
                .containsExactly("D1 Spot on.", "D1 ");
        assertThat(ben).singleElement().satisfies(c -> {
            assertThat(c.ticketId()).isEqualTo("T-3");
            assertThat(c.sentAt()).isEqualTo(at("03-03T11:05:00"));
            assertThat(c.review().coaching()).isEqualTo(ReviewSeed.COACHING_D3);
        });
        assertThat(desk.coachingFor("chloe")).isEmpty();
    }

    @Test
    void knowledgeGapsAreListedInTheirRangeAndGroupedBySimilarity() {
        assertThat(store.knowledgeGaps(DateRange.always())).hasSize(7);
        assertThat(store.knowledgeGaps(DateRange.of(LocalDate.of(2026, 2, 17), LocalDate.of(2026, 2, 19), BERLIN)))
                .extracting(GapQuestion::ticketId).containsExactly("G-2", "G-3", "G-4");

        List<GapGroup> groups = desk.gapGroups(DateRange.always());

        // G-1 (asked twice) and G-3 share {new, card, arriv}; G-2 shares only {card, arriv} with them (0.243 on
        // average, under 0.3); G-4 and G-5 share {exchang, rat, pay} of 7 words (0.43).
        assertThat(groups).extracting(GapGroup::number, GapGroup::count, GapGroup::ticketIds).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, 3, List.of("G-1", "G-3")),
                org.assertj.core.groups.Tuple.tuple(2, 2, List.of("G-4", "G-5")),
                org.assertj.core.groups.Tuple.tuple(3, 1, List.of("G-2")),
                org.assertj.core.groups.Tuple.tuple(4, 1, List.of("G-6")));
        assertThat(groups.getFirst().representative()).isEqualTo("My new card still hasn't arrived, it's been two weeks.");
        assertThat(store.sentRepliesOnTickets(groups.getFirst().ticketIds())).extracting(SentReply::draftId)
                .containsExactly("DG-1", "DG-3");
    }

    private List<String> ids(ReviewFilter filter) {
        return store.sentReplies(filter).stream().map(SentReply::draftId).toList();
    }

    private static UsagePeriod day(int dayOfMarch, UsageCounts counts) {
        LocalDate day = LocalDate.of(2026, 3, dayOfMarch);
        return new UsagePeriod(day, day, counts);
    }
}
