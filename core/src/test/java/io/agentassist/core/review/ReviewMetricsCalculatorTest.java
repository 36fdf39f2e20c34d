package io.agentassist.core.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentassist.core.model.Channel;
import io.agentassist.core.model.Citation;
import io.agentassist.core.model.Customer;
import io.agentassist.core.model.Feedback;
import io.agentassist.core.model.Flag;
import io.agentassist.core.model.FlagKind;
import io.agentassist.core.review.ReviewMetrics.ApprovalTimes;
import io.agentassist.core.review.ReviewMetrics.UsageCounts;
import io.agentassist.core.review.ReviewMetrics.UsagePeriod;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ReviewMetricsCalculatorTest {
    static final Instant T0 = Instant.parse("2026-03-04T10:00:00Z"); // a Wednesday

    @Test
    void nothingToMeasureGivesZerosAndEmptyTimes() {
        ReviewMetrics metrics = ReviewMetricsCalculator.calculate(List.of(), List.of(), DateRange.always());

        assertThat(metrics.usage()).isEqualTo(UsageCounts.NONE);
        assertThat(metrics.usage().share(UsageBucket.AS_IS)).isZero();
        assertThat(metrics.byDay()).isEmpty();
        assertThat(metrics.byWeek()).isEmpty();
        assertThat(metrics.editRatios()).hasSize(10).allSatisfy(bin -> assertThat(bin.count()).isZero());
        assertThat(metrics.timeToApprove()).isEqualTo(ApprovalTimes.NONE);
        assertThat(metrics.flags()).isEmpty();
        assertThat(metrics.mostCited()).isEmpty();
        assertThat(metrics.rubric().reviewed()).isZero();
        assertThat(metrics.rubric().accuracy()).isEmpty();
    }

    @Test
    void percentilesAreByNearestRank() {
        List<Integer> ten = IntStream.rangeClosed(1, 10).boxed().toList();
        List<Integer> eleven = IntStream.rangeClosed(1, 11).boxed().toList();

        assertThat(ReviewMetricsCalculator.nearestRank(List.of(7), 90)).isEqualTo(7);  // ⌈0.9 × 1⌉ = 1
        assertThat(ReviewMetricsCalculator.nearestRank(ten, 90)).isEqualTo(9);         // ⌈0.9 × 10⌉ = 9
        assertThat(ReviewMetricsCalculator.nearestRank(eleven, 90)).isEqualTo(10);     // ⌈9.9⌉ = 10
        assertThat(ReviewMetricsCalculator.nearestRank(ten, 50)).isEqualTo(5);         // ⌈5⌉ = 5
        assertThat(ReviewMetricsCalculator.nearestRank(ten, 100)).isEqualTo(10);
        assertThatThrownBy(() -> ReviewMetricsCalculator.nearestRank(List.of(), 90))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theMeanTimeToApproveIsRoundedToTheNanosecond() {
        // 1 s, 1 s, 2 s: mean 4/3 s = 1.333333333… s → 1 333 333 333 ns; p90 rank ⌈2.7⌉ = 3 → 2 s.
        ApprovalTimes times = ReviewMetricsCalculator.timeToApprove(List.of(sent("a", 0, 1), sent("b", 0, 1),
                sent("c", 0, 2)));

        assertThat(times.mean()).contains(Duration.ofNanos(1_333_333_333L));
        assertThat(times.median()).contains(Duration.ofSeconds(1));
        assertThat(times.p90()).contains(Duration.ofSeconds(2));
    }

    @Test
    void ratiosFallIntoTheBinTheirDecimalFormNames() {
        assertThat(ReviewMetricsCalculator.bin(0.0)).isZero();
        assertThat(ReviewMetricsCalculator.bin(0.0999)).isZero();
        assertThat(ReviewMetricsCalculator.bin(0.1)).isEqualTo(1);
        assertThat(ReviewMetricsCalculator.bin(3 / 10.0)).isEqualTo(3);
        assertThat(ReviewMetricsCalculator.bin(0.1 + 0.2)).as("0.30000000000000004").isEqualTo(3);
        assertThat(ReviewMetricsCalculator.bin(7 / 10.0)).isEqualTo(7);
        assertThat(ReviewMetricsCalculator.bin(0.99)).isEqualTo(9);
        assertThat(ReviewMetricsCalculator.bin(1.0)).as("the last bin holds 1.0").isEqualTo(9);
        assertThat(ReviewMetricsCalculator.editRatios(List.of()).get(2).label()).isEqualTo("0.2–0.3");
    }

    @Test
    void withoutARangeTheDaysSpanTheDataAndWeeksStartOnMonday() {
        // Wednesday 03-04 and Tuesday 03-10: days 03-04 … 03-10, weeks W10 (03-02 … 03-08) and W11.
        List<SentReply> sent = List.of(sent("a", 0, 60), sentOn("b", T0.plus(Duration.ofDays(6)), 0.5));
        List<DiscardedDraft> discarded = List.of(discarded("c", T0.plus(Duration.ofDays(1))));

        ReviewMetrics metrics = ReviewMetricsCalculator.calculate(sent, discarded,
                DateRange.always().inZone(ZoneOffset.UTC));

        assertThat(metrics.byDay()).extracting(UsagePeriod::label).containsExactly("2026-03-04", "2026-03-05",
                "2026-03-06", "2026-03-07", "2026-03-08", "2026-03-09", "2026-03-10");
        assertThat(metrics.byDay().get(1).counts()).isEqualTo(new UsageCounts(0, 0, 0, 1));
        assertThat(metrics.byWeek()).containsExactly(
                new UsagePeriod(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 8), new UsageCounts(1, 0, 0, 1)),
                new UsagePeriod(LocalDate.of(2026, 3, 9), LocalDate.of(2026, 3, 15), new UsageCounts(0, 0, 1, 0)));
        assertThat(metrics.byWeek()).extracting(UsagePeriod::label).containsExactly("2026-W10", "2026-W11");
        // a, b sent and c discarded: 1 of 3 used as is.
        assertThat(metrics.usage().share(UsageBucket.AS_IS)).isEqualTo(1 / 3.0);
    }

    @Test
    void anArticleCountsOncePerReplyAndAtMostTenAreListed() {
        List<SentReply> sent = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String article = String.format("art-%02d", i);
            sent.add(withCitations(sent("r" + i, 0, 10), List.of(citation(article, 1), citation(article, 2))));
        }
        sent.add(withCitations(sent("x", 0, 10), List.of(citation("art-11", 1))));

        List<ReviewMetrics.ArticleCount> cited = ReviewMetricsCalculator.mostCited(sent);

        assertThat(cited).hasSize(ReviewMetricsCalculator.MOST_CITED);
        assertThat(cited.getFirst()).isEqualTo(new ReviewMetrics.ArticleCount("art-11", "Title art-11", 2));
        assertThat(cited.subList(1, 10)).extracting(ReviewMetrics.ArticleCount::articleId)
                .containsExactly("art-00", "art-01", "art-02", "art-03", "art-04", "art-05", "art-06", "art-07",
                        "art-08");
    }

    @Test
    void theFilterMatchesRowsOnEveryCriterionTogether() {
        SentReply chat = new SentReply("d", "t", "", Channel.CHAT, new Customer("", "x@example.com", ""), "ana",
                "a", "b", T0, Optional.empty(), T0, T0, 0.5, List.of(),
                List.of(Flag.info(FlagKind.FRUSTRATION, "")), List.of(new Feedback("d", "ana", true, "", T0)),
                Optional.empty());

        assertThat(ReviewFilter.all().matches(chat)).isTrue();
        assertThat(ReviewFilter.all().agents("ana", "ben").channel(Channel.CHAT).flag(FlagKind.FRUSTRATION)
                .rating(Rating.HELPFUL).between(LocalDate.of(2026, 3, 4), LocalDate.of(2026, 3, 4), ZoneOffset.UTC)
                .matches(chat)).isTrue();
        assertThat(ReviewFilter.all().agents("ben").matches(chat)).isFalse();
        assertThat(ReviewFilter.all().channel(Channel.EMAIL).matches(chat)).isFalse();
        assertThat(ReviewFilter.all().flag(FlagKind.COMMITMENT).matches(chat)).isFalse();
        assertThat(ReviewFilter.all().rating(Rating.NONE).matches(chat)).isFalse();
        assertThat(ReviewFilter.all().between(LocalDate.of(2026, 3, 5), LocalDate.of(2026, 3, 6), ZoneOffset.UTC)
                .matches(chat)).isFalse();
        assertThat(ReviewFilter.all().agents(" ", "ana ").agents()).containsExactly("ana");
    }

    @Test
    void aRangeIncludesBothDaysInItsZoneAndRefusesToEndBeforeItStarts() {
        DateRange day = DateRange.of(LocalDate.of(2026, 3, 4), LocalDate.of(2026, 3, 4), ReviewSeed.BERLIN);

        assertThat(day.start()).contains(Instant.parse("2026-03-03T23:00:00Z"));
        assertThat(day.end()).contains(Instant.parse("2026-03-04T23:00:00Z"));
        assertThat(day.contains(Instant.parse("2026-03-03T23:00:00Z"))).isTrue();
        assertThat(day.contains(Instant.parse("2026-03-04T22:59:59.999999Z"))).isTrue();
        assertThat(day.contains(Instant.parse("2026-03-04T23:00:00Z"))).isFalse();
        assertThat(DateRange.always().contains(Instant.EPOCH)).isTrue();
        assertThatThrownBy(() -> DateRange.of(LocalDate.of(2026, 3, 5), LocalDate.of(2026, 3, 4), ZoneOffset.UTC))
                .hasMessage("the range starts on 2026-03-05, after it ends on 2026-03-04");
    }

    static SentReply sent(String id, int startSecond, int secondsToApprove) {
        Instant suggested = T0.plusSeconds(startSecond);
        return new SentReply(id, "T-" + id, "", Channel.EMAIL, new Customer("C", "c@example.com", "en"), "ana",
                "ai", "ai", suggested, Optional.empty(), suggested.plusSeconds(secondsToApprove),
                suggested.plusSeconds(secondsToApprove), 0.0, List.of(), List.of(), List.of(), Optional.empty());
    }

    static SentReply sentOn(String id, Instant at, double ratio) {
        return new SentReply(id, "T-" + id, "", Channel.EMAIL, new Customer("C", "c@example.com", "en"), "ana",
                "ai", "sent", at, Optional.empty(), at, at, ratio, List.of(), List.of(), List.of(), Optional.empty());
    }

    static DiscardedDraft discarded(String id, Instant at) {
        return new DiscardedDraft(id, "T-" + id, Channel.CHAT, "ana", at.minusSeconds(60), at, List.of(), List.of());
    }

    static SentReply withCitations(SentReply r, List<Citation> citations) {
        return new SentReply(r.draftId(), r.ticketId(), r.subject(), r.channel(), r.customer(), r.agent(), r.aiText(),
                r.finalText(), r.suggestedAt(), r.firstEditAt(), r.approvedAt(), r.sentAt(), r.editRatio(), citations,
                r.flags(), r.feedback(), r.latestReview());
    }

    static Citation citation(String article, int marker) {
        return new Citation(marker, article, article + "#" + marker, "Title " + article, "", 1.0);
    }
}
