package io.agentassist.core.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentassist.core.approval.AgentApproval;
import io.agentassist.core.approval.ApprovalRefusedException;
import io.agentassist.core.approval.ApprovalService;
import io.agentassist.core.approval.ApprovedReply;
import io.agentassist.core.approval.Outbox;
import io.agentassist.core.approval.TestClock;
import io.agentassist.core.approval.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxDispatcherTest {
    private final TestClock clock = new TestClock(Instant.parse("2026-03-02T09:20:00Z"));
    private final Outbox outbox = new Outbox(TestDatabases.h2InMemory(), clock);
    private final ApprovalService approvals = new ApprovalService(clock, outbox);
    private final ScriptedDelivery delivery = new ScriptedDelivery();

    @TempDir
    Path temp;

    @Test
    void eachPendingReplyIsDeliveredOnceInApprovalOrderAndMarked() throws Exception {
        ApprovedReply first = queued("T-1", "First.");
        ApprovedReply second = queued("T-2", "Second.");

        DispatchReport report = new OutboxDispatcher(outbox, delivery).dispatchPending();

        assertThat(report).isEqualTo(new DispatchReport(2, 0, 0));
        assertThat(delivery.attempts).containsExactly(first.idempotencyKey(), second.idempotencyKey());
        assertThat(outbox.pending(10)).isEmpty();
    }

    @Test
    void aSecondDispatchDeliversNothingAgain() throws Exception {
        queued("T-1", "First.");
        OutboxDispatcher dispatcher = new OutboxDispatcher(outbox, delivery);
        dispatcher.dispatchPending();

        assertThat(dispatcher.dispatchPending()).isEqualTo(new DispatchReport(0, 0, 0));
        assertThat(delivery.attempts).hasSize(1);
    }

    @Test
    void aReplyWhoseDeliveryFailedStaysQueuedAndIsDeliveredNextTime() throws Exception {
        ApprovedReply reply = queued("T-1", "Hi.");
        delivery.failing.add(reply.idempotencyKey());
        OutboxDispatcher dispatcher = new OutboxDispatcher(outbox, delivery);

        assertThat(dispatcher.dispatchPending()).isEqualTo(new DispatchReport(0, 1, 0));
        assertThat(outbox.pending(10)).containsExactly(reply);
        assertThat(outbox.status(reply.idempotencyKey()).orElseThrow().lastError())
                .isEqualTo("java.io.IOException: target unavailable");

        delivery.failing.clear();

        assertThat(dispatcher.dispatchPending()).isEqualTo(new DispatchReport(1, 0, 0));
        assertThat(outbox.pending(10)).isEmpty();
    }

    @Test
    void aFailedReplyHoldsBackLaterRepliesToTheSameTicketButNotToOthers() throws Exception {
        ApprovedReply firstToT1 = queued("T-1", "First.");
        ApprovedReply toT2 = queued("T-2", "Other ticket.");
        ApprovedReply secondToT1 = queued("T-1", "Second.");
        delivery.failing.add(firstToT1.idempotencyKey());

        DispatchReport report = new OutboxDispatcher(outbox, delivery).dispatchPending();

        assertThat(report).isEqualTo(new DispatchReport(1, 1, 1));
        assertThat(report.nothingLeft()).isFalse();
        assertThat(delivery.delivered).containsExactly(toT2.idempotencyKey());
        assertThat(outbox.pending(10)).containsExactly(firstToT1, secondToT1);
    }

    @Test
    void moreRepliesThanOneBatchAreAllDelivered() throws Exception {
        List<UUID> keys = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            keys.add(queued("T-" + i, "Reply " + i).idempotencyKey());
        }
        delivery.failing.add(keys.get(3)); // a failure early on must not stop the pass

        DispatchReport report = new OutboxDispatcher(outbox, delivery).dispatchPending();

        assertThat(report).isEqualTo(new DispatchReport(249, 1, 0));
        assertThat(delivery.attempts).hasSize(250).doesNotHaveDuplicates();
    }

    @Test
    void aReplyDeliveredButNotMarkedIsDeliveredAgainAndTheTargetKeepsOne() throws Exception {
        ApprovedReply reply = queued("T-1", "Hi.");
        RecordingTicketAppender tickets = new RecordingTicketAppender();
        FolderAndTicketDelivery folder = new FolderAndTicketDelivery(temp, tickets);
        // The first run delivers completely and then "dies" before marking: simulated by failing afterwards.
        Delivery deliversThenDies = r -> {
            folder.deliver(r);
            throw new IOException("process died before marking");
        };
        new OutboxDispatcher(outbox, deliversThenDies).dispatchPending();
        assertThat(outbox.pending(10)).containsExactly(reply);

        new OutboxDispatcher(outbox, folder).dispatchPending();

        try (Stream<Path> files = Files.list(temp)) {
            assertThat(files).hasSize(1);
        }
        assertThat(tickets.messages("T-1")).hasSize(1);
        assertThat(tickets.calls()).isEqualTo(2);
        assertThat(outbox.pending(10)).isEmpty();
    }

    private ApprovedReply queued(String ticketId, String text) throws ApprovalRefusedException {
        clock.advance(Duration.ofMillis(1));
        ApprovedReply reply = approvals.approve(AgentApproval.written("alice", ticketId, text));
        outbox.enqueue(reply);
        return reply;
    }

    /** Records every attempt and fails the keys it is told to. */
    private static final class ScriptedDelivery implements Delivery {
        final List<UUID> attempts = new ArrayList<>();
        final List<UUID> delivered = new ArrayList<>();
        final Set<UUID> failing = new HashSet<>();

        @Override
        public void deliver(ApprovedReply reply) throws IOException {
            attempts.add(reply.idempotencyKey());
            if (failing.contains(reply.idempotencyKey())) {
                throw new IOException("target unavailable");
            }
            delivered.add(reply.idempotencyKey());
        }
    }
}
