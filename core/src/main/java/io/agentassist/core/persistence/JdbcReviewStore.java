package io.agentassist.core.persistence;

import io.agentassist.core.approval.EditDistance;
import io.agentassist.core.model.Channel;
import io.agentassist.core.model.Citation;
import io.agentassist.core.model.Customer;
import io.agentassist.core.model.DraftState;
import io.agentassist.core.model.Feedback;
import io.agentassist.core.model.Flag;
import io.agentassist.core.model.FlagKind;
import io.agentassist.core.review.Coaching;
import io.agentassist.core.review.DateRange;
import io.agentassist.core.review.DiscardedDraft;
import io.agentassist.core.review.DraftReview;
import io.agentassist.core.review.GapQuestion;
import io.agentassist.core.review.ReviewFilter;
import io.agentassist.core.review.ReviewStore;
import io.agentassist.core.review.Rubric;
import io.agentassist.core.review.SentReply;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link ReviewStore} on H2 or PostgreSQL. A sent reply is a draft in state SENT joined with its ticket; its
 * text as sent is the outbox's copy of the approved reply (what the channel delivered), falling back to the
 * draft's last saved text for a draft without an outbox row. Agent, date range, channel and flag kind are
 * filtered in SQL; the rating (the latest feedback) in code, on the rows already loaded.
 *
 * <p>Citations, flags, feedback and reviews of the selected drafts are read with one query each, whatever the
 * number of rows, with the row query as a sub-select.
 */
public final class JdbcReviewStore implements ReviewStore {

    private static final String SENT_COLUMNS = "d.id, d.ticket_id, d.agent, d.ai_text, d.final_text, d.suggested_at, "
            + "d.first_edit_at, d.approved_at, d.sent_at, d.edit_ratio, t.subject, t.channel, t.customer_name, "
            + "t.customer_email, t.customer_language, o.reply_text";
    private static final String SENT_FROM = "FROM drafts d JOIN tickets t ON t.id = d.ticket_id "
            + "LEFT JOIN outbox o ON o.draft_id = d.id";
    private static final String DRAFTS_FROM = "FROM drafts d JOIN tickets t ON t.id = d.ticket_id";
    private static final String REVIEW_COLUMNS = "r.draft_id, r.reviewer, r.accuracy, r.policy_compliance, r.tone, "
            + "r.completeness, r.coaching, r.reviewed_at";

    private final Transactor transactor;

    public JdbcReviewStore(Database database) {
        this.transactor = new Transactor(database.dataSource());
    }

    @Override
    public List<SentReply> sentReplies(ReviewFilter filter) {
        Objects.requireNonNull(filter, "filter");
        Where where = where(DraftState.SENT, "d.sent_at", filter);
        return transactor.inTransaction("listing sent replies (" + filter.describe() + ")", c ->
                sent(c, where).stream().filter(filter::matches).toList());
    }

    @Override
    public List<DiscardedDraft> discardedDrafts(ReviewFilter filter) {
        Objects.requireNonNull(filter, "filter");
        Where where = where(DraftState.DISCARDED, "d.discarded_at", filter);
        return transactor.inTransaction("listing discarded suggestions (" + filter.describe() + ")", c -> {
            List<DiscardedDraft> rows = new ArrayList<>();
            try (PreparedStatement query = c.prepareStatement("SELECT d.id, d.ticket_id, d.agent, d.suggested_at, "
                    + "d.discarded_at, t.channel " + DRAFTS_FROM + " WHERE " + where.sql
                    + " ORDER BY d.discarded_at, d.id")) {
                where.bind(query, 1);
                try (ResultSet r = query.executeQuery()) {
                    while (r.next()) {
                        rows.add(new DiscardedDraft(r.getString("id"), r.getString("ticket_id"),
                                Channel.valueOf(r.getString("channel")), r.getString("agent"),
                                Sql.getInstant(r, "suggested_at"), Sql.getInstant(r, "discarded_at"), List.of(),
                                List.of()));
                    }
                }
            }
            Children children = children(c, where);
            return rows.stream()
                    .map(d -> new DiscardedDraft(d.draftId(), d.ticketId(), d.channel(), d.agent(), d.suggestedAt(),
                            d.discardedAt(), children.flags(d.draftId()), children.feedback(d.draftId())))
                    .filter(filter::matches)
                    .toList();
        });
    }

    @Override
    public Optional<SentReply> sentReply(String draftId) {
        Where where = new Where("d.state = ? AND d.id = ?", List.of(DraftState.SENT.name(), draftId));
        return transactor.inTransaction("loading sent reply " + draftId, c -> sent(c, where).stream().findFirst());
    }

    @Override
    public List<SentReply> sentRepliesOnTickets(Collection<String> ticketIds) {
        List<String> ids = List.copyOf(new LinkedHashSet<>(ticketIds));
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Object> parameters = new ArrayList<>();
        parameters.add(DraftState.SENT.name());
        parameters.addAll(ids);
        Where where = new Where("d.state = ? AND d.ticket_id IN (" + placeholders(ids.size()) + ")", parameters);
        return transactor.inTransaction("listing the replies sent on " + ids.size() + " ticket(s)", c -> sent(c, where));
    }

    @Override
    public void saveReview(DraftReview review) {
        Objects.requireNonNull(review, "review");
        transactor.inTransaction("saving a review of draft " + review.draftId(), c -> {
            try (PreparedStatement query = c.prepareStatement("SELECT state FROM drafts WHERE id = ?")) {
                query.setString(1, review.draftId());
                try (ResultSet row = query.executeQuery()) {
                    if (!row.next()) {
                        throw new NoSuchElementException("no draft with id \"" + review.draftId() + "\"");
                    }
                    DraftState state = DraftState.valueOf(row.getString(1));
                    if (state != DraftState.SENT) {
                        throw new IllegalStateException("draft " + review.draftId() + " is " + state
                                + "; only sent replies are reviewed");
                    }
                }
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO draft_reviews (draft_id, reviewer, "
                    + "accuracy, policy_compliance, tone, completeness, coaching, reviewed_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, review.draftId());
                insert.setString(2, review.reviewer());
                insert.setInt(3, review.rubric().accuracy());
                insert.setInt(4, review.rubric().policyCompliance());
                insert.setInt(5, review.rubric().tone());
                insert.setInt(6, review.rubric().completeness());
                insert.setString(7, review.coaching());
                Sql.setInstant(insert, 8, review.reviewedAt());
                insert.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public List<DraftReview> reviewsOf(String draftId) {
        return transactor.inTransaction("listing the reviews of draft " + draftId, c -> {
            List<DraftReview> reviews = new ArrayList<>();
            try (PreparedStatement query = c.prepareStatement("SELECT " + REVIEW_COLUMNS + " FROM draft_reviews r "
                    + "WHERE r.draft_id = ? ORDER BY r.reviewed_at DESC, r.seq DESC")) {
                query.setString(1, draftId);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        reviews.add(review(rows));
                    }
                }
            }
            return reviews;
        });
    }

    @Override
    public List<Coaching> coachingFor(String agent) {
        return transactor.inTransaction("listing the coaching of agent " + agent, c -> {
            List<Coaching> coaching = new ArrayList<>();
            try (PreparedStatement query = c.prepareStatement("SELECT " + REVIEW_COLUMNS + ", d.ticket_id, d.sent_at, "
                    + "t.subject FROM draft_reviews r JOIN drafts d ON d.id = r.draft_id "
                    + "JOIN tickets t ON t.id = d.ticket_id WHERE d.agent = ? AND d.state = ? "
                    + "ORDER BY r.reviewed_at DESC, r.seq DESC")) {
                query.setString(1, agent);
                query.setString(2, DraftState.SENT.name());
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        coaching.add(new Coaching(rows.getString("draft_id"), rows.getString("ticket_id"),
                                rows.getString("subject"), Sql.getInstant(rows, "sent_at"), review(rows)));
                    }
                }
            }
            return coaching;
        });
    }

    @Override
    public List<GapQuestion> knowledgeGaps(DateRange range) {
        List<String> conditions = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        range.start().ifPresent(start -> {
            conditions.add("recorded_at >= ?");
            parameters.add(start);
        });
        range.end().ifPresent(end -> {
            conditions.add("recorded_at < ?");
            parameters.add(end);
        });
        Where where = new Where(conditions.isEmpty() ? "1 = 1" : String.join(" AND ", conditions), parameters);
        return transactor.inTransaction("listing knowledge gaps (" + range.describe() + ")", c -> {
            List<GapQuestion> gaps = new ArrayList<>();
            try (PreparedStatement query = c.prepareStatement("SELECT ticket_id, question, recorded_at "
                    + "FROM knowledge_gaps WHERE " + where.sql + " ORDER BY recorded_at, seq")) {
                where.bind(query, 1);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        gaps.add(new GapQuestion(rows.getString("ticket_id"), rows.getString("question"),
                                Sql.getInstant(rows, "recorded_at")));
                    }
                }
            }
            return gaps;
        });
    }

    // ---- sent replies ----

    private static List<SentReply> sent(Connection c, Where where) throws SQLException {
        List<SentRow> rows = new ArrayList<>();
        try (PreparedStatement query = c.prepareStatement("SELECT " + SENT_COLUMNS + " " + SENT_FROM + " WHERE "
                + where.sql + " ORDER BY d.sent_at, d.id")) {
            where.bind(query, 1);
            try (ResultSet r = query.executeQuery()) {
                while (r.next()) {
                    rows.add(SentRow.read(r));
                }
            }
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        Children children = children(c, where);
        List<SentReply> replies = new ArrayList<>(rows.size());
        for (SentRow row : rows) {
            replies.add(row.toReply(children));
        }
        return replies;
    }

    /** Citations, flags, feedback and latest review of every draft {@code where} selects. */
    private static Children children(Connection c, Where where) throws SQLException {
        String ids = "SELECT d.id " + DRAFTS_FROM + " WHERE " + where.sql;
        Map<String, List<Citation>> citations = new HashMap<>();
        try (PreparedStatement query = c.prepareStatement("SELECT draft_id, marker, article_id, chunk_id, title, url, "
                + "score FROM draft_citations WHERE draft_id IN (" + ids + ") ORDER BY draft_id, ordinal")) {
            where.bind(query, 1);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    citations.computeIfAbsent(rows.getString("draft_id"), k -> new ArrayList<>())
                            .add(new Citation(rows.getInt("marker"), rows.getString("article_id"),
                                    rows.getString("chunk_id"), rows.getString("title"), rows.getString("url"),
                                    rows.getDouble("score")));
                }
            }
        }
        Map<String, List<Flag>> flags = new HashMap<>();
        try (PreparedStatement query = c.prepareStatement("SELECT draft_id, kind, detail, blocking FROM draft_flags "
                + "WHERE draft_id IN (" + ids + ") ORDER BY draft_id, ordinal")) {
            where.bind(query, 1);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    flags.computeIfAbsent(rows.getString("draft_id"), k -> new ArrayList<>())
                            .add(new Flag(FlagKind.valueOf(rows.getString("kind")), rows.getString("detail"),
                                    rows.getBoolean("blocking")));
                }
            }
        }
        Map<String, List<Feedback>> feedback = new HashMap<>();
        try (PreparedStatement query = c.prepareStatement("SELECT draft_id, agent, helpful, reason, given_at "
                + "FROM feedback WHERE draft_id IN (" + ids + ") ORDER BY draft_id, given_at, seq")) {
            where.bind(query, 1);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String draftId = rows.getString("draft_id");
                    feedback.computeIfAbsent(draftId, k -> new ArrayList<>())
                            .add(new Feedback(draftId, rows.getString("agent"), rows.getBoolean("helpful"),
                                    rows.getString("reason"), Sql.getInstant(rows, "given_at")));
                }
            }
        }
        Map<String, DraftReview> latestReviews = new HashMap<>();
        try (PreparedStatement query = c.prepareStatement("SELECT " + REVIEW_COLUMNS + " FROM draft_reviews r "
                + "WHERE r.draft_id IN (" + ids + ") ORDER BY r.draft_id, r.reviewed_at, r.seq")) {
            where.bind(query, 1);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    DraftReview review = review(rows);
                    latestReviews.put(review.draftId(), review);
                }
            }
        }
        return new Children(citations, flags, feedback, latestReviews);
    }

    private record Children(Map<String, List<Citation>> citations, Map<String, List<Flag>> flagsByDraft,
                            Map<String, List<Feedback>> feedbackByDraft, Map<String, DraftReview> latestReviews) {
        List<Citation> citations(String draftId) {
            return citations.getOrDefault(draftId, List.of());
        }

        List<Flag> flags(String draftId) {
            return flagsByDraft.getOrDefault(draftId, List.of());
        }

        List<Feedback> feedback(String draftId) {
            return feedbackByDraft.getOrDefault(draftId, List.of());
        }

        Optional<DraftReview> latestReview(String draftId) {
            return Optional.ofNullable(latestReviews.get(draftId));
        }
    }

    /** One row of the sent-replies query, before its children are attached. */
    private record SentRow(String id, String ticketId, String agent, String aiText, String sentText,
                           Instant suggestedAt, Instant firstEditAt, Instant approvedAt, Instant sentAt,
                           Double editRatio, String subject, Channel channel, Customer customer) {

        static SentRow read(ResultSet r) throws SQLException {
            double ratio = r.getDouble("edit_ratio");
            Double editRatio = r.wasNull() ? null : ratio;
            String outboxText = r.getString("reply_text");
            Instant sentAt = Sql.getInstant(r, "sent_at");
            Instant approvedAt = Sql.getInstant(r, "approved_at");
            return new SentRow(r.getString("id"), r.getString("ticket_id"), r.getString("agent"),
                    r.getString("ai_text"), outboxText != null ? outboxText : r.getString("final_text"),
                    Sql.getInstant(r, "suggested_at"), Sql.getInstant(r, "first_edit_at"),
                    approvedAt != null ? approvedAt : sentAt, sentAt, editRatio, r.getString("subject"),
                    Channel.valueOf(r.getString("channel")),
                    new Customer(r.getString("customer_name"), r.getString("customer_email"),
                            r.getString("customer_language")));
        }

        SentReply toReply(Children children) {
            // A draft approved outside ReplyDesk may lack the recorded ratio: compute it the way approval does.
            double ratio = editRatio != null ? Math.clamp(editRatio, 0.0, 1.0) : EditDistance.ratio(aiText, sentText);
            return new SentReply(id, ticketId, subject, channel, customer, agent, aiText, sentText, suggestedAt,
                    Optional.ofNullable(firstEditAt), approvedAt, sentAt, ratio, children.citations(id),
                    children.flags(id), children.feedback(id), children.latestReview(id));
        }
    }

    // ---- reviews and filters ----

    private static DraftReview review(ResultSet rows) throws SQLException {
        return new DraftReview(rows.getString("draft_id"), rows.getString("reviewer"),
                new Rubric(rows.getInt("accuracy"), rows.getInt("policy_compliance"), rows.getInt("tone"),
                        rows.getInt("completeness")),
                rows.getString("coaching"), Sql.getInstant(rows, "reviewed_at"));
    }

    /**
     * The SQL part of a filter: state, the time column in the date range, agents, channel and flag kind. The
     * rating needs the latest feedback and is applied in code.
     */
    private static Where where(DraftState state, String timeColumn, ReviewFilter filter) {
        List<String> conditions = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        conditions.add("d.state = ?");
        parameters.add(state.name());
        filter.dates().start().ifPresent(start -> {
            conditions.add(timeColumn + " >= ?");
            parameters.add(start);
        });
        filter.dates().end().ifPresent(end -> {
            conditions.add(timeColumn + " < ?");
            parameters.add(end);
        });
        if (!filter.agents().isEmpty()) {
            conditions.add("d.agent IN (" + placeholders(filter.agents().size()) + ")");
            parameters.addAll(filter.agents().stream().sorted().toList());
        }
        filter.channel().ifPresent(channel -> {
            conditions.add("t.channel = ?");
            parameters.add(channel.name());
        });
        filter.flag().ifPresent(kind -> {
            conditions.add("EXISTS (SELECT 1 FROM draft_flags f WHERE f.draft_id = d.id AND f.kind = ?)");
            parameters.add(kind.name());
        });
        return new Where(String.join(" AND ", conditions), parameters);
    }

    private static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    /** A WHERE clause and its parameters (strings and instants), bound in order. */
    private record Where(String sql, List<Object> parameters) {
        Where {
            parameters = List.copyOf(parameters);
        }

        void bind(PreparedStatement statement, int first) throws SQLException {
            int index = first;
            for (Object parameter : parameters) {
                if (parameter instanceof Instant instant) {
                    Sql.setInstant(statement, index++, instant);
                } else {
                    statement.setString(index++, (String) parameter);
                }
            }
        }
    }
}
