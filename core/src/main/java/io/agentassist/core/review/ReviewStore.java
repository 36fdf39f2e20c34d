package io.agentassist.core.review;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * What team-lead review reads and writes: sent replies with their citations, flags, feedback and reviews;
 * discarded suggestions; reviews; the knowledge-gap log. Implemented on H2 and PostgreSQL by
 * {@code persistence.JdbcReviewStore}.
 *
 * <p>Unknown draft ids give {@link java.util.NoSuchElementException}; reviewing a draft that was not sent gives
 * {@link IllegalStateException}.
 */
public interface ReviewStore {

    /** Replies sent that {@code filter} selects, oldest first (by sent time, then draft id). */
    List<SentReply> sentReplies(ReviewFilter filter);

    /** Suggestions the agent discarded that {@code filter} selects (by discard time), oldest first. */
    List<DiscardedDraft> discardedDrafts(ReviewFilter filter);

    /** One sent reply, or empty when there is no such draft or it was not sent. */
    Optional<SentReply> sentReply(String draftId);

    /** The replies sent on these tickets, oldest first: what agents answered a group of knowledge gaps with. */
    List<SentReply> sentRepliesOnTickets(Collection<String> ticketIds);

    /** Stores a review of a sent reply. */
    void saveReview(DraftReview review);

    /** The reviews of one draft, newest first. */
    List<DraftReview> reviewsOf(String draftId);

    /** The reviews of the replies {@code agent} sent, newest review first: the coaching the agent reads. */
    List<Coaching> coachingFor(String agent);

    /** The knowledge-gap events recorded in {@code range}, oldest first. */
    List<GapQuestion> knowledgeGaps(DateRange range);
}
