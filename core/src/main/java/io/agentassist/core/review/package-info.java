/**
 * Team-lead review: what the assistant proposed against what agents sent, across a team.
 *
 * <ul>
 *   <li>The table: {@link io.agentassist.core.review.SentReply} rows from a {@link io.agentassist.core.review.ReviewStore},
 *       chosen by a {@link io.agentassist.core.review.ReviewFilter}; each opens a
 *       {@link io.agentassist.core.review.WordDiff} of the draft against the reply sent.</li>
 *   <li>Coaching: a {@link io.agentassist.core.review.DraftReview} scores a sent reply on the
 *       {@link io.agentassist.core.review.Rubric} and carries the comment the agent reads beside their draft.</li>
 *   <li>The dashboard: {@link io.agentassist.core.review.ReviewMetricsCalculator} turns rows into
 *       {@link io.agentassist.core.review.ReviewMetrics}, a pure function tested on numbers worked out by hand.</li>
 *   <li>Knowledge gaps: {@link io.agentassist.core.review.GapGrouping} groups the questions retrieval could not
 *       answer; {@link io.agentassist.core.review.GapArticleDrafter} drafts an article from the replies agents
 *       sent, which a person reviews: nothing here publishes or indexes anything.</li>
 *   <li>{@link io.agentassist.core.review.ReviewDesk} puts these together for the review window and the
 *       {@code assist review} commands.</li>
 * </ul>
 *
 * <p>This package depends on no store: {@code persistence.JdbcReviewStore} implements its port.
 */
package io.agentassist.core.review;
