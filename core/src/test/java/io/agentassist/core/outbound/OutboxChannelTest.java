package io.agentassist.core.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentassist.core.approval.AgentApproval;
import io.agentassist.core.approval.ApprovalService;
import io.agentassist.core.approval.ApprovedReply;
import io.agentassist.core.approval.Drafts;
import io.agentassist.core.approval.DuplicateApprovalException;
import io.agentassist.core.approval.Outbox;
import io.agentassist.core.approval.TestClock;
import io.agentassist.core.approval.TestDatabases;
import io.agentassist.core.model.Draft;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxChannelTest {
    private static final Executor SAME_THREAD = Runnable::run;

    private final TestClock clock = new TestClock(Instant.parse("2026-03-02T09:20:00Z"));
    private final DataSource database = TestDatabases.h2InMemory();
    private final Outbox outbox = new Outbox(database, clock);
    private final ApprovalService approvals = new ApprovalService(clock, outbox);
    private final RecordingTicketAppender tickets = new RecordingTicketAppender();

    @TempDir
    Path folder;

    @Test
    void sendingStoresTheReplyAndDeliversIt() throws Exception {
        ApprovedReply reply = approvals.approve(AgentApproval.written("alice", "T-1", "Hi."));

        channel(SAME_THREAD).send(reply);

        assertThat(folder.resolve(FolderAndTicketDelivery.fileName(reply))).exists();
        assertThat(tickets.messages("T-1")).extracting(message -> message.id())
                .containsExactly(reply.idempotencyKey().toString());
        assertThat(outbox.status(reply.idempotencyKey()).orElseThrow().delivered()).isTrue();
    }

    @Test
    void aReplyThatCannotBeDeliveredNowStaysQueuedAndSendingStillSucceeds() throws Exception {
        ApprovedReply reply = approvals.approve(AgentApproval.written("alice", "T-1", "Hi."));
        tickets.failNextCall(new IllegalStateException("ticket store is busy"));

        channel(SAME_THREAD).send(reply);

        assertThat(outbox.pending(10)).containsExactly(reply);
        new OutboxDispatcher(outbox, new FolderAndTicketDelivery(folder, tickets)).dispatchPending();
        assertThat(tickets.messages("T-1")).hasSize(1);
    }

    @Test
    void aReplyAlreadyQueuedWithItsApprovalIsDeliveredOnceWhenSent() throws Exception {
        Draft draft = Drafts.suggested("d-1", "T-1", "Hi.");
        ApprovedReply reply = approvals.approve(AgentApproval.ofDraft("alice", "T-1", draft, "Hi.", List.of()));
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(false);
            // ... the store records the approval on this connection ...
            outbox.enqueue(connection, reply);
            connection.commit();
        }

        channel(SAME_THREAD).send(reply);

        assertThat(outbox.pending(10)).isEmpty();
        assertThat(filesIn(folder)).containsExactly(FolderAndTicketDelivery.fileName(reply));
    }

    @Test
    void aSecondApprovalOfTheSameDraftIsNotSent() throws Exception {
        Draft draft = Drafts.suggested("d-1", "T-1", "Hi.");
        ApprovedReply first = approvals.approve(AgentApproval.ofDraft("alice", "T-1", draft, "Hi.", List.of()));
        ApprovedReply second = approvals.approve(AgentApproval.ofDraft("bob", "T-1", draft, "Hello.", List.of()));
        OutboundChannel channel = channel(SAME_THREAD);
        channel.send(first);

        assertThatThrownBy(() -> channel.send(second)).isInstanceOf(DuplicateApprovalException.class);

        assertThat(filesIn(folder)).containsExactly(FolderAndTicketDelivery.fileName(first));
        assertThat(tickets.messages("T-1")).extracting(message -> message.text()).containsExactly("Hi.");
    }

    @Test
    void deliveryRunsOnTheExecutorNotInTheCallersThread() throws Exception {
        List<Runnable> scheduled = new ArrayList<>();
        ApprovedReply reply = approvals.approve(AgentApproval.written("alice", "T-1", "Hi."));

        channel(scheduled::add).send(reply);

        assertThat(outbox.pending(10)).containsExactly(reply);
        assertThat(filesIn(folder)).isEmpty();
        scheduled.forEach(Runnable::run);
        assertThat(filesIn(folder)).containsExactly(FolderAndTicketDelivery.fileName(reply));
    }

    @Test
    void whenTheExecutorRefusesWorkTheReplyStaysQueued() throws Exception {
        ApprovedReply reply = approvals.approve(AgentApproval.written("alice", "T-1", "Hi."));

        channel(task -> {
            throw new RejectedExecutionException("shutting down");
        }).send(reply);

        assertThat(outbox.pending(10)).containsExactly(reply);
    }

    private OutboundChannel channel(Executor executor) {
        return new OutboxChannel(outbox,
                new OutboxDispatcher(outbox, new FolderAndTicketDelivery(folder, tickets)), executor);
    }

    private static List<String> filesIn(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(path -> path.getFileName().toString()).toList();
        }
    }
}
