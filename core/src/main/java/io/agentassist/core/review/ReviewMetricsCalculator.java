package io.agentassist.core.review;

import io.agentassist.core.model.Citation;
import io.agentassist.core.model.FlagKind;
import io.agentassist.core.review.ReviewMetrics.ApprovalTimes;
import io.agentassist.core.review.ReviewMetrics.ArticleCount;
import io.agentassist.core.review.ReviewMetrics.FeedbackCounts;
import io.agentassist.core.review.ReviewMetrics.FlagCount;
import io.agentassist.core.review.ReviewMetrics.RatioBin;
import io.agentassist.core.review.ReviewMetrics.RubricMeans;
import io.agentassist.core.review.ReviewMetrics.UsageCounts;
import io.agentassist.core.review.ReviewMetrics.UsagePeriod;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ToIntFunction;

/**
 * Computes {@link ReviewMetrics} from the rows a filter selected. Pure: no store, no clock, no zone but the
 * range's, so a test can work every number out by hand. The rows are taken as given (the store applied the
 * filter); the range only lays out the days and weeks.
 */
public final class ReviewMetricsCalculator {
    /** How many articles {@link ReviewMetrics#mostCited()} lists. */
    public static final int MOST_CITED = 10;
    /** Edit-ratio bins of width 0.1. */
    static final int BINS = 10;

    private ReviewMetricsCalculator() {
    }

    public static ReviewMetrics calculate(List<SentReply> sent, List<DiscardedDraft> discarded, DateRange range) {
        return new ReviewMetrics(range, usage(sent, discarded), byDay(sent, discarded, range),
                byWeek(sent, discarded, range), editRatios(sent), flags(sent, discarded), timeToApprove(sent),
                mostCited(sent), feedback(sent, discarded), rubric(sent));
    }

    static UsageCounts usage(List<SentReply> sent, List<DiscardedDraft> discarded) {
        UsageCounts counts = UsageCounts.NONE;
        for (SentReply reply : sent) {
            counts = counts.plus(reply.bucket());
        }
        for (int i = 0; i < discarded.size(); i++) {
            counts = counts.plus(UsageBucket.DISCARDED);
        }
        return counts;
    }

    private static List<UsagePeriod> byDay(List<SentReply> sent, List<DiscardedDraft> discarded, DateRange range) {
        Map<LocalDate, UsageCounts> days = countByDay(sent, discarded, range);
        Optional<LocalDate[]> span = span(days, range);
        List<UsagePeriod> periods = new ArrayList<>();
        span.ifPresent(s -> {
            for (LocalDate day = s[0]; !day.isAfter(s[1]); day = day.plusDays(1)) {
                periods.add(new UsagePeriod(day, day, days.getOrDefault(day, UsageCounts.NONE)));
            }
        });
        return periods;
    }

    private static List<UsagePeriod> byWeek(List<SentReply> sent, List<DiscardedDraft> discarded, DateRange range) {
        Map<LocalDate, UsageCounts> days = countByDay(sent, discarded, range);
        Optional<LocalDate[]> span = span(days, range);
        List<UsagePeriod> periods = new ArrayList<>();
        span.ifPresent(s -> {
            LocalDate monday = s[0].with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            for (; !monday.isAfter(s[1]); monday = monday.plusWeeks(1)) {
                UsageCounts week = UsageCounts.NONE;
                for (LocalDate day = monday; day.isBefore(monday.plusWeeks(1)); day = day.plusDays(1)) {
                    week = add(week, days.getOrDefault(day, UsageCounts.NONE));
                }
                periods.add(new UsagePeriod(monday, monday.plusDays(6), week));
            }
        });
        return periods;
    }

    private static Map<LocalDate, UsageCounts> countByDay(List<SentReply> sent, List<DiscardedDraft> discarded,
                                                          DateRange range) {
        Map<LocalDate, UsageCounts> days = new TreeMap<>();
        for (SentReply reply : sent) {
            days.merge(range.dayOf(reply.sentAt()), UsageCounts.NONE.plus(reply.bucket()), ReviewMetricsCalculator::add);
        }
        for (DiscardedDraft draft : discarded) {
            days.merge(range.dayOf(draft.discardedAt()), UsageCounts.NONE.plus(UsageBucket.DISCARDED),
                    ReviewMetricsCalculator::add);
        }
        return days;
    }

    /** First and last day to lay out: the range's ends where it has them, else the data's. */
    private static Optional<LocalDate[]> span(Map<LocalDate, UsageCounts> days, DateRange range) {
        TreeMap<LocalDate, UsageCounts> sorted = new TreeMap<>(days);
        Optional<LocalDate> first = range.from().or(() -> Optional.ofNullable(sorted.isEmpty() ? null : sorted.firstKey()));
        Optional<LocalDate> last = range.to().or(() -> Optional.ofNullable(sorted.isEmpty() ? null : sorted.lastKey()));
        if (first.isEmpty() || last.isEmpty() || first.get().isAfter(last.get())) {
            return Optional.empty();
        }
        return Optional.of(new LocalDate[] {first.get(), last.get()});
    }

    private static UsageCounts add(UsageCounts a, UsageCounts b) {
        return new UsageCounts(a.asIs() + b.asIs(), a.light() + b.light(), a.heavy() + b.heavy(),
                a.discarded() + b.discarded());
    }

    static List<RatioBin> editRatios(List<SentReply> sent) {
        int[] counts = new int[BINS];
        for (SentReply reply : sent) {
            counts[bin(reply.editRatio())]++;
        }
        List<RatioBin> bins = new ArrayList<>(BINS);
        for (int i = 0; i < BINS; i++) {
            bins.add(new RatioBin(i / (double) BINS, (i + 1) / (double) BINS, counts[i]));
        }
        return bins;
    }

    /**
     * The bin of a ratio, computed on its shortest decimal form so that 0.3 (stored as 0.29999…) falls into
     * [0.3, 0.4) as a reader expects, not into [0.2, 0.3).
     */
    static int bin(double ratio) {
        int bin = BigDecimal.valueOf(ratio).movePointRight(1).setScale(0, RoundingMode.FLOOR).intValueExact();
        return Math.clamp(bin, 0, BINS - 1);
    }

    static List<FlagCount> flags(List<SentReply> sent, List<DiscardedDraft> discarded) {
        Map<FlagKind, int[]> counts = new EnumMap<>(FlagKind.class);
        sent.forEach(reply -> reply.flagKinds().forEach(kind -> counts.computeIfAbsent(kind, k -> new int[2])[0]++));
        discarded.forEach(draft -> draft.flagKinds().forEach(kind -> counts.computeIfAbsent(kind, k -> new int[2])[1]++));
        return counts.entrySet().stream()
                .map(e -> new FlagCount(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .sorted(Comparator.comparingInt(FlagCount::total).reversed()
                        .thenComparing(FlagCount::kind))
                .toList();
    }

    static ApprovalTimes timeToApprove(List<SentReply> sent) {
        if (sent.isEmpty()) {
            return ApprovalTimes.NONE;
        }
        List<Duration> sorted = sent.stream().map(SentReply::timeToApprove).sorted().toList();
        BigInteger total = BigInteger.ZERO;
        for (Duration time : sorted) {
            total = total.add(BigInteger.valueOf(time.getSeconds()).multiply(BigInteger.valueOf(1_000_000_000L))
                    .add(BigInteger.valueOf(time.getNano())));
        }
        long meanNanos = new BigDecimal(total).divide(BigDecimal.valueOf(sorted.size()), 0, RoundingMode.HALF_UP)
                .longValueExact();
        return new ApprovalTimes(sorted.size(), Optional.of(Duration.ofNanos(meanNanos)),
                Optional.of(nearestRank(sorted, 50)), Optional.of(nearestRank(sorted, 90)));
    }

    /** The {@code percent}-th percentile of ascending {@code sorted} by nearest rank: rank ⌈percent/100 × n⌉. */
    static <T> T nearestRank(List<T> sorted, int percent) {
        if (sorted.isEmpty() || percent <= 0 || percent > 100) {
            throw new IllegalArgumentException("nearest rank needs values and a percentile in (0, 100]");
        }
        int rank = (int) ((percent * (long) sorted.size() + 99) / 100);
        return sorted.get(rank - 1);
    }

    static List<ArticleCount> mostCited(List<SentReply> sent) {
        Map<String, Integer> replies = new LinkedHashMap<>();
        Map<String, String> titles = new LinkedHashMap<>();
        for (SentReply reply : sent) {
            Set<String> cited = new LinkedHashSet<>();
            for (Citation citation : reply.citations()) {
                String id = citation.articleId() == null ? "" : citation.articleId();
                if (!id.isBlank() && cited.add(id)) {
                    replies.merge(id, 1, Integer::sum);
                    titles.putIfAbsent(id, citation.title() == null ? "" : citation.title());
                }
            }
        }
        return replies.entrySet().stream()
                .map(e -> new ArticleCount(e.getKey(), titles.get(e.getKey()), e.getValue()))
                .sorted(Comparator.comparingInt(ArticleCount::replies).reversed()
                        .thenComparing(ArticleCount::articleId))
                .limit(MOST_CITED)
                .toList();
    }

    static FeedbackCounts feedback(List<SentReply> sent, List<DiscardedDraft> discarded) {
        Map<Rating, Integer> counts = new EnumMap<>(Rating.class);
        sent.forEach(reply -> counts.merge(reply.rating(), 1, Integer::sum));
        discarded.forEach(draft -> counts.merge(draft.rating(), 1, Integer::sum));
        return new FeedbackCounts(counts.getOrDefault(Rating.HELPFUL, 0), counts.getOrDefault(Rating.NOT_HELPFUL, 0),
                counts.getOrDefault(Rating.NONE, 0));
    }

    static RubricMeans rubric(List<SentReply> sent) {
        List<Rubric> rubrics = sent.stream()
                .flatMap(reply -> reply.latestReview().stream())
                .map(DraftReview::rubric)
                .toList();
        if (rubrics.isEmpty()) {
            return RubricMeans.NONE;
        }
        return new RubricMeans(rubrics.size(), mean(rubrics, Rubric::accuracy), mean(rubrics, Rubric::policyCompliance),
                mean(rubrics, Rubric::tone), mean(rubrics, Rubric::completeness));
    }

    private static OptionalDouble mean(List<Rubric> rubrics, ToIntFunction<Rubric> score) {
        return rubrics.stream().mapToInt(score).average();
    }
}
