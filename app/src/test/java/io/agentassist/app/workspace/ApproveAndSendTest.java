package io.agentassist.app.workspace;

import static io.agentassist.app.workspace.WorkspaceFixture.BEREAVEMENT;
import static io.agentassist.app.workspace.WorkspaceFixture.REFUND;
import static io.agentassist.app.workspace.WorkspaceFixture.summaryReply;
import static io.agentassist.core.testsupport.FakeResponse.reply;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentassist.app.knowledge.KnowledgeBase;
import io.agentassist.app.tasks.SameThreadTaskRunner;
import io.agentassist.app.workspace.ApprovalOutcome.NeedsConfirmation;
import io.agentassist.app.workspace.ApprovalOutcome.Refused;
import io.agentassist.app.workspace.ApprovalOutcome.Sent;
import io.agentassist.app.workspace.SuggestionViewModel.State;
import io.agentassist.core.model.AgentProfile;
import io.agentassist.core.model.Author;
import io.agentassist.core.model.Draft;
import io.agentassist.core.model.DraftState;
import io.agentassist.core.model.Flag;
import io.agentassist.core.model.FlagKind;
import io.agentassist.core.model.Message;
import io.agentassist.core.model.TicketStatus;
import io.agentassist.core.testsupport.FakeOpenAiServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Approve & send": the confirmation the blocking flags ask for, what is stored and delivered when a reply goes
 * out, and the refusals that leave everything as it was.
 */
class ApproveAndSendTest {
    private static final KnowledgeBase knowledge = WorkspaceFixture.sharedKnowledge();

    @TempDir
    Path data;
    final SameThreadTaskRunner runner = SameThreadTaskRunner.confinedToThisThread();
    final List<ApprovalOutcome> outcomes = new ArrayList<>();

    private static Draft stored(WorkspaceFixture fixture, String draftId) {
        return fixture.drafts().find(draftId).orElseThrow().draft();
    }

    private static List<String> sendTasks(SameThreadTaskRunner runner) {
        return runner.ran().stream().filter(name -> name.startsWith("approve and send for ")).toList();
    }

    @Test
    void uncheckedBlockingFlagsAskForConfirmationAndNothingIsStored() {
        try (WorkspaceFixture fixture = WorkspaceFixture.builder(data, knowledge).open()) {
            WorkspaceViewModel workspace = fixture.viewModel(runner);
            workspace.open(BEREAVEMENT);
            Draft draft = workspace.editor().draft().orElseThrow();

            workspace.approveAndSend(false, outcomes::add);

            assertThat(outcomes).singleElement().isInstanceOfSatisfying(NeedsConfirmation.class, asked -> {
                assertThat(asked.stale()).isFalse();
                assertThat(asked.unresolvedFlags()).extracting(FlagItem::kind)
                        .containsExactly(FlagKind.SENSITIVE_SITUATION);
            });
            assertThat(stored(fixture, draft.id()).state()).isEqualTo(DraftState.SUGGESTED);
            assertThat(fixture.outboxFiles()).isEmpty();
            assertThat(workspace.conversation().messages()).hasSize(1);
            assertThat(workspace.editor().text()).isEqualTo(draft.text());
            assertThat(sendTasks(runner)).isEmpty();
        }
    }

    @Test
    void withTheBlockingFlagsCheckedOffTheReplyIsSentAndEverythingMovesOn() throws IOException {
        try (WorkspaceFixture fixture = WorkspaceFixture.builder(data, knowledge).open()) {
            WorkspaceViewModel workspace = fixture.viewModel(runner);
            workspace.start();
            workspace.open(BEREAVEMENT);
            Draft draft = workspace.editor().draft().orElseThrow();
            String text = draft.text().replace("Thanks for getting in touch.", "I am so sorry for your loss.");
            workspace.editorChanged(text);
            workspace.suggestion().flags().stream().filter(FlagItem::blocking)
                    .forEach(item -> workspace.checkFlag(item.flag(), true));
            fixture.clock().advance(Duration.ofMinutes(4));

            workspace.approveAndSend(false, outcomes::add);

            assertThat(outcomes).singleElement().isInstanceOfSatisfying(Sent.class, sent -> {
                assertThat(sent.receipt().ticketId()).isEqualTo(BEREAVEMENT);
                assertThat(sent.receipt().draftId()).contains(draft.id());
                assertThat(sent.receipt().agent()).isEqualTo("Sam Rivera");
                assertThat(sent.receipt().approvedAt()).isEqualTo(WorkspaceFixture.NOW.plus(Duration.ofMinutes(4)));
            });
            assertThat(workspace.conversation().messages()).hasSize(2);
            Message reply = workspace.conversation().messages().getLast();
            assertThat(reply.author()).isEqualTo(Author.AGENT);
            assertThat(reply.text()).isEqualTo(text);
            assertThat(stored(fixture, draft.id())).satisfies(sent -> {
                assertThat(sent.state()).isEqualTo(DraftState.SENT);
                assertThat(sent.text()).isEqualTo(text);
            });
            assertThat(fixture.outboxFiles()).singleElement()
                    .satisfies(file -> assertThat(Files.readString(file)).contains("I am so sorry for your loss."));
            assertThat(fixture.tickets().find(BEREAVEMENT).orElseThrow().status()).isEqualTo(TicketStatus.PENDING);
            assertThat(workspace.editor().text()).isEmpty();
            assertThat(workspace.editor().draft()).isEmpty();
            assertThat(workspace.editor().busyProperty().get()).isFalse();
            assertThat(workspace.editor().noticeProperty().get()).startsWith("Sent at ");
            assertThat(fixture.unsent().find(BEREAVEMENT)).isEmpty();
            assertThat(Files.list(fixture.dataDir().resolve("unsent")).toList()).isEmpty();
            assertThat(workspace.suggestion().state()).isEqualTo(State.NONE);
            assertThat(workspace.suggestion().statusProperty().get()).isEqualTo("Reply sent.");
            assertThat(workspace.suggestion().flags()).as("what is known about the customer stays")
                    .extracting(FlagItem::kind).containsExactly(FlagKind.SENSITIVE_SITUATION);
            assertThat(workspace.queue().visibleItems()).filteredOn(item -> item.ticketId().equals(BEREAVEMENT))
                    .singleElement().satisfies(item -> assertThat(item.status()).isEqualTo(TicketStatus.PENDING));
            assertThat(sendTasks(runner)).containsExactly("approve and send for " + BEREAVEMENT);
        }
    }

    @Test
    void confirmingSendsWithoutCheckingEachFlag() {
        try (WorkspaceFixture fixture = WorkspaceFixture.builder(data, knowledge).open()) {
            WorkspaceViewModel workspace = fixture.viewModel(runner);
            workspace.open(BEREAVEMENT);
            Draft draft = workspace.editor().draft().orElseThrow();

            workspace.approveAndSend(false, outcomes::add);
            workspace.approveAndSend(true, outcomes::add);

            assertThat(outcomes).hasSize(2).first().isInstanceOf(NeedsConfirmation.class);
            assertThat(outcomes.getLast()).isInstanceOf(Sent.class);
            assertThat(stored(fixture, draft.id()).state()).isEqualTo(DraftState.SENT);
            assertThat(fixture.outboxFiles()).hasSize(1);
            assertThat(sendTasks(runner)).hasSize(1);
        }
    }

    @Test
    void anEmptyReplyIsRefusedAndNothingIsStored() {
        try (WorkspaceFixture fixture = WorkspaceFixture.builder(data, knowledge).open()) {
            WorkspaceViewModel workspace = fixture.viewModel(runner);
            workspace.open(REFUND);
            Draft draft = workspace.editor().draft().orElseThrow();
            workspace.editorChanged("   ");

            workspace.approveAndSend(true, outcomes::add);

            assertThat(outcomes).singleElement().isEqualTo(new Refused("The reply is empty."));
            assertThat(workspace.editor().canSendProperty().get()).as("blank is empty").isFalse();
            assertThat(stored(fixture, draft.id()).state()).isNotIn(DraftState.APPROVED, DraftState.SENT);
            assertThat(fixture.outboxFiles()).isEmpty();
            assertThat(sendTasks(runner)).isEmpty();
        }
    }

    @Test
    void withNoTicketOpenThereIsNothingToApprove() {
        try (WorkspaceFixture fixture = WorkspaceFixture.builder(data, knowledge).open()) {
            WorkspaceViewModel workspace = fixture.viewModel(runner);

            workspace.approveAndSend(true, outcomes::add);

            assertThat(outcomes).singleElement().isEqualTo(new Refused("Open a ticket first."));
            assertThat(runner.ran()).isEmpty();
        }
    }

    @Test
    void withoutAnAgentNameTheApprovalIsRefusedWithAReadableReason() {
        try (WorkspaceFixture fixture = WorkspaceFixture.builder(data, knowledge).agent(new AgentProfile("", "")).approver("").open()) {
            WorkspaceViewModel workspace = fixture.viewModel(runner);
            workspace.open(REFUND);
            Draft draft = workspace.editor().draft().orElseThrow();

            workspace.approveAndSend(true, outcomes::add);

            assertThat(outcomes).singleElement()
                    .isEqualTo(new Refused("no agent name is set; add yours in Settings."));
            assertThat(workspace.editor().noticeProperty().get())
                    .isEqualTo("Not sent: no agent name is set; add yours in Settings.");
            assertThat(workspace.editor().text()).as("the reply stays for when the name is set").isEqualTo(draft.text());
            assertThat(workspace.editor().busyProperty().get()).isFalse();
            assertThat(stored(fixture, draft.id()).state()).isEqualTo(DraftState.SUGGESTED);
            assertThat(fixture.outboxFiles()).isEmpty();
            assertThat(workspace.conversation().messages()).hasSize(1);
            assertThat(sendTasks(runner)).containsExactly("approve and send for " + REFUND);
        }
    }

    @Test
    void aReplyWrittenFromScratchIsSentWithoutADraft() {
        AtomicBoolean ready = new AtomicBoolean(false);
        try (WorkspaceFixture fixture = WorkspaceFixture.builder(data, knowledge).knowledgeStatus(ready::get).open()) {
            WorkspaceViewModel workspace = fixture.viewModel(runner);
            workspace.open(REFUND);
            workspace.editorChanged("Hi Maria, your refund was issued today. Sam");

            workspace.approveAndSend(false, outcomes::add);

            assertThat(outcomes).singleElement().isInstanceOfSatisfying(Sent.class, sent -> {
                assertThat(sent.receipt().draftId()).isEmpty();
                assertThat(sent.receipt().edit()).isEmpty();
            });
            assertThat(workspace.conversation().messages().getLast().text())
                    .isEqualTo("Hi Maria, your refund was issued today. Sam");
            assertThat(fixture.drafts().listForTicket(REFUND)).isEmpty();
            assertThat(fixture.outboxFiles()).hasSize(1);
            assertThat(fixture.unsent().find(REFUND)).isEmpty();
            assertThat(sendTasks(runner)).containsExactly("approve and send for " + REFUND);
        }
    }

    @Test
    void aFollowUpWrittenAfterASentReplyIsSentOnItsOwn() {
        try (WorkspaceFixture fixture = WorkspaceFixture.builder(data, knowledge).open()) {
            WorkspaceViewModel workspace = fixture.viewModel(runner);
            workspace.open(REFUND);
            workspace.approveAndSend(false, outcomes::add);
            fixture.clock().advance(Duration.ofMinutes(1));

            workspace.editorChanged("P.S. You will get an e-mail once the refund is issued.");
            workspace.approveAndSend(false, outcomes::add);

            assertThat(outcomes).hasSize(2).allSatisfy(outcome -> assertThat(outcome).isInstanceOf(Sent.class));
            assertThat(((Sent) outcomes.getLast()).receipt().draftId()).isEmpty();
            assertThat(workspace.conversation().messages()).extracting(Message::author)
                    .containsExactly(Author.CUSTOMER, Author.AGENT, Author.AGENT);
            assertThat(fixture.outboxFiles()).hasSize(2);
            assertThat(sendTasks(runner)).hasSize(2);
        }
    }

    @Test
    void theEditorsBlockingFlagsMustBeConfirmedEvenWhenTheCoPilotShowsAnotherSuggestion() {
        try (FakeOpenAiServer server = FakeOpenAiServer.start();
             WorkspaceFixture fixture = WorkspaceFixture.builder(data, knowledge).model(server).open()) {
            server.enqueue(summaryReply("Refund timing"),
                    reply("Hi Maria,\n\nWe will refund you 50 euros today and add a 20% discount to your next order."
                            + "\n\nBest regards,\nSam Rivera"),
                    reply("Hi Maria,\n\nThank you for your patience.\n\nBest regards,\nSam Rivera"));
            WorkspaceViewModel workspace = fixture.viewModel(runner);
            workspace.open(REFUND);
            runner.runUiUntil(Duration.ofSeconds(10), "the first suggestion",
                    () -> workspace.suggestion().state() == State.READY);
            Draft inTheEditor = workspace.editor().draft().orElseThrow();
            List<Flag> blocking = inTheEditor.flags().stream().filter(Flag::blocking).toList();
            assertThat(blocking).as("the promise and the numbers are flagged").isNotEmpty();

            workspace.regenerate();
            runner.runUiUntil(Duration.ofSeconds(10), "the second suggestion",
                    () -> workspace.suggestion().state() == State.READY);
            assertThat(workspace.suggestion().suggestion().orElseThrow().draft().flags()).as("a harmless suggestion")
                    .noneMatch(Flag::blocking);
            workspace.approveAndSend(false, outcomes::add);

            assertThat(outcomes).singleElement().isInstanceOfSatisfying(NeedsConfirmation.class, asked ->
                    assertThat(asked.unresolvedFlags()).extracting(FlagItem::flag).containsExactlyElementsOf(blocking));
            assertThat(stored(fixture, inTheEditor.id()).state()).isEqualTo(DraftState.SUGGESTED);
            assertThat(fixture.outboxFiles()).isEmpty();

            blocking.forEach(flag -> workspace.checkFlag(flag, true));
            workspace.approveAndSend(false, outcomes::add);

            assertThat(outcomes.getLast()).isInstanceOf(Sent.class);
            assertThat(stored(fixture, inTheEditor.id()).state()).isEqualTo(DraftState.SENT);
        }
    }

    @Test
    void aSuggestionClosedElsewhereMeanwhileIsRefusedReadablyAndCanThenGoOutAsTheAgentsOwnReply() {
        try (WorkspaceFixture fixture = WorkspaceFixture.builder(data, knowledge).open()) {
            WorkspaceViewModel workspace = fixture.viewModel(runner);
            workspace.open(REFUND);
            Draft draft = workspace.editor().draft().orElseThrow();
            String mine = draft.text().replace("Thanks for getting in touch.", "Thanks for waiting.");
            workspace.editorChanged(mine);
            fixture.services().desk().customerWroteAgain(REFUND);

            workspace.approveAndSend(false, outcomes::add);

            assertThat(outcomes).singleElement().isEqualTo(new Refused(
                    "this suggestion is closed (the customer wrote again); send it as your own reply."));
            assertThat(workspace.editor().text()).isEqualTo(mine);
            assertThat(workspace.editor().staleProperty().get()).isTrue();
            assertThat(fixture.outboxFiles()).isEmpty();

            workspace.approveAndSend(false, outcomes::add);
            workspace.approveAndSend(true, outcomes::add);

            assertThat(outcomes.get(1)).isInstanceOfSatisfying(NeedsConfirmation.class, asked ->
                    assertThat(asked.stale()).isTrue());
            assertThat(outcomes.get(2)).isInstanceOfSatisfying(Sent.class, sent ->
                    assertThat(sent.receipt().draftId()).isEmpty());
            assertThat(workspace.conversation().messages().getLast().text()).isEqualTo(mine);
            assertThat(stored(fixture, draft.id()).state()).isEqualTo(DraftState.SUPERSEDED);
            assertThat(sendTasks(runner)).hasSize(2);
        }
    }
}
