package io.agentassist.core.persistence;

import io.agentassist.core.model.Author;
import io.agentassist.core.model.Channel;
import io.agentassist.core.model.Customer;
import io.agentassist.core.model.Message;
import io.agentassist.core.model.Ticket;
import io.agentassist.core.model.TicketStatus;
import io.agentassist.core.tickets.TicketStore;
import io.agentassist.core.tickets.TicketSummary;
import io.agentassist.core.tickets.TicketUpdate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@link TicketStore} on H2 or PostgreSQL. Appending locks the ticket row first ({@code SELECT … FOR UPDATE}),
 * so concurrent appends to one ticket queue up instead of racing on the "is this message new?" check; two
 * clients creating the same ticket at once collide on its primary key, and the loser's transaction is retried
 * and then finds the ticket (see {@link Transactor}).
 */
public final class JdbcTicketStore implements TicketStore {

    /** Column sizes of V1__tickets_and_drafts.sql. */
    private static final int MAX_ID = 1000;
    private static final int MAX_SUBJECT = 2000;
    private static final int MAX_NAME = 500;
    private static final int MAX_LANGUAGE = 35;

    private final Transactor transactor;

    public JdbcTicketStore(Database database) {
        this.transactor = new Transactor(database.dataSource());
    }

    @Override
    public TicketUpdate save(Ticket ticket) {
        validate(ticket);
        return transactor.inTransaction("saving ticket " + ticket.id(), c -> {
            boolean created = lockOrInsert(c, ticket);
            if (!created) {
                updateFields(c, ticket);
            }
            return new TicketUpdate(ticket.id(), created, appendNew(c, ticket.id(), ticket.messages()));
        });
    }

    @Override
    public TicketUpdate importTicket(Ticket ticket) {
        validate(ticket);
        return transactor.inTransaction("importing ticket " + ticket.id(), c -> {
            boolean created = lockOrInsert(c, ticket);
            List<String> added = appendNew(c, ticket.id(), ticket.messages());
            if (!created && !added.isEmpty()) {
                touch(c, ticket.id());
            }
            return new TicketUpdate(ticket.id(), created, added);
        });
    }

    @Override
    public TicketUpdate appendMessages(String ticketId, List<Message> messages) {
        requireId(ticketId, "ticket id");
        messages.forEach(JdbcTicketStore::validate);
        return transactor.inTransaction("appending messages to ticket " + ticketId, c -> {
            if (!lock(c, ticketId)) {
                throw unknownTicket(ticketId);
            }
            List<String> added = appendNew(c, ticketId, messages);
            if (!added.isEmpty()) {
                touch(c, ticketId);
            }
            return new TicketUpdate(ticketId, false, added);
        });
    }

    @Override
    public void setStatus(String ticketId, TicketStatus status) {
        Objects.requireNonNull(status, "status");
        transactor.inTransaction("setting the status of ticket " + ticketId, c -> {
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE tickets SET status = ?, updated_at = ? WHERE id = ?")) {
                update.setString(1, status.name());
                Sql.setInstant(update, 2, Instant.now());
                update.setString(3, ticketId);
                if (update.executeUpdate() == 0) {
                    throw unknownTicket(ticketId);
                }
            }
            return null;
        });
    }

    @Override
    public Optional<Ticket> find(String ticketId) {
        return transactor.inTransaction("loading ticket " + ticketId, c -> {
            Ticket ticket;
            try (PreparedStatement query = c.prepareStatement(
                    "SELECT id, subject, channel, status, customer_name, customer_email, customer_language "
                            + "FROM tickets WHERE id = ?")) {
                query.setString(1, ticketId);
                try (ResultSet row = query.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    ticket = new Ticket(row.getString("id"), row.getString("subject"),
                            Channel.valueOf(row.getString("channel")), customer(row),
                            TicketStatus.valueOf(row.getString("status")), List.of());
                }
            }
            return Optional.of(ticket.withMessages(messages(c, ticketId)));
        });
    }

    @Override
    public Optional<String> findTicketIdByEmailThread(List<String> messageIds) {
        List<String> ids = messageIds.stream().filter(Objects::nonNull).map(String::strip)
                .filter(id -> !id.isEmpty()).distinct().toList();
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        String marks = String.join(", ", Collections.nCopies(ids.size(), "?"));
        return transactor.inTransaction("looking up an e-mail thread", c -> {
            Map<String, String> ticketByThreadId = new HashMap<>();
            try (PreparedStatement query = c.prepareStatement(
                    "SELECT id AS ticket_id, id AS thread_id FROM tickets WHERE id IN (" + marks + ") "
                            + "UNION ALL SELECT ticket_id, message_id FROM messages WHERE message_id IN (" + marks
                            + ") ORDER BY ticket_id")) {
                for (int i = 0; i < ids.size(); i++) {
                    query.setString(i + 1, ids.get(i));
                    query.setString(ids.size() + i + 1, ids.get(i));
                }
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        ticketByThreadId.putIfAbsent(rows.getString("thread_id"), rows.getString("ticket_id"));
                    }
                }
            }
            return ids.stream().map(ticketByThreadId::get).filter(Objects::nonNull).findFirst();
        });
    }

    @Override
    public List<TicketSummary> list() {
        return transactor.inTransaction("listing tickets", c -> {
            List<TicketSummary> queue = new ArrayList<>();
            try (PreparedStatement query = c.prepareStatement("""
                    SELECT t.id, t.subject, t.channel, t.status, t.customer_name, t.customer_email,
                           t.customer_language, m.last_customer_at, COALESCE(m.message_count, 0) AS message_count
                    FROM tickets t
                    LEFT JOIN (SELECT ticket_id,
                                      MAX(CASE WHEN author = 'CUSTOMER' THEN written_at END) AS last_customer_at,
                                      COUNT(*) AS message_count
                               FROM messages GROUP BY ticket_id) m ON m.ticket_id = t.id
                    ORDER BY m.last_customer_at DESC NULLS LAST, t.id
                    """);
                 ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    queue.add(new TicketSummary(rows.getString("id"), rows.getString("subject"),
                            TicketStatus.valueOf(rows.getString("status")), customer(rows),
                            Channel.valueOf(rows.getString("channel")),
                            Sql.getOptionalInstant(rows, "last_customer_at"), rows.getInt("message_count")));
                }
            }
            return queue;
        });
    }

    /** Locks the ticket's row, inserting it first if it does not exist. True when it was inserted. */
    private static boolean lockOrInsert(Connection c, Ticket ticket) throws SQLException {
        if (lock(c, ticket.id())) {
            return false;
        }
        Instant now = Instant.now();
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO tickets (id, subject, channel, status, customer_name, customer_email, customer_language,
                                     created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)) {
            insert.setString(1, ticket.id());
            setFields(insert, 2, ticket);
            Sql.setInstant(insert, 8, now);
            Sql.setInstant(insert, 9, now);
            insert.executeUpdate();
        }
        return true;
    }

    private static boolean lock(Connection c, String ticketId) throws SQLException {
        try (PreparedStatement query = c.prepareStatement("SELECT id FROM tickets WHERE id = ? FOR UPDATE")) {
            query.setString(1, ticketId);
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        }
    }

    private static void updateFields(Connection c, Ticket ticket) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("""
                UPDATE tickets SET subject = ?, channel = ?, status = ?, customer_name = ?, customer_email = ?,
                                   customer_language = ?, updated_at = ?
                WHERE id = ?
                """)) {
            setFields(update, 1, ticket);
            Sql.setInstant(update, 7, Instant.now());
            update.setString(8, ticket.id());
            update.executeUpdate();
        }
    }

    private static void setFields(PreparedStatement statement, int first, Ticket ticket) throws SQLException {
        statement.setString(first, ticket.subject());
        statement.setString(first + 1, ticket.channel().name());
        statement.setString(first + 2, ticket.status().name());
        statement.setString(first + 3, ticket.customer().name());
        statement.setString(first + 4, ticket.customer().email());
        statement.setString(first + 5, ticket.customer().language());
    }

    private static void touch(Connection c, String ticketId) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE tickets SET updated_at = ? WHERE id = ?")) {
            Sql.setInstant(update, 1, Instant.now());
            update.setString(2, ticketId);
            update.executeUpdate();
        }
    }

    /** Inserts the messages whose id the ticket does not have yet; the caller holds the ticket's row lock. */
    private static List<String> appendNew(Connection c, String ticketId, List<Message> messages) throws SQLException {
        if (messages.isEmpty()) {
            return List.of();
        }
        Set<String> stored = new HashSet<>();
        try (PreparedStatement query = c.prepareStatement("SELECT message_id FROM messages WHERE ticket_id = ?")) {
            query.setString(1, ticketId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    stored.add(rows.getString(1));
                }
            }
        }
        Set<String> added = new LinkedHashSet<>();
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO messages (ticket_id, message_id, author, body, written_at) VALUES (?, ?, ?, ?, ?)")) {
            for (Message message : messages) {
                if (stored.contains(message.id()) || !added.add(message.id())) {
                    continue;
                }
                insert.setString(1, ticketId);
                insert.setString(2, message.id());
                insert.setString(3, message.author().name());
                insert.setString(4, message.text());
                Sql.setInstant(insert, 5, message.at());
                insert.addBatch();
            }
            if (!added.isEmpty()) {
                insert.executeBatch();
            }
        }
        return List.copyOf(added);
    }

    private static List<Message> messages(Connection c, String ticketId) throws SQLException {
        List<Message> messages = new ArrayList<>();
        try (PreparedStatement query = c.prepareStatement(
                "SELECT message_id, author, body, written_at FROM messages WHERE ticket_id = ? "
                        + "ORDER BY written_at, seq")) {
            query.setString(1, ticketId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    messages.add(new Message(rows.getString("message_id"), Author.valueOf(rows.getString("author")),
                            rows.getString("body"), Sql.getInstant(rows, "written_at")));
                }
            }
        }
        return messages;
    }

    private static Customer customer(ResultSet row) throws SQLException {
        return new Customer(row.getString("customer_name"), row.getString("customer_email"),
                row.getString("customer_language"));
    }

    /** Checks what the schema would reject, so the caller gets a clear message and nothing is written. */
    private static void validate(Ticket ticket) {
        requireId(ticket.id(), "ticket id");
        String of = "ticket " + abbreviated(ticket.id()) + ": ";
        if (ticket.customer().email().isEmpty()) {
            throw new IllegalArgumentException("ticket " + ticket.id() + " has no customer e-mail address");
        }
        requireFits(ticket.subject(), MAX_SUBJECT, of + "the subject");
        requireFits(ticket.customer().name(), MAX_NAME, of + "the customer name");
        requireFits(ticket.customer().email(), MAX_NAME, of + "the customer e-mail address");
        requireFits(ticket.customer().language(), MAX_LANGUAGE, of + "the customer language");
        for (Message message : ticket.messages()) {
            requireId(message.id(), of + "a message id");
        }
    }

    private static void validate(Message message) {
        requireId(message.id(), "a message id");
    }

    private static void requireId(String id, String what) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException(what + " is blank");
        }
        requireFits(id, MAX_ID, what + " " + abbreviated(id));
    }

    private static void requireFits(String value, int max, String what) {
        if (value.length() > max) {
            throw new IllegalArgumentException(what + " is longer than " + max + " characters");
        }
    }

    private static String abbreviated(String id) {
        return id.length() <= 60 ? id : id.substring(0, 57) + "...";
    }

    private static NoSuchElementException unknownTicket(String ticketId) {
        return new NoSuchElementException("no ticket with id \"" + ticketId + "\"");
    }
}
