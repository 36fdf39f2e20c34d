package io.agentassist.core.approval;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The persistent queue of approved replies (table {@code outbox}, migration {@code V2__outbox.sql}), and with it
 * the durable record of which drafts were approved ({@link ApprovalLog}).
 *
 * <p><b>Why it lives in the approval package.</b> After a restart the dispatcher must hand the delivery target an
 * {@link ApprovedReply} again, rebuilt from a row. Only code in this package can call ApprovedReply's
 * constructor, and a public "rebuild from these fields" method would be exactly the back door the type exists
 * to close. So the outbox, which only ever stores replies {@link ApprovalService} made, is the one other class
 * that creates them, and only from its own rows. (Writing rows into the table by hand bypasses this, as any
 * direct database access bypasses any check in code.)
 *
 * <p><b>Exactly-once delivery</b> is at-least-once delivery from here plus an idempotent target: a reply stays
 * {@link #pending} until {@link #markDelivered}; if the process dies between delivering and marking, the reply is
 * delivered again, and the target recognises it by {@link ApprovedReply#idempotencyKey()}.
 *
 * <p><b>Durability on H2.</b> H2 writes committed changes to its file up to {@code WRITE_DELAY} (500 ms by
 * default) later; a process killed within that window loses them. Open an H2 file database for the outbox with
 * {@code ;WRITE_DELAY=0} in the URL, or an approval the agent saw succeed can vanish.
 */
public final class Outbox implements ApprovalLog {
    private static final String COLUMNS = "idempotency_key, ticket_id, draft_id, agent, reply_text, approved_at, "
            + "blocking_flags_confirmed, edit_distance, edit_ratio";
    /** SQLSTATE of a unique-constraint violation, the same on H2 and PostgreSQL. */
    private static final String UNIQUE_VIOLATION = "23505";
    private static final int MAX_ERROR_LENGTH = 2000;

    private final DataSource dataSource;
    private final Clock clock;

    public Outbox(DataSource dataSource, Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Enqueues the reply in a transaction of its own. Returns false when this very reply (same idempotency key)
     * is already queued, so enqueueing is safe to repeat.
     *
     * @throws DuplicateApprovalException when another reply for the same draft is already queued
     * @throws OutboxException when the database fails; nothing was queued
     */
    public boolean enqueue(ApprovedReply reply) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                boolean added = enqueue(connection, reply);
                connection.commit();
                return added;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new OutboxException("Could not queue reply " + reply.idempotencyKey() + " for sending", e);
        }
    }

    /**
     * Enqueues the reply on the caller's connection, inside the caller's transaction, so that recording the
     * approval (draft state, audit) and queueing the reply commit or roll back together. Neither commits nor
     * rolls back. Returns false when this very reply is already queued.
     *
     * @throws DuplicateApprovalException when another reply for the same draft is already queued; the caller
     *                                    must roll back
     */
    public boolean enqueue(Connection connection, ApprovedReply reply) throws SQLException {
        Objects.requireNonNull(reply, "reply");
        String draftId = reply.draftId().orElse(null);
        try (PreparedStatement existing = connection.prepareStatement(
                "SELECT idempotency_key FROM outbox WHERE idempotency_key = ? OR draft_id = ?")) {
            existing.setObject(1, reply.idempotencyKey());
            existing.setString(2, draftId);
            try (ResultSet rows = existing.executeQuery()) {
                while (rows.next()) {
                    if (reply.idempotencyKey().equals(rows.getObject(1, UUID.class))) {
                        return false;
                    }
                    throw new DuplicateApprovalException(draftId);
                }
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO outbox (" + COLUMNS
                + ", enqueued_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setObject(1, reply.idempotencyKey());
            insert.setString(2, reply.ticketId());
            insert.setString(3, draftId);
            insert.setString(4, reply.agent());
            insert.setString(5, reply.text());
            insert.setObject(6, utc(reply.approvedAt()));
            insert.setBoolean(7, reply.blockingFlagsConfirmed());
            if (reply.edit().isPresent()) {
                insert.setInt(8, reply.edit().get().distance());
                insert.setDouble(9, reply.edit().get().ratio());
            } else {
                insert.setNull(8, Types.INTEGER);
                insert.setNull(9, Types.DOUBLE);
            }
            insert.setObject(10, utc(now()));
            insert.executeUpdate();
            return true;
        } catch (SQLException e) {
            // Two approvals of one draft committed at the same time: the constraint lets only one through.
            if (UNIQUE_VIOLATION.equals(e.getSQLState()) && draftId != null) {
                throw new DuplicateApprovalException(draftId);
            }
            throw e;
        }
    }

    /** Replies not yet marked delivered, oldest approval first (ties by key, so the order is stable). */
    public List<ApprovedReply> pending(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS + " FROM outbox"
                     + " WHERE delivered_at IS NULL ORDER BY approved_at, idempotency_key FETCH FIRST ? ROWS ONLY")) {
            query.setInt(1, limit);
            List<ApprovedReply> replies = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    replies.add(read(rows));
                }
            }
            return replies;
        } catch (SQLException e) {
            throw new OutboxException("Could not read the replies waiting to be sent", e);
        }
    }

    /** Marks the reply delivered; a reply already marked keeps its first delivery time. */
    public void markDelivered(UUID idempotencyKey) {
        update("UPDATE outbox SET delivered_at = ?, attempts = attempts + 1, last_error = NULL"
                + " WHERE idempotency_key = ? AND delivered_at IS NULL", utc(now()), idempotencyKey);
    }

    /** Records a failed delivery attempt; the reply stays pending and is tried again on the next dispatch. */
    public void recordFailure(UUID idempotencyKey, String error) {
        String text = error == null || error.isBlank() ? "unknown error" : error;
        if (text.length() > MAX_ERROR_LENGTH) {
            text = text.substring(0, MAX_ERROR_LENGTH);
        }
        update("UPDATE outbox SET attempts = attempts + 1, last_error = ?"
                + " WHERE idempotency_key = ? AND delivered_at IS NULL", text, idempotencyKey);
    }

    /** Where the reply stands; empty when it was never queued. */
    public Optional<OutboxStatus> status(UUID idempotencyKey) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT ticket_id, enqueued_at, delivered_at,"
                     + " attempts, last_error FROM outbox WHERE idempotency_key = ?")) {
            query.setObject(1, idempotencyKey);
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                OffsetDateTime deliveredAt = rows.getObject(3, OffsetDateTime.class);
                String lastError = rows.getString(5);
                return Optional.of(new OutboxStatus(idempotencyKey, rows.getString(1),
                        rows.getObject(2, OffsetDateTime.class).toInstant(),
                        Optional.ofNullable(deliveredAt).map(OffsetDateTime::toInstant), rows.getInt(4),
                        lastError == null ? "" : lastError));
            }
        } catch (SQLException e) {
            throw new OutboxException("Could not read the state of reply " + idempotencyKey, e);
        }
    }

    /** True when a reply for this draft was queued (and so approved), delivered or not. */
    @Override
    public boolean hasApproved(String draftId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT 1 FROM outbox WHERE draft_id = ?")) {
            query.setString(1, draftId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        } catch (SQLException e) {
            throw new OutboxException("Could not check whether draft " + draftId + " was approved", e);
        }
    }

    private void update(String sql, Object first, UUID idempotencyKey) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(sql)) {
            update.setObject(1, first);
            update.setObject(2, idempotencyKey);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new OutboxException("Could not update reply " + idempotencyKey + " in the outbox", e);
        }
    }

    private static ApprovedReply read(ResultSet row) throws SQLException {
        int distance = row.getInt(8);
        EditAudit edit = row.wasNull() ? null : new EditAudit(distance, row.getDouble(9));
        return new ApprovedReply(row.getObject(1, UUID.class), row.getString(2), row.getString(3), row.getString(4),
                row.getString(5), row.getObject(6, OffsetDateTime.class).toInstant(), row.getBoolean(7), edit);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
