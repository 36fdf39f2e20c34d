package io.agentassist.core.outbound;

import io.agentassist.core.approval.ApprovedReply;
import io.agentassist.core.model.Message;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Stands in for the ticket store in tests that span processes: messages in a table of the same database,
 * idempotent by message id as {@link TicketAppender} requires. The table is the test's own, not a migration.
 */
final class JdbcTicketAppender implements TicketAppender {
    private final DataSource dataSource;

    JdbcTicketAppender(DataSource dataSource) {
        this.dataSource = dataSource;
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS test_ticket_message (message_id VARCHAR(64) PRIMARY KEY,"
                    + " ticket_id VARCHAR(64) NOT NULL, author VARCHAR(16) NOT NULL, text VARCHAR NOT NULL)");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void append(ApprovedReply reply) {
        Message message = reply.asMessage();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO test_ticket_message (message_id, ticket_id, author, text) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, message.id());
            insert.setString(2, reply.ticketId());
            insert.setString(3, message.author().name());
            insert.setString(4, message.text());
            insert.executeUpdate();
        } catch (SQLException e) {
            if (!"23505".equals(e.getSQLState())) { // already appended: that is the idempotent case
                throw new IllegalStateException(e);
            }
        }
    }

    /** "id author text" for every message of the ticket. */
    List<String> messages(String ticketId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT message_id, author, text FROM test_ticket_message WHERE ticket_id = ? ORDER BY 1")) {
            query.setString(1, ticketId);
            List<String> messages = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    messages.add(rows.getString(1) + " " + rows.getString(2) + " " + rows.getString(3));
                }
            }
            return messages;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
