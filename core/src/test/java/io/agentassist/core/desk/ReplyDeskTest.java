package io.agentassist.core.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentassist.core.approval.AgentApproval;
import io.agentassist.core.approval.ApprovalRefusedException;
import io.agentassist.core.approval.ApprovalRefusedException.Reason;
import io.agentassist.core.approval.ApprovalService;
import io.agentassist.core.approval.ApprovedReply;
import io.agentassist.core.approval.Drafts;
import io.agentassist.core.approval.Outbox;
import io.agentassist.core.approval.TestClock;
import io.agentassist.core.model.Author;
import io.agentassist.core.model.Channel;
import io.agentassist.core.model.Customer;
import io.agentassist.core.model.Draft;
import io.agentassist.core.model.DraftState;
import io.agentassist.core.model.Feedback;
import io.agentassist.core.model.Flag;
import io.agentassist.core.model.FlagKind;
import io.agentassist.core.model.Message;
import io.agentassist.core.model.Ticket;
import io.agentassist.core.model.TicketStatus;
import io.agentassist.core.outbound.FolderAndTicketDelivery;
import io.agentassist.core.outbound.OutboxDispatcher;
import io.agentassist.core.persistence.Backend;
import io.agentassist.core.persistence.Database;
import io.agentassist.core.persistence.JdbcDraftStore;
import io.agentassist.core.persistence.JdbcTicketStore;
import io.agentassist.core.persistence.StoredDraft;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass(name = "{0}")
@EnumSource(Backend.class)
class ReplyDeskTest {
    static final String SUGGESTION = "Your parcel left our warehouse on Monday and should arrive within 3 days.";
    static final String EDITED = "Hi Ana, your parcel left our warehouse on Monday; it should arrive by Thursday.";
    /** Delivers on the calling thread, so a test sees the delivery done when approveAndSend returns. */
    static final Executor SAME_THREAD = Runnable::run;
    /** Takes the delivery task and never runs it: a process that stops right after the approval committed. */
    static final Executor STOPS_BEFORE_DELIVERING = task -> { };

    @Parameter
    Backend backend;

    @TempDir
    Path tempDir;

    Database database;
    JdbcTicketStore tickets;
    JdbcDraftStore drafts;
    Outbox outbox;
    TestClock clock;
    Path outboxFolder;

    @BeforeEach
    void openDatabaseWithOneTicket() {
        database = backend.openFresh(tempDir);
        tickets = new JdbcTicketStore(database);
        drafts = new JdbcDraftStore(database);
        clock = new TestClock(Drafts.SUGGESTED_AT);
        outbox = new Outbox(database.dataSource(), clock);
        outboxFolder = tempDir.resolve("outbox");
        tickets.save(new Ticket("T-1", "Where is my parcel?", Channel.EMAIL,
                new Customer("Ana", "ana@example.com", "en"), TicketStatus.OPEN,
                List.of(new Message("m1", Author.CUSTOMER, "Where is my parcel?",
                        Drafts.SUGGESTED_AT.minusSeconds(600)))));
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void anApprovedDraftIsSentOnceAppendedToTheTicketAndMarkedSentWithItsAuditFigures() throws Exception {
        ReplyDesk desk = desk(SAME_THREAD);
        Draft suggestion = Drafts.suggested("D-1", "T-1", SUGGESTION);
        desk.offer(suggestion);
        clock.advance(Duration.ofMinutes(1));
        desk.edit("D-1", EDITED);
        clock.advance(Duration.ofMinutes(1));

        ApprovalReceipt receipt = desk.approveAndSend(AgentApproval.ofDraft("alice", "T-1", suggestion, EDITED,
                List.of()));

        assertThat(agentMessages()).singleElement().satisfies(message -> {
            assertThat(message.text()).isEqualTo(EDITED);
            assertThat(message.id()).isEqualTo(receipt.idempotencyKey().toString());
        });
        assertThat(tickets.find("T-1").orElseThrow().status()).isEqualTo(TicketStatus.PENDING);
        assertThat(outboxFiles()).containsExactly(receipt.idempotencyKey() + ".json");
        StoredDraft stored = drafts.find("D-1").orElseThrow();
        Draft draft = stored.draft();
        assertThat(draft.state()).isEqualTo(DraftState.SENT);
        assertThat(draft.aiText()).isEqualTo(SUGGESTION);
        assertThat(draft.suggestedAt()).isEqualTo(Drafts.SUGGESTED_AT);
        assertThat(draft.firstEditAt()).contains(Drafts.SUGGESTED_AT.plusSeconds(60));
        assertThat(draft.approvedAt()).contains(Drafts.SUGGESTED_AT.plusSeconds(120));
        assertThat(draft.sentAt()).isPresent();
        assertThat(stored.editRatio().orElseThrow()).isGreaterThan(0.0)
                .isEqualTo(receipt.edit().orElseThrow().ratio());
        assertThat(stored.editDistance()).hasValue(receipt.edit().orElseThrow().distance());
        assertThat(outbox.status(receipt.idempotencyKey()).orElseThrow().delivered()).isTrue();
    }

    @Test
    void aSupersededDraftCannotBeApprovedAndNothingIsSent() {
        ReplyDesk desk = desk(SAME_THREAD);
        Draft suggestion = Drafts.suggested("D-1", "T-1", SUGGESTION);
        desk.offer(suggestion);

        assertThat(desk.customerWroteAgain("T-1")).containsExactly("D-1");

        // The window still shows the suggestion as it was offered.
        assertThatThrownBy(() -> desk.approveAndSend(AgentApproval.ofDraft("alice", "T-1", suggestion, SUGGESTION,
                List.of())))
                .isInstanceOfSatisfying(ApprovalRefusedException.class,
                        refused -> assertThat(refused.reason()).isEqualTo(Reason.DRAFT_CLOSED))
                .hasMessageContaining("superseded");
        assertThat(drafts.find("D-1").orElseThrow().draft().state()).isEqualTo(DraftState.SUPERSEDED);
        assertNothingQueuedOrSent("D-1");
    }

    @Test
    void aDraftSupersededBetweenTheChecksAndTheApprovalTransactionIsRefusedByTheStoreAndNothingIsQueued() {
        // The customer's message arrives right after the desk read the draft for the checks.
        ReplyDesk desk = new ReplyDesk(new SupersedingAfterRead(drafts, clock),
                new ApprovalService(clock, outbox), outbox,
                reply -> { throw new AssertionError("nothing may be sent"); },
                new OutboxDispatcher(outbox, reply -> { }), clock);
        Draft suggestion = Drafts.suggested("D-1", "T-1", SUGGESTION);
        desk.offer(suggestion);

        assertThatThrownBy(() -> desk.approveAndSend(AgentApproval.ofDraft("alice", "T-1", suggestion, SUGGESTION,
                List.of())))
                .isInstanceOf(DraftClosedMeanwhileException.class)
                .hasMessageContaining("SUPERSEDED").hasMessageContaining("nothing was queued or sent");
        Draft draft = drafts.find("D-1").orElseThrow().draft();
        assertThat(draft.state()).isEqualTo(DraftState.SUPERSEDED);
        assertThat(draft.approvedAt()).isEmpty();
        assertNothingQueuedOrSent("D-1");
    }

    @Test
    void aDraftWithUnconfirmedBlockingFlagsIsRefusedAndNothingIsStored() {
        ReplyDesk desk = desk(SAME_THREAD);
        Flag refund = Flag.blocking(FlagKind.COMMITMENT, "promises a refund");
        Flag number = Flag.blocking(FlagKind.UNSUPPORTED_NUMBER, "3 days");
        Draft suggestion = Drafts.suggested("D-1", "T-1", SUGGESTION + " We will refund you.", refund, number);
        desk.offer(suggestion);

        assertThatThrownBy(() -> desk.approveAndSend(AgentApproval.ofDraft("alice", "T-1", suggestion,
                suggestion.text(), List.of(refund))))
                .isInstanceOfSatisfying(ApprovalRefusedException.class, refused -> {
                    assertThat(refused.reason()).isEqualTo(Reason.UNCONFIRMED_BLOCKING_FLAGS);
                    assertThat(refused.unconfirmedFlags()).containsExactly(number);
                });
        StoredDraft stored = drafts.find("D-1").orElseThrow();
        assertThat(stored.draft().state()).isEqualTo(DraftState.SUGGESTED);
        assertThat(stored.draft().approvedAt()).isEmpty();
        assertThat(stored.editRatio()).isEmpty();
        assertNothingQueuedOrSent("D-1");
    }

    @Test
    void resumingDeliversWhatWasApprovedButNotDeliveredExactlyOnce() throws Exception {
        ReplyDesk stopped = desk(STOPS_BEFORE_DELIVERING);
        Draft first = Drafts.suggested("D-1", "T-1", SUGGESTION);
        stopped.offer(first);
        ApprovalReceipt firstReceipt = stopped.approveAndSend(AgentApproval.ofDraft("alice", "T-1", first, EDITED,
                List.of()));
        // A second reply that reached the folder and the ticket, but the process died before marking it delivered.
        clock.advance(Duration.ofMinutes(1));
        ApprovalReceipt secondReceipt = stopped.approveAndSend(AgentApproval.written("alice", "T-1",
                "One more thing: the tracking link is in your e-mail."));
        ApprovedReply deliveredButNotMarked = outbox.pending(10).stream()
                .filter(reply -> reply.idempotencyKey().equals(secondReceipt.idempotencyKey()))
                .findFirst().orElseThrow();
        new FolderAndTicketDelivery(outboxFolder, new StoreTicketAppender(tickets, drafts, clock))
                .deliver(deliveredButNotMarked);
        assertThat(drafts.find("D-1").orElseThrow().draft().state()).isEqualTo(DraftState.APPROVED);

        ReplyDesk restarted = desk(SAME_THREAD);
        assertThat(restarted.resumeDeliveries().delivered()).isEqualTo(2);
        assertThat(restarted.resumeDeliveries().delivered()).isZero();

        assertThat(agentMessages()).extracting(Message::id).containsExactly(
                firstReceipt.idempotencyKey().toString(), secondReceipt.idempotencyKey().toString());
        assertThat(outboxFiles()).containsExactlyInAnyOrder(firstReceipt.idempotencyKey() + ".json",
                secondReceipt.idempotencyKey() + ".json");
        assertThat(outbox.pending(10)).isEmpty();
        assertThat(drafts.find("D-1").orElseThrow().draft().state()).isEqualTo(DraftState.SENT);
    }

    @Test
    void feedbackAndDiscardAreKeptInTheAuditTrail() {
        ReplyDesk desk = desk(SAME_THREAD);
        desk.offer(Drafts.suggested("D-1", "T-1", SUGGESTION));
        clock.advance(Duration.ofMinutes(2));
        Feedback thumbsDown = new Feedback("D-1", "alice", false, "wrong delivery estimate", clock.instant());

        desk.feedback(thumbsDown);
        desk.discard("D-1");

        StoredDraft stored = drafts.find("D-1").orElseThrow();
        assertThat(stored.draft().state()).isEqualTo(DraftState.DISCARDED);
        assertThat(stored.draft().aiText()).isEqualTo(SUGGESTION);
        assertThat(stored.discardedAt()).contains(Drafts.SUGGESTED_AT.plusSeconds(120));
        assertThat(stored.feedback()).containsExactly(thumbsDown);
        assertNothingQueuedOrSent("D-1");
    }

    private ReplyDesk desk(Executor executor) {
        return ReplyDesk.onEmbeddedDefaults(database, outboxFolder, clock, executor);
    }

    private void assertNothingQueuedOrSent(String draftId) {
        assertThat(outbox.hasApproved(draftId)).as("queued for sending").isFalse();
        assertThat(outbox.pending(10)).isEmpty();
        assertThat(outboxFiles()).isEmpty();
        assertThat(agentMessages()).isEmpty();
        assertThat(tickets.find("T-1").orElseThrow().status()).isEqualTo(TicketStatus.OPEN);
    }

    private List<Message> agentMessages() {
        return tickets.find("T-1").orElseThrow().messages().stream()
                .filter(message -> message.author() == Author.AGENT).toList();
    }

    private List<String> outboxFiles() {
        if (!Files.isDirectory(outboxFolder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(outboxFolder)) {
            return files.map(file -> file.getFileName().toString()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
