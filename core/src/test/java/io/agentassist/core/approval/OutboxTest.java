package io.agentassist.core.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentassist.core.model.Draft;
import io.agentassist.core.model.Flag;
import io.agentassist.core.model.FlagKind;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The outbox on both databases the product runs on: embedded H2 and a real PostgreSQL. */
@ParameterizedClass(name = "{0}")
@EnumSource(OutboxTest.Engine.class)
class OutboxTest {
    enum Engine { H2, POSTGRESQL }

    private static EmbeddedPostgres postgres;
    private static DataSource postgresDataSource;

    @Parameter
    Engine engine;

    private final TestClock clock = new TestClock(Instant.parse("2026-03-02T09:20:00Z"));
    private DataSource dataSource;
    private Outbox outbox;
    private ApprovalService approvals;

    @BeforeParameterizedClassInvocation
    static void startDatabase(Engine engine) {
        if (engine == Engine.POSTGRESQL) {
            postgres = TestDatabases.startPostgres();
            postgresDataSource = TestDatabases.migrated(postgres.getPostgresDatabase());
        }
    }

    @AfterParameterizedClassInvocation
    static void stopDatabase(Engine engine) throws IOException {
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }

    @BeforeEach
    void setUp() {
        dataSource = engine == Engine.H2 ? TestDatabases.h2InMemory() : postgresDataSource;
        TestDatabases.clearOutbox(dataSource);
        outbox = new Outbox(dataSource, clock);
        approvals = new ApprovalService(clock, outbox);
    }

    @Test
    void anEnqueuedReplyIsPendingUntilItIsMarkedDelivered() throws Exception {
        ApprovedReply reply = approvals.approve(AgentApproval.written("alice", "T-1", "Thanks, all sorted."));

        assertThat(outbox.enqueue(reply)).isTrue();
        assertThat(outbox.pending(10)).containsExactly(reply);

        clock.advance(Duration.ofSeconds(2));
        outbox.markDelivered(reply.idempotencyKey());

        assertThat(outbox.pending(10)).isEmpty();
        assertThat(outbox.status(reply.idempotencyKey())).hasValueSatisfying(status -> {
            assertThat(status.delivered()).isTrue();
            assertThat(status.deliveredAt()).contains(Instant.parse("2026-03-02T09:20:02Z"));
            assertThat(status.enqueuedAt()).isEqualTo(Instant.parse("2026-03-02T09:20:00Z"));
            assertThat(status.attempts()).isEqualTo(1);
            assertThat(status.ticketId()).isEqualTo("T-1");
        });
    }

    @Test
    void aReplyReadBackFromTheOutboxIsTheOneThatWasApproved() throws Exception {
        clock.advance(Duration.ofNanos(123_456_789));
        Flag refund = Flag.blocking(FlagKind.COMMITMENT, "promises a refund");
        Draft draft = Drafts.suggested("d-1", "T-1", "We will refund you within 14 days.", refund);
        String longUnicodeText = "Grüße, Zoë 😀 — refund within 30 days.\n".repeat(3_000);
        ApprovedReply fromDraft = approvals.approve(
                AgentApproval.ofDraft("alice", "T-1", draft, longUnicodeText, List.of(refund)));
        ApprovedReply written = approvals.approve(AgentApproval.written("bob", "T-2", "Written by hand."));

        outbox.enqueue(fromDraft);
        outbox.enqueue(written);

        assertThat(outbox.pending(10)).containsExactlyInAnyOrder(fromDraft, written);
        ApprovedReply readBack = outbox.pending(10).stream().filter(fromDraft::equals).findFirst().orElseThrow();
        assertThat(readBack.text()).isEqualTo(longUnicodeText);
        assertThat(readBack.approvedAt()).isEqualTo(Instant.parse("2026-03-02T09:20:00.123456Z"));
        assertThat(readBack.blockingFlagsConfirmed()).isTrue();
        assertThat(readBack.edit()).isEqualTo(fromDraft.edit()).isPresent();
    }

    @Test
    void enqueueingTheSameReplyTwiceKeepsOneEntry() throws Exception {
        ApprovedReply reply = approvals.approve(
                AgentApproval.ofDraft("alice", "T-1", Drafts.suggested("d-1", "T-1", "Hi."), "Hi.", List.of()));

        assertThat(outbox.enqueue(reply)).isTrue();
        assertThat(outbox.enqueue(reply)).isFalse();

        assertThat(outbox.pending(10)).containsExactly(reply);
    }

    @Test
    void aSecondApprovalOfTheSameDraftIsNeverQueued() throws Exception {
        Draft draft = Drafts.suggested("d-1", "T-1", "Hi.");
        // Both approvals got past the service before either was queued (two windows, one draft).
        ApprovedReply first = approvals.approve(AgentApproval.ofDraft("alice", "T-1", draft, "Hi.", List.of()));
        ApprovedReply second = approvals.approve(AgentApproval.ofDraft("bob", "T-1", draft, "Hello.", List.of()));

        outbox.enqueue(first);

        assertThatThrownBy(() -> outbox.enqueue(second))
                .isInstanceOfSatisfying(DuplicateApprovalException.class,
                        duplicate -> assertThat(duplicate.draftId()).isEqualTo("d-1"));
        assertThat(outbox.pending(10)).containsExactly(first);
    }

    @Test
    void theDatabaseItselfKeepsOneReplyPerDraft() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            insertRaw(connection, UUID.randomUUID(), "d-1");
            assertThatThrownBy(() -> insertRaw(connection, UUID.randomUUID(), "d-1"))
                    .isInstanceOfSatisfying(SQLException.class,
                            e -> assertThat(e.getSQLState()).isEqualTo("23505"));
            // Replies written from scratch have no draft and do not collide.
            insertRaw(connection, UUID.randomUUID(), null);
            insertRaw(connection, UUID.randomUUID(), null);
        }
    }

    @Test
    void enqueueingJoinsTheCallersTransaction() throws Exception {
        ApprovedReply rolledBack = approvals.approve(
                AgentApproval.ofDraft("alice", "T-1", Drafts.suggested("d-1", "T-1", "Hi."), "Hi.", List.of()));
        ApprovedReply committed = approvals.approve(
                AgentApproval.ofDraft("alice", "T-1", Drafts.suggested("d-2", "T-1", "Hi."), "Hi.", List.of()));

        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            outbox.enqueue(connection, rolledBack);
            connection.rollback(); // recording the approval failed, so neither happened
            outbox.enqueue(connection, committed);
            connection.commit();
        }

        assertThat(outbox.pending(10)).containsExactly(committed);
        assertThat(outbox.hasApproved("d-1")).isFalse();
        assertThat(outbox.hasApproved("d-2")).isTrue();
    }

    @Test
    void theOutboxRemembersWhichDraftsWereApprovedAcrossRestarts() throws Exception {
        Draft draft = Drafts.suggested("d-1", "T-1", "Hi.");
        outbox.enqueue(approvals.approve(AgentApproval.ofDraft("alice", "T-1", draft, "Hi.", List.of())));

        // A new service over the same database: the draft object it is given still says SUGGESTED.
        ApprovalService afterRestart = new ApprovalService(clock, new Outbox(dataSource, clock));

        assertThatThrownBy(() -> afterRestart.approve(AgentApproval.ofDraft("alice", "T-1", draft, "Hi.", List.of())))
                .isInstanceOfSatisfying(ApprovalRefusedException.class, refused -> assertThat(refused.reason())
                        .isEqualTo(ApprovalRefusedException.Reason.ALREADY_APPROVED));
    }

    @Test
    void pendingRepliesComeOldestApprovalFirst() throws Exception {
        ApprovedReply first = approvals.approve(AgentApproval.written("alice", "T-1", "First."));
        clock.advance(Duration.ofSeconds(1));
        ApprovedReply second = approvals.approve(AgentApproval.written("alice", "T-1", "Second."));
        clock.advance(Duration.ofSeconds(1));
        ApprovedReply third = approvals.approve(AgentApproval.written("alice", "T-2", "Third."));

        outbox.enqueue(third);
        outbox.enqueue(first);
        outbox.enqueue(second);

        assertThat(outbox.pending(10)).containsExactly(first, second, third);
        assertThat(outbox.pending(2)).containsExactly(first, second);
    }

    @Test
    void aFailedAttemptIsCountedAndTheReplyStaysPending() throws Exception {
        ApprovedReply reply = approvals.approve(AgentApproval.written("alice", "T-1", "Hi."));
        outbox.enqueue(reply);

        outbox.recordFailure(reply.idempotencyKey(), "disk full");

        assertThat(outbox.pending(10)).containsExactly(reply);
        assertThat(outbox.status(reply.idempotencyKey())).hasValueSatisfying(status -> {
            assertThat(status.attempts()).isEqualTo(1);
            assertThat(status.lastError()).isEqualTo("disk full");
        });

        outbox.markDelivered(reply.idempotencyKey());

        assertThat(outbox.status(reply.idempotencyKey())).hasValueSatisfying(status -> {
            assertThat(status.attempts()).isEqualTo(2);
            assertThat(status.lastError()).isEmpty();
        });
    }

    @Test
    void markingAReplyDeliveredTwiceKeepsTheFirstDeliveryTime() throws Exception {
        ApprovedReply reply = approvals.approve(AgentApproval.written("alice", "T-1", "Hi."));
        outbox.enqueue(reply);
        outbox.markDelivered(reply.idempotencyKey());
        clock.advance(Duration.ofMinutes(5));

        outbox.markDelivered(reply.idempotencyKey());
        outbox.recordFailure(reply.idempotencyKey(), "late duplicate attempt");

        assertThat(outbox.status(reply.idempotencyKey())).hasValueSatisfying(status -> {
            assertThat(status.deliveredAt()).contains(Instant.parse("2026-03-02T09:20:00Z"));
            assertThat(status.attempts()).isEqualTo(1);
            assertThat(status.lastError()).isEmpty();
        });
    }

    @Test
    void aReplyThatWasNeverQueuedHasNoStatus() {
        assertThat(outbox.status(UUID.randomUUID())).isEmpty();
    }

    private static void insertRaw(Connection connection, UUID key, String draftId) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO outbox (idempotency_key, ticket_id,"
                + " draft_id, agent, reply_text, approved_at, blocking_flags_confirmed, edit_distance, edit_ratio,"
                + " enqueued_at) VALUES (?, 'T-1', ?, 'alice', 'Hi.', ?, FALSE, ?, ?, ?)")) {
            OffsetDateTime now = OffsetDateTime.of(2026, 3, 2, 9, 20, 0, 0, ZoneOffset.UTC);
            insert.setObject(1, key);
            insert.setString(2, draftId);
            insert.setObject(3, now);
            insert.setObject(4, draftId == null ? null : 0, Types.INTEGER);
            insert.setObject(5, draftId == null ? null : 0.0, Types.DOUBLE);
            insert.setObject(6, now);
            insert.executeUpdate();
        }
    }
}
