package io.agentassist.core.review;

import io.agentassist.core.llm.Cancellation;
import java.io.IOException;
import java.io.Writer;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;

/**
 * What the team-lead review window and the {@code assist review} commands call: the table, one reply with its
 * diff, the dashboard, reviews and coaching, knowledge-gap groups and article drafts, the CSV export. Every
 * method blocks on the database (and {@link #draftArticle} on the model): call them off the UI thread.
 */
public final class ReviewDesk {
    private final ReviewStore store;
    private final GapGrouping grouping;
    private final GapArticleDrafter drafter;
    private final Clock clock;

    public ReviewDesk(ReviewStore store, GapGrouping grouping, GapArticleDrafter drafter, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.grouping = Objects.requireNonNull(grouping, "grouping");
        this.drafter = Objects.requireNonNull(drafter, "drafter");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The rows of the review table, oldest sent first. */
    public List<SentReply> sentReplies(ReviewFilter filter) {
        return store.sentReplies(filter);
    }

    /** One row, e.g. to refresh it after a review; empty when the draft is unknown or was not sent. */
    public Optional<SentReply> sentReply(String draftId) {
        return store.sentReply(draftId);
    }

    /** The word-level diff of a row: what the assistant proposed against what was sent. */
    public WordDiff diff(SentReply reply) {
        return reply.diff();
    }

    /** The dashboard for the same filter as the table. */
    public ReviewMetrics metrics(ReviewFilter filter) {
        return ReviewMetricsCalculator.calculate(store.sentReplies(filter), store.discardedDrafts(filter),
                filter.dates());
    }

    /**
     * Stores a team lead's review of a sent reply, stamped now; the agent sees it in {@link #coachingFor}.
     *
     * @throws IllegalArgumentException a blank reviewer (the {@link Rubric} itself refuses scores outside 1 to 5)
     * @throws NoSuchElementException   an unknown draft
     * @throws IllegalStateException    a draft that was not sent
     */
    public DraftReview review(String draftId, String reviewer, Rubric rubric, String coaching) {
        DraftReview review = new DraftReview(draftId, reviewer, rubric, coaching,
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        store.saveReview(review);
        return review;
    }

    /** Every review of one reply, newest first. */
    public List<DraftReview> reviewsOf(String draftId) {
        return store.reviewsOf(draftId);
    }

    /** The coaching an agent reads: reviews of the replies they sent, newest first. */
    public List<Coaching> coachingFor(String agent) {
        return store.coachingFor(agent);
    }

    /** The knowledge gaps recorded in {@code range}, grouped, largest group first. */
    public List<GapGroup> gapGroups(DateRange range) {
        return grouping.group(store.knowledgeGaps(range));
    }

    /** Group {@code number} of {@link #gapGroups}, or a clear error naming how many there are. */
    public GapGroup gapGroup(DateRange range, int number) {
        List<GapGroup> groups = gapGroups(range);
        if (number < 1 || number > groups.size()) {
            throw new NoSuchElementException(groups.isEmpty()
                    ? "there are no knowledge gaps in " + range.describe()
                    : "there is no group " + number + ": the knowledge gaps of " + range.describe() + " form "
                            + groups.size() + " group" + (groups.size() == 1 ? "" : "s") + " (1 to " + groups.size()
                            + ")");
        }
        return groups.get(number - 1);
    }

    /** An article draft for a group, from the replies agents sent on its tickets. Saves nothing. */
    public GapArticle draftArticle(GapGroup group, Cancellation cancellation) {
        return drafter.draft(group, store.sentRepliesOnTickets(group.ticketIds()), cancellation);
    }

    /** The review table as CSV for the same filter, in the filter's zone. */
    public int exportCsv(ReviewFilter filter, ReviewCsv.Flavour flavour, Writer out) throws IOException {
        List<SentReply> rows = store.sentReplies(filter);
        new ReviewCsv(filter.dates().zone(), flavour).write(rows, out);
        return rows.size();
    }
}
