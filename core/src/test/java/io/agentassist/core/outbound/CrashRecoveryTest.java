package io.agentassist.core.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentassist.core.approval.ApprovedReply;
import io.agentassist.core.approval.Outbox;
import io.agentassist.core.approval.OutboxStatus;
import io.agentassist.core.approval.TestDatabases;
import io.agentassist.core.outbound.CrashingApprovalProcess.Stage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exactly one delivery survives a real crash. A child JVM ({@link CrashingApprovalProcess}) approves and queues
 * a reply on an H2 file database and is killed with SIGKILL at a chosen point of the delivery; then the
 * dispatcher restarts here on the same database and folder. Whatever the point, the customer's folder holds one
 * file for the reply and the ticket one message. Nothing here sleeps: waiting for the child's marker is a
 * bounded poll that ends early if the child dies.
 */
class CrashRecoveryTest {
    private static final Duration CHILD_TIMEOUT = Duration.ofSeconds(60);
    /** How {@link Process#exitValue()} reports a process killed by signal 9. */
    private static final int KILLED_BY_SIGKILL = 128 + 9;

    @TempDir
    Path work;

    private Process child;

    @AfterEach
    void noChildOutlivesItsTest() throws InterruptedException {
        if (child != null && child.isAlive()) {
            child.destroyForcibly();
            child.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void killingTheProcessBetweenApprovalAndDeliveryLeadsToExactlyOneDelivery() throws Exception {
        UUID key = runChildAndKillItAt(Stage.BEFORE_DELIVERY);

        Restarted restarted = restart();
        assertThat(restarted.outbox.pending(10)).extracting(ApprovedReply::idempotencyKey)
                .as("the approval was committed before the kill").containsExactly(key);
        assertThat(filesIn(CrashingApprovalProcess.outboxFolder(work))).isEmpty();
        assertThat(restarted.tickets.messages(CrashingApprovalProcess.TICKET)).isEmpty();

        assertThat(restarted.dispatch()).isEqualTo(new DispatchReport(1, 0, 0));

        assertExactlyOneDelivery(restarted, key);
    }

    @Test
    void killingTheProcessAfterTheFileWasWrittenButBeforeTheTicketWasUpdatedLeadsToExactlyOneDelivery()
            throws Exception {
        UUID key = runChildAndKillItAt(Stage.AFTER_FILE);

        Restarted restarted = restart();
        assertThat(restarted.outbox.pending(10)).extracting(ApprovedReply::idempotencyKey).containsExactly(key);
        assertThat(filesIn(CrashingApprovalProcess.outboxFolder(work))).containsExactly(key + ".json");
        assertThat(restarted.tickets.messages(CrashingApprovalProcess.TICKET)).isEmpty();

        assertThat(restarted.dispatch()).isEqualTo(new DispatchReport(1, 0, 0));

        assertExactlyOneDelivery(restarted, key);
    }

    @Test
    void killingTheProcessAfterDeliveryButBeforeItWasMarkedLeadsToExactlyOneDelivery() throws Exception {
        UUID key = runChildAndKillItAt(Stage.AFTER_DELIVERY);

        Restarted restarted = restart();
        assertThat(restarted.outbox.pending(10)).extracting(ApprovedReply::idempotencyKey)
                .as("delivered but not marked: the dispatcher will deliver it again").containsExactly(key);
        assertThat(filesIn(CrashingApprovalProcess.outboxFolder(work))).containsExactly(key + ".json");
        assertThat(restarted.tickets.messages(CrashingApprovalProcess.TICKET)).hasSize(1);

        assertThat(restarted.dispatch()).isEqualTo(new DispatchReport(1, 0, 0));

        assertExactlyOneDelivery(restarted, key);
    }

    /** Starts the child, waits for it to reach the stage, kills it with SIGKILL; returns the reply's key. */
    private UUID runChildAndKillItAt(Stage stage) throws IOException, InterruptedException {
        Path log = work.resolve("child.log");
        String java = ProcessHandle.current().info().command().orElseThrow();
        child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "-XX:TieredStopAtLevel=1",
                "-Xshare:auto", CrashingApprovalProcess.class.getName(), work.toString(), stage.name())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start(); // standard input stays a pipe: the child blocks reading it

        Path marker = CrashingApprovalProcess.marker(work, stage);
        long deadline = System.nanoTime() + CHILD_TIMEOUT.toNanos();
        while (!Files.exists(marker)) {
            // waitFor is the poll interval, and it returns at once if the child dies on its way.
            if (child.waitFor(10, TimeUnit.MILLISECONDS)) {
                throw new AssertionError("the child exited with " + child.exitValue() + " before reaching "
                        + stage + ":\n" + Files.readString(log));
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the child did not reach " + stage + " within " + CHILD_TIMEOUT + ":\n"
                        + Files.readString(log));
            }
        }
        UUID key = UUID.fromString(Files.readString(marker));

        child.destroyForcibly();
        assertThat(child.waitFor(CHILD_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as("killed with SIGKILL").isEqualTo(KILLED_BY_SIGKILL);
        return key;
    }

    private Restarted restart() {
        DataSource database = TestDatabases.h2File(CrashingApprovalProcess.database(work));
        return new Restarted(new Outbox(database, Clock.systemUTC()), new JdbcTicketAppender(database),
                CrashingApprovalProcess.outboxFolder(work));
    }

    private void assertExactlyOneDelivery(Restarted restarted, UUID key) throws IOException {
        Path folder = CrashingApprovalProcess.outboxFolder(work);
        assertThat(filesIn(folder)).as("one file, no temporary leftovers").containsExactly(key + ".json");
        JsonNode file = new ObjectMapper().readTree(folder.resolve(key + ".json").toFile());
        assertThat(file.get("text").asText()).isEqualTo(CrashingApprovalProcess.TEXT);
        assertThat(restarted.tickets.messages(CrashingApprovalProcess.TICKET))
                .containsExactly(key + " AGENT " + CrashingApprovalProcess.TEXT);
        assertThat(restarted.outbox.pending(10)).isEmpty();
        assertThat(restarted.outbox.status(key)).get().extracting(OutboxStatus::delivered).isEqualTo(true);

        // And a further restart finds nothing left to do.
        assertThat(restarted.dispatch()).isEqualTo(new DispatchReport(0, 0, 0));
        assertThat(filesIn(folder)).hasSize(1);
        assertThat(restarted.tickets.messages(CrashingApprovalProcess.TICKET)).hasSize(1);
    }

    private static List<String> filesIn(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return new ArrayList<>(files.map(path -> path.getFileName().toString()).toList());
        }
    }

    /** The dispatcher as the next start of the application builds it: same database, same folder. */
    private record Restarted(Outbox outbox, JdbcTicketAppender tickets, Path folder) {
        DispatchReport dispatch() {
            return new OutboxDispatcher(outbox, new FolderAndTicketDelivery(folder, tickets)).dispatchPending();
        }
    }
}
