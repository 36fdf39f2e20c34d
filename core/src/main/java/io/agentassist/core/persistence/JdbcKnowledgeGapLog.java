package io.agentassist.core.persistence;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** {@link KnowledgeGapLog} on H2 or PostgreSQL. */
public final class JdbcKnowledgeGapLog implements KnowledgeGapLog {

    private final Transactor transactor;

    public JdbcKnowledgeGapLog(Database database) {
        this.transactor = new Transactor(database.dataSource());
    }

    @Override
    public void record(KnowledgeGap gap) {
        if (gap.ticketId().isBlank()) {
            throw new IllegalArgumentException("a knowledge gap needs a ticket id");
        }
        transactor.inTransaction("recording a knowledge gap for ticket " + gap.ticketId(), c -> {
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO knowledge_gaps (ticket_id, question, recorded_at) VALUES (?, ?, ?)")) {
                insert.setString(1, gap.ticketId());
                insert.setString(2, gap.question());
                Sql.setInstant(insert, 3, gap.at());
                insert.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public List<KnowledgeGap> list() {
        return since(Instant.EPOCH);
    }

    @Override
    public List<KnowledgeGap> since(Instant since) {
        return transactor.inTransaction("listing knowledge gaps", c -> {
            List<KnowledgeGap> gaps = new ArrayList<>();
            try (PreparedStatement query = c.prepareStatement("SELECT ticket_id, question, recorded_at "
                    + "FROM knowledge_gaps WHERE recorded_at >= ? ORDER BY recorded_at DESC, seq DESC")) {
                Sql.setInstant(query, 1, since);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        gaps.add(new KnowledgeGap(rows.getString("ticket_id"), rows.getString("question"),
                                Sql.getInstant(rows, "recorded_at")));
                    }
                }
            }
            return gaps;
        });
    }
}
