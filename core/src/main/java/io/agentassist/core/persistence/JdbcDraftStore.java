package io.agentassist.core.persistence;

import io.agentassist.core.model.Citation;
import io.agentassist.core.model.Draft;
import io.agentassist.core.model.DraftState;
import io.agentassist.core.model.Feedback;
import io.agentassist.core.model.Flag;
import io.agentassist.core.model.FlagKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;

/** {@link DraftStore} on H2 or PostgreSQL. */
public final class JdbcDraftStore implements DraftStore {

    private static final String DRAFT_COLUMNS = "id, ticket_id, state, ai_text, final_text, mode, model, "
            + "prompt_version, agent, suggested_at, first_edit_at, approved_at, sent_at, discarded_at, superseded_at, "
            + "edit_distance, edit_ratio";
    private static final Set<DraftState> OPEN = Set.of(DraftState.SUGGESTED, DraftState.EDITED);

    private final Transactor transactor;

    public JdbcDraftStore(Database database) {
        this.transactor = new Transactor(database.dataSource());
    }

    @Override
    public void saveNew(Draft draft) {
        if (draft.id().isBlank()) {
            throw new IllegalArgumentException("draft id is blank");
        }
        transactor.inTransaction("saving draft " + draft.id(), c -> {
            if (!exists(c, "SELECT id FROM tickets WHERE id = ?", draft.ticketId())) {
                throw new NoSuchElementException("draft " + draft.id() + ": no ticket with id \"" + draft.ticketId()
                        + "\"");
            }
            if (exists(c, "SELECT id FROM drafts WHERE id = ?", draft.id())) {
                throw new IllegalArgumentException("draft " + draft.id() + " already exists");
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO drafts (" + DRAFT_COLUMNS + ") "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL, NULL)")) {
                insert.setString(1, draft.id());
                insert.setString(2, draft.ticketId());
                insert.setString(3, draft.state().name());
                insert.setString(4, draft.aiText());
                insert.setString(5, draft.text());
                insert.setString(6, draft.mode());
                insert.setString(7, draft.model());
                insert.setString(8, draft.promptVersion());
                insert.setString(9, draft.agent());
                Sql.setInstant(insert, 10, draft.suggestedAt());
                Sql.setInstant(insert, 11, draft.firstEditAt().orElse(null));
                Sql.setInstant(insert, 12, draft.approvedAt().orElse(null));
                Sql.setInstant(insert, 13, draft.sentAt().orElse(null));
                insert.executeUpdate();
            }
            insertCitations(c, draft.id(), draft.citations());
            insertFlags(c, draft.id(), draft.flags());
            return null;
        });
    }

    @Override
    public void updateText(String draftId, String text, Instant at) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(at, "at");
        transactor.inTransaction("editing draft " + draftId, c -> {
            DraftState state = lockState(c, draftId);
            if (!OPEN.contains(state)) {
                throw new IllegalStateException("draft " + draftId + " is " + state + "; its text can no longer change");
            }
            try (PreparedStatement update = c.prepareStatement("""
                    UPDATE drafts SET final_text = ?, state = ?, first_edit_at = COALESCE(first_edit_at, ?)
                    WHERE id = ? AND final_text <> ?
                    """)) {
                update.setString(1, text);
                update.setString(2, DraftState.EDITED.name());
                Sql.setInstant(update, 3, at);
                update.setString(4, draftId);
                update.setString(5, text);
                update.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void approve(String draftId, Instant at, int editDistance, double editRatio,
                        InApprovalTransaction alongWith) {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(alongWith, "alongWith");
        checkEditFigures(draftId, editDistance, editRatio);
        transactor.inTransaction("approving draft " + draftId, c -> {
            // Locking first makes a concurrent supersede wait for this transaction, or this one see its result.
            DraftState state = lockState(c, draftId);
            if (!OPEN.contains(state)) {
                throw new IllegalStateException("draft " + draftId + " is " + state + "; it cannot become "
                        + DraftState.APPROVED);
            }
            try (PreparedStatement update = c.prepareStatement("UPDATE drafts SET state = ?, approved_at = ?, "
                    + "edit_distance = ?, edit_ratio = ? WHERE id = ?")) {
                update.setString(1, DraftState.APPROVED.name());
                Sql.setInstant(update, 2, at);
                update.setInt(3, editDistance);
                update.setDouble(4, editRatio);
                update.setString(5, draftId);
                update.executeUpdate();
            }
            alongWith.run(c);
            return null;
        });
    }

    @Override
    public void transition(String draftId, DraftState target, Instant at) {
        Objects.requireNonNull(at, "at");
        Set<DraftState> from = switch (target) {
            case APPROVED, SUPERSEDED -> OPEN;
            case DISCARDED -> Set.of(DraftState.SUGGESTED, DraftState.EDITED, DraftState.APPROVED);
            case SENT -> Set.of(DraftState.APPROVED);
            case SUGGESTED, EDITED -> throw new IllegalArgumentException(
                    "a draft becomes " + target + " by being saved or edited, not by a transition");
        };
        String stamp = switch (target) {
            case APPROVED -> "approved_at";
            case SENT -> "sent_at";
            case DISCARDED -> "discarded_at";
            default -> "superseded_at";
        };
        transactor.inTransaction("moving draft " + draftId + " to " + target, c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE drafts SET state = ?, " + stamp + " = ? "
                    + "WHERE id = ? AND state IN (" + quoted(from) + ")")) {
                update.setString(1, target.name());
                Sql.setInstant(update, 2, at);
                update.setString(3, draftId);
                if (update.executeUpdate() == 0) {
                    DraftState current = lockState(c, draftId);
                    throw new IllegalStateException("draft " + draftId + " is " + current + "; it cannot become "
                            + target);
                }
            }
            return null;
        });
    }

    @Override
    public List<String> supersedeOpenDrafts(String ticketId, Instant at) {
        Objects.requireNonNull(at, "at");
        return transactor.inTransaction("superseding the open drafts of ticket " + ticketId, c -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement query = c.prepareStatement("SELECT id FROM drafts WHERE ticket_id = ? AND state IN ("
                    + quoted(OPEN) + ") ORDER BY suggested_at, id FOR UPDATE")) {
                query.setString(1, ticketId);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getString(1));
                    }
                }
            }
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE drafts SET state = ?, superseded_at = ? WHERE id = ?")) {
                for (String id : ids) {
                    update.setString(1, DraftState.SUPERSEDED.name());
                    Sql.setInstant(update, 2, at);
                    update.setString(3, id);
                    update.addBatch();
                }
                if (!ids.isEmpty()) {
                    update.executeBatch();
                }
            }
            return List.copyOf(ids);
        });
    }

    @Override
    public void recordEdit(String draftId, int editDistance, double editRatio) {
        checkEditFigures(draftId, editDistance, editRatio);
        transactor.inTransaction("recording the edit of draft " + draftId, c -> {
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE drafts SET edit_distance = ?, edit_ratio = ? WHERE id = ?")) {
                update.setInt(1, editDistance);
                update.setDouble(2, editRatio);
                update.setString(3, draftId);
                if (update.executeUpdate() == 0) {
                    throw unknownDraft(draftId);
                }
            }
            return null;
        });
    }

    @Override
    public void replaceFlags(String draftId, List<Flag> flags) {
        transactor.inTransaction("replacing the flags of draft " + draftId, c -> {
            lockState(c, draftId);
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM draft_flags WHERE draft_id = ?")) {
                delete.setString(1, draftId);
                delete.executeUpdate();
            }
            insertFlags(c, draftId, flags);
            return null;
        });
    }

    @Override
    public void addFeedback(Feedback feedback) {
        Objects.requireNonNull(feedback.draftId(), "draftId");
        Objects.requireNonNull(feedback.at(), "at");
        transactor.inTransaction("adding feedback to draft " + feedback.draftId(), c -> {
            if (!exists(c, "SELECT id FROM drafts WHERE id = ?", feedback.draftId())) {
                throw unknownDraft(feedback.draftId());
            }
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO feedback (draft_id, agent, helpful, reason, given_at) VALUES (?, ?, ?, ?, ?)")) {
                insert.setString(1, feedback.draftId());
                insert.setString(2, feedback.agent() == null ? "" : feedback.agent());
                insert.setBoolean(3, feedback.helpful());
                insert.setString(4, feedback.reason());
                Sql.setInstant(insert, 5, feedback.at());
                insert.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public List<Draft> listForTicket(String ticketId) {
        return transactor.inTransaction("listing the drafts of ticket " + ticketId, c -> {
            Map<String, Row> rows = new LinkedHashMap<>();
            try (PreparedStatement query = c.prepareStatement("SELECT " + DRAFT_COLUMNS
                    + " FROM drafts WHERE ticket_id = ? ORDER BY suggested_at, id")) {
                query.setString(1, ticketId);
                try (ResultSet result = query.executeQuery()) {
                    while (result.next()) {
                        Row row = Row.read(result);
                        rows.put(row.id, row);
                    }
                }
            }
            String ofTicket = "SELECT id FROM drafts WHERE ticket_id = ?";
            Map<String, List<Citation>> citations = citations(c, ofTicket, ticketId);
            Map<String, List<Flag>> flags = flags(c, ofTicket, ticketId);
            return rows.values().stream()
                    .map(row -> row.toDraft(citations.getOrDefault(row.id, List.of()),
                            flags.getOrDefault(row.id, List.of())))
                    .toList();
        });
    }

    @Override
    public Optional<StoredDraft> find(String draftId) {
        return transactor.inTransaction("loading draft " + draftId, c -> {
            Row row;
            try (PreparedStatement query = c.prepareStatement("SELECT " + DRAFT_COLUMNS + " FROM drafts WHERE id = ?")) {
                query.setString(1, draftId);
                try (ResultSet result = query.executeQuery()) {
                    if (!result.next()) {
                        return Optional.empty();
                    }
                    row = Row.read(result);
                }
            }
            String justThis = "SELECT id FROM drafts WHERE id = ?";
            Draft draft = row.toDraft(citations(c, justThis, draftId).getOrDefault(draftId, List.of()),
                    flags(c, justThis, draftId).getOrDefault(draftId, List.of()));
            return Optional.of(new StoredDraft(draft, feedback(c, draftId), Optional.ofNullable(row.discardedAt),
                    Optional.ofNullable(row.supersededAt), row.editDistance, row.editRatio));
        });
    }

    private static void insertCitations(Connection c, String draftId, List<Citation> citations) throws SQLException {
        if (citations.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO draft_citations "
                + "(draft_id, ordinal, marker, article_id, chunk_id, title, url, score) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            int ordinal = 0;
            for (Citation citation : citations) {
                insert.setString(1, draftId);
                insert.setInt(2, ordinal++);
                insert.setInt(3, citation.marker());
                insert.setString(4, Objects.requireNonNullElse(citation.articleId(), ""));
                insert.setString(5, Objects.requireNonNullElse(citation.chunkId(), ""));
                insert.setString(6, Objects.requireNonNullElse(citation.title(), ""));
                insert.setString(7, citation.url());
                insert.setDouble(8, citation.score());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void insertFlags(Connection c, String draftId, List<Flag> flags) throws SQLException {
        if (flags.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO draft_flags (draft_id, ordinal, kind, detail, blocking) VALUES (?, ?, ?, ?, ?)")) {
            int ordinal = 0;
            for (Flag flag : flags) {
                insert.setString(1, draftId);
                insert.setInt(2, ordinal++);
                insert.setString(3, flag.kind().name());
                insert.setString(4, flag.detail());
                insert.setBoolean(5, flag.blocking());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Citations of the drafts whose ids {@code draftIds} (a query with one parameter) selects, by draft id. */
    private static Map<String, List<Citation>> citations(Connection c, String draftIds, String parameter)
            throws SQLException {
        Map<String, List<Citation>> byDraft = new LinkedHashMap<>();
        try (PreparedStatement query = c.prepareStatement("SELECT draft_id, marker, article_id, chunk_id, title, url, "
                + "score FROM draft_citations WHERE draft_id IN (" + draftIds + ") ORDER BY draft_id, ordinal")) {
            query.setString(1, parameter);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    byDraft.computeIfAbsent(rows.getString("draft_id"), id -> new ArrayList<>())
                            .add(new Citation(rows.getInt("marker"), rows.getString("article_id"),
                                    rows.getString("chunk_id"), rows.getString("title"), rows.getString("url"),
                                    rows.getDouble("score")));
                }
            }
        }
        return byDraft;
    }

    private static Map<String, List<Flag>> flags(Connection c, String draftIds, String parameter) throws SQLException {
        Map<String, List<Flag>> byDraft = new LinkedHashMap<>();
        try (PreparedStatement query = c.prepareStatement("SELECT draft_id, kind, detail, blocking FROM draft_flags "
                + "WHERE draft_id IN (" + draftIds + ") ORDER BY draft_id, ordinal")) {
            query.setString(1, parameter);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    byDraft.computeIfAbsent(rows.getString("draft_id"), id -> new ArrayList<>())
                            .add(new Flag(FlagKind.valueOf(rows.getString("kind")), rows.getString("detail"),
                                    rows.getBoolean("blocking")));
                }
            }
        }
        return byDraft;
    }

    private static List<Feedback> feedback(Connection c, String draftId) throws SQLException {
        List<Feedback> feedback = new ArrayList<>();
        try (PreparedStatement query = c.prepareStatement("SELECT agent, helpful, reason, given_at FROM feedback "
                + "WHERE draft_id = ? ORDER BY given_at, seq")) {
            query.setString(1, draftId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    feedback.add(new Feedback(draftId, rows.getString("agent"), rows.getBoolean("helpful"),
                            rows.getString("reason"), Sql.getInstant(rows, "given_at")));
                }
            }
        }
        return feedback;
    }

    /** The draft's state, with its row locked for the rest of the transaction. */
    private static DraftState lockState(Connection c, String draftId) throws SQLException {
        try (PreparedStatement query = c.prepareStatement("SELECT state FROM drafts WHERE id = ? FOR UPDATE")) {
            query.setString(1, draftId);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw unknownDraft(draftId);
                }
                return DraftState.valueOf(row.getString(1));
            }
        }
    }

    private static void checkEditFigures(String draftId, int editDistance, double editRatio) {
        if (editDistance < 0 || !(editRatio >= 0)) {
            throw new IllegalArgumentException("draft " + draftId + ": edit distance " + editDistance + " and ratio "
                    + editRatio + " must not be negative");
        }
    }

    private static boolean exists(Connection c, String sql, String id) throws SQLException {
        try (PreparedStatement query = c.prepareStatement(sql)) {
            query.setString(1, id);
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        }
    }

    private static String quoted(Set<DraftState> states) {
        return states.stream().map(s -> "'" + s.name() + "'").sorted().collect(Collectors.joining(", "));
    }

    private static NoSuchElementException unknownDraft(String draftId) {
        return new NoSuchElementException("no draft with id \"" + draftId + "\"");
    }

    /** One row of {@code drafts}, before its citations and flags are attached. */
    private record Row(String id, String ticketId, DraftState state, String aiText, String text, String mode,
                       String model, String promptVersion, String agent, Instant suggestedAt, Instant firstEditAt,
                       Instant approvedAt, Instant sentAt, Instant discardedAt, Instant supersededAt,
                       OptionalInt editDistance, OptionalDouble editRatio) {

        static Row read(ResultSet r) throws SQLException {
            int distance = r.getInt("edit_distance");
            OptionalInt editDistance = r.wasNull() ? OptionalInt.empty() : OptionalInt.of(distance);
            double ratio = r.getDouble("edit_ratio");
            OptionalDouble editRatio = r.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(ratio);
            return new Row(r.getString("id"), r.getString("ticket_id"), DraftState.valueOf(r.getString("state")),
                    r.getString("ai_text"), r.getString("final_text"), r.getString("mode"), r.getString("model"),
                    r.getString("prompt_version"), r.getString("agent"), Sql.getInstant(r, "suggested_at"),
                    Sql.getInstant(r, "first_edit_at"), Sql.getInstant(r, "approved_at"), Sql.getInstant(r, "sent_at"),
                    Sql.getInstant(r, "discarded_at"), Sql.getInstant(r, "superseded_at"), editDistance, editRatio);
        }

        Draft toDraft(List<Citation> citations, List<Flag> flags) {
            return new Draft(id, ticketId, state, aiText, text, citations, flags, mode, model, promptVersion,
                    suggestedAt, Optional.ofNullable(firstEditAt), Optional.ofNullable(approvedAt),
                    Optional.ofNullable(sentAt), agent);
        }
    }
}
