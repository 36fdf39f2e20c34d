package io.agentassist.core.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentassist.core.approval.AgentApproval;
import io.agentassist.core.approval.ApprovalService;
import io.agentassist.core.approval.ApprovedReply;
import io.agentassist.core.approval.Drafts;
import io.agentassist.core.model.Author;
import io.agentassist.core.model.Message;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderAndTicketDeliveryTest {
    private final ApprovalService approvals = new ApprovalService(
            Clock.fixed(Instant.parse("2026-03-02T09:20:00.5Z"), ZoneOffset.UTC), draftId -> false);
    private final RecordingTicketAppender tickets = new RecordingTicketAppender();

    @TempDir
    Path temp;

    @Test
    void aReplyIsWrittenAsJsonNamedByItsKeyAndAppendedToItsTicket() throws Exception {
        Path folder = temp.resolve("outbox");
        ApprovedReply reply = approvals.approve(AgentApproval.ofDraft("alice", "T-1",
                Drafts.suggested("d-1", "T-1", "Hi."), "Hi Zoë,\nall sorted \"today\".", List.of()));

        new FolderAndTicketDelivery(folder, tickets).deliver(reply);

        Path file = folder.resolve(reply.idempotencyKey() + ".json");
        JsonNode json = new ObjectMapper().readTree(Files.readString(file, StandardCharsets.UTF_8));
        assertThat(json.get("idempotencyKey").asText()).isEqualTo(reply.idempotencyKey().toString());
        assertThat(json.get("ticketId").asText()).isEqualTo("T-1");
        assertThat(json.get("draftId").asText()).isEqualTo("d-1");
        assertThat(json.get("agent").asText()).isEqualTo("alice");
        assertThat(json.get("approvedAt").asText()).isEqualTo("2026-03-02T09:20:00.500Z");
        assertThat(json.get("text").asText()).isEqualTo("Hi Zoë,\nall sorted \"today\".");
        assertThat(tickets.messages("T-1")).containsExactly(new Message(reply.idempotencyKey().toString(),
                Author.AGENT, "Hi Zoë,\nall sorted \"today\".", reply.approvedAt()));
    }

    @Test
    void aReplyWrittenFromScratchHasNoDraftInItsFile() throws Exception {
        ApprovedReply reply = approvals.approve(AgentApproval.written("alice", "T-1", "Hi."));

        new FolderAndTicketDelivery(temp, tickets).deliver(reply);

        JsonNode json = new ObjectMapper().readTree(temp.resolve(FolderAndTicketDelivery.fileName(reply)).toFile());
        assertThat(json.get("draftId").isNull()).isTrue();
    }

    @Test
    void deliveringTheSameReplyTwiceLeavesOneFileAndOneMessage() throws Exception {
        ApprovedReply reply = approvals.approve(AgentApproval.written("alice", "T-1", "Hi."));
        FolderAndTicketDelivery delivery = new FolderAndTicketDelivery(temp, tickets);

        delivery.deliver(reply);
        delivery.deliver(reply);

        assertThat(filesIn(temp)).containsExactly(reply.idempotencyKey() + ".json");
        assertThat(tickets.messages("T-1")).hasSize(1);
    }

    @Test
    void anExistingFileMeansTheReplyWasWrittenBeforeAndItIsNotWrittenAgain() throws Exception {
        ApprovedReply reply = approvals.approve(AgentApproval.written("alice", "T-1", "Hi."));
        Path file = Files.writeString(temp.resolve(reply.idempotencyKey() + ".json"), "written by an earlier run");

        new FolderAndTicketDelivery(temp, tickets).deliver(reply);

        assertThat(file).hasContent("written by an earlier run");
        assertThat(tickets.messages("T-1")).hasSize(1); // the step the earlier run did not get to
    }

    @Test
    void noTemporaryFileIsLeftBehind() throws Exception {
        FolderAndTicketDelivery delivery = new FolderAndTicketDelivery(temp, tickets);
        ApprovedReply first = approvals.approve(AgentApproval.written("alice", "T-1", "One."));
        ApprovedReply second = approvals.approve(AgentApproval.written("alice", "T-2", "Two."));

        delivery.deliver(first);
        delivery.deliver(second);

        assertThat(filesIn(temp)).containsExactlyInAnyOrder(
                FolderAndTicketDelivery.fileName(first), FolderAndTicketDelivery.fileName(second));
    }

    @Test
    void aTemporaryFileLeftByACrashIsRemovedWhenTheReplyIsDeliveredAgain() throws Exception {
        ApprovedReply reply = approvals.approve(AgentApproval.written("alice", "T-1", "Hi."));
        ApprovedReply other = approvals.approve(AgentApproval.written("alice", "T-2", "Hi."));
        Files.writeString(temp.resolve("." + reply.idempotencyKey() + ".8731.tmp"), "{\"idempotencyKey\": \"");
        Path othersTemp = Files.writeString(temp.resolve("." + other.idempotencyKey() + ".1234.tmp"), "in flight");

        new FolderAndTicketDelivery(temp, tickets).deliver(reply);

        assertThat(filesIn(temp)).containsExactlyInAnyOrder(
                FolderAndTicketDelivery.fileName(reply), othersTemp.getFileName().toString());
    }

    @Test
    void theFolderIsCreatedWhenMissing() throws Exception {
        Path folder = temp.resolve("data/outbox");
        ApprovedReply reply = approvals.approve(AgentApproval.written("alice", "T-1", "Hi."));

        new FolderAndTicketDelivery(folder, tickets).deliver(reply);

        assertThat(folder.resolve(FolderAndTicketDelivery.fileName(reply))).exists();
    }

    @Test
    void whenTheTicketCannotBeUpdatedTheDeliveryFailsAndTheNextAttemptOnlyUpdatesTheTicket() throws Exception {
        ApprovedReply reply = approvals.approve(AgentApproval.written("alice", "T-1", "Hi."));
        FolderAndTicketDelivery delivery = new FolderAndTicketDelivery(temp, tickets);
        tickets.failNextCall(new IllegalStateException("ticket store is locked"));

        assertThatThrownBy(() -> delivery.deliver(reply)).hasMessage("ticket store is locked");
        Path file = temp.resolve(FolderAndTicketDelivery.fileName(reply));
        String firstWrite = Files.readString(file);
        delivery.deliver(reply);

        assertThat(file).hasContent(firstWrite);
        assertThat(tickets.messages("T-1")).hasSize(1);
    }

    private static List<String> filesIn(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(path -> path.getFileName().toString()).toList();
        }
    }
}
