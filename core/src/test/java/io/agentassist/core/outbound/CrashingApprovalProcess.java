package io.agentassist.core.outbound;

import io.agentassist.core.approval.AgentApproval;
import io.agentassist.core.approval.ApprovalService;
import io.agentassist.core.approval.ApprovedReply;
import io.agentassist.core.approval.Drafts;
import io.agentassist.core.approval.Outbox;
import io.agentassist.core.approval.TestDatabases;
import io.agentassist.core.model.Draft;
import io.agentassist.core.model.Flag;
import io.agentassist.core.model.FlagKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;

/**
 * The child process of {@link CrashRecoveryTest}: approves a reply on an H2 file database, queues it, starts
 * delivering, and stops dead at the given stage, after dropping a marker file that says so. There it waits to
 * be killed (SIGKILL, no shutdown hooks, no finally blocks). If its parent dies first, standard input closes
 * and it halts, so no orphan keeps the database open.
 *
 * <p>Arguments: the work folder and the stage ({@link Stage}).
 */
public final class CrashingApprovalProcess {
    enum Stage {
        /** The reply is approved and committed to the outbox; delivery has not started. */
        BEFORE_DELIVERY,
        /** The reply's file is in the outbox folder; the ticket has not been updated. */
        AFTER_FILE,
        /** File written and ticket updated; the outbox has not recorded the delivery. */
        AFTER_DELIVERY
    }

    static final String TICKET = "T-1";
    static final String TEXT = "Hi Sam, your refund of 20 EUR is on its way and arrives within 5 days.";

    private CrashingApprovalProcess() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        Stage stage = Stage.valueOf(args[1]);
        DataSource database = TestDatabases.h2File(database(work));
        // Held open to the end, as the application's connection pool holds its connections: H2 flushes everything
        // when the last connection closes, which would hide a commit that is not yet on disk.
        Connection heldOpen = database.getConnection();
        Outbox outbox = new Outbox(database, Clock.systemUTC());
        JdbcTicketAppender tickets = new JdbcTicketAppender(database);

        Flag refund = Flag.blocking(FlagKind.COMMITMENT, "promises a refund");
        Draft draft = Drafts.suggested("d-1", TICKET, "Hi, your refund of 20 EUR arrives within 5 days.", refund);
        ApprovedReply reply = new ApprovalService(Clock.systemUTC(), outbox)
                .approve(AgentApproval.ofDraft("alice", TICKET, draft, TEXT, List.of(refund)));
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(false);
            // (The ticket store would record the approval here, in the same transaction.)
            outbox.enqueue(connection, reply);
            connection.commit();
        }

        TicketAppender appender = stage == Stage.AFTER_FILE
                ? r -> stopHere(work, stage, r)
                : tickets;
        FolderAndTicketDelivery folder = new FolderAndTicketDelivery(outboxFolder(work), appender);
        Delivery delivery = switch (stage) {
            case BEFORE_DELIVERY -> r -> {
                stopHere(work, stage, r);
                folder.deliver(r);
            };
            case AFTER_FILE -> folder;
            case AFTER_DELIVERY -> r -> {
                folder.deliver(r);
                stopHere(work, stage, r);
            };
        };
        new OutboxDispatcher(outbox, delivery).dispatchPending();
        heldOpen.close();
        Runtime.getRuntime().halt(2); // never reached: the stage stops it first
    }

    static Path database(Path work) {
        return work.resolve("db");
    }

    static Path outboxFolder(Path work) {
        return work.resolve("outbox");
    }

    /** The marker file for a stage; it holds the reply's idempotency key. */
    static Path marker(Path work, Stage stage) {
        return work.resolve("reached-" + stage);
    }

    private static void stopHere(Path work, Stage stage, ApprovedReply reply) {
        try {
            Path temp = Files.writeString(work.resolve("marker.tmp"), reply.idempotencyKey().toString());
            Files.move(temp, marker(work, stage), StandardCopyOption.ATOMIC_MOVE);
            while (System.in.read() != -1) {
                // Nothing is ever written; read blocks until the parent kills us or itself goes away.
            }
        } catch (IOException e) {
            // Standard input broke: the parent is gone.
        }
        Runtime.getRuntime().halt(3);
    }
}
