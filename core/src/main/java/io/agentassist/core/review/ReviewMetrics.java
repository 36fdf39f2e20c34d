package io.agentassist.core.review;

import io.agentassist.core.model.FlagKind;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The review dashboard's figures for one filter, as {@link ReviewMetricsCalculator} computes them. Every count
 * is of suggestions (drafts), never of flags or feedback entries, so the numbers of one figure add up to the
 * suggestions it covers.
 *
 * @param range         the days covered, in their zone
 * @param usage         sent replies per bucket, and discarded suggestions
 * @param byDay         {@code usage} per day of the range, days without any included (a chart needs them)
 * @param byWeek        {@code usage} per ISO week (Monday to Sunday) touching the range
 * @param editRatios    sent replies per edit-ratio bin of width 0.1: [0, 0.1), [0.1, 0.2), …, [0.9, 1.0]
 * @param flags         per flag kind, the sent replies and discarded suggestions that carried it; kinds no
 *                      suggestion carried are left out; most frequent first
 * @param timeToApprove from suggestion to approval, over sent replies
 * @param mostCited     the articles cited by the most sent replies, most first (ties: by article id), at most
 *                      {@link ReviewMetricsCalculator#MOST_CITED}
 * @param feedback      the agents' latest rating of each suggestion covered, sent or discarded
 * @param rubric        mean team-lead scores over the sent replies reviewed (newest review of each)
 */
public record ReviewMetrics(DateRange range, UsageCounts usage, List<UsagePeriod> byDay, List<UsagePeriod> byWeek,
                            List<RatioBin> editRatios, List<FlagCount> flags, ApprovalTimes timeToApprove,
                            List<ArticleCount> mostCited, FeedbackCounts feedback, RubricMeans rubric) {

    public ReviewMetrics {
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(usage, "usage");
        byDay = List.copyOf(byDay);
        byWeek = List.copyOf(byWeek);
        editRatios = List.copyOf(editRatios);
        flags = List.copyOf(flags);
        Objects.requireNonNull(timeToApprove, "timeToApprove");
        mostCited = List.copyOf(mostCited);
        Objects.requireNonNull(feedback, "feedback");
        Objects.requireNonNull(rubric, "rubric");
    }

    /** Suggestions per {@link UsageBucket}. */
    public record UsageCounts(int asIs, int light, int heavy, int discarded) {
        public static final UsageCounts NONE = new UsageCounts(0, 0, 0, 0);

        public int of(UsageBucket bucket) {
            return switch (bucket) {
                case AS_IS -> asIs;
                case LIGHT -> light;
                case HEAVY -> heavy;
                case DISCARDED -> discarded;
            };
        }

        /** Replies sent, whatever the edits. */
        public int sent() {
            return asIs + light + heavy;
        }

        /** Suggestions the agent acted on: sent or discarded. */
        public int total() {
            return sent() + discarded;
        }

        /** The bucket's part of {@link #total()}, from 0 to 1; 0 when there is nothing. */
        public double share(UsageBucket bucket) {
            return total() == 0 ? 0.0 : of(bucket) / (double) total();
        }

        public UsageCounts plus(UsageBucket bucket) {
            return new UsageCounts(asIs + (bucket == UsageBucket.AS_IS ? 1 : 0),
                    light + (bucket == UsageBucket.LIGHT ? 1 : 0), heavy + (bucket == UsageBucket.HEAVY ? 1 : 0),
                    discarded + (bucket == UsageBucket.DISCARDED ? 1 : 0));
        }
    }

    /** {@link UsageCounts} of one day ({@code first == last}) or one ISO week (Monday to Sunday). */
    public record UsagePeriod(LocalDate first, LocalDate last, UsageCounts counts) {
        public UsagePeriod {
            Objects.requireNonNull(first, "first");
            Objects.requireNonNull(last, "last");
            Objects.requireNonNull(counts, "counts");
        }

        /** {@code 2026-03-02} for a day, {@code 2026-W10} for an ISO week. */
        public String label() {
            if (first.equals(last)) {
                return first.toString();
            }
            return String.format(Locale.ROOT, "%d-W%02d", first.get(IsoFields.WEEK_BASED_YEAR),
                    first.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        }
    }

    /** Sent replies whose edit ratio is in [from, to); the last bin also holds 1.0. */
    public record RatioBin(double from, double to, int count) {
        /** {@code 0.0–0.1}. */
        public String label() {
            return String.format(Locale.ROOT, "%.1f–%.1f", from, to);
        }
    }

    /** Suggestions that carried at least one flag of {@code kind}, sent and discarded. */
    public record FlagCount(FlagKind kind, int sent, int discarded) {
        public int total() {
            return sent + discarded;
        }
    }

    /**
     * Time from suggestion to approval. Percentiles are by the nearest-rank method: with the n times sorted
     * ascending, the p-th percentile is the one at rank ⌈p/100 × n⌉ (1-based), so it is always a time that was
     * really measured. Example: of 7 times, p90 is the 7th (⌈6.3⌉) and the median the 4th (⌈3.5⌉). The mean
     * is rounded to the nanosecond. All empty when no reply was sent.
     */
    public record ApprovalTimes(int count, Optional<Duration> mean, Optional<Duration> median,
                                Optional<Duration> p90) {
        public static final ApprovalTimes NONE =
                new ApprovalTimes(0, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** How many sent replies cited an article (each reply counts once, however many passages it cited). */
    public record ArticleCount(String articleId, String title, int replies) {
    }

    /** Suggestions by the agent's latest rating. */
    public record FeedbackCounts(int helpful, int notHelpful, int none) {
        public int of(Rating rating) {
            return switch (rating) {
                case HELPFUL -> helpful;
                case NOT_HELPFUL -> notHelpful;
                case NONE -> none;
            };
        }
    }

    /** Mean rubric scores over {@code reviewed} sent replies; empty when none was reviewed. */
    public record RubricMeans(int reviewed, OptionalDouble accuracy, OptionalDouble policyCompliance,
                              OptionalDouble tone, OptionalDouble completeness) {
        public static final RubricMeans NONE = new RubricMeans(0, OptionalDouble.empty(), OptionalDouble.empty(),
                OptionalDouble.empty(), OptionalDouble.empty());
    }
}
