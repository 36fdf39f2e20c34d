package io.agentassist.app.workspace;

import static io.agentassist.app.workspace.WorkspaceFixture.PARCEL;
import static io.agentassist.app.workspace.WorkspaceFixture.REFUND;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentassist.app.knowledge.KnowledgeBase;
import io.agentassist.app.tasks.SameThreadTaskRunner;
import io.agentassist.app.workspace.ApprovalOutcome.NeedsConfirmation;
import io.agentassist.app.workspace.ApprovalOutcome.Sent;
import io.agentassist.app.workspace.SuggestionViewModel.State;
import io.agentassist.core.knowledge.KnowledgeHit;
import io.agentassist.core.model.Author;
import io.agentassist.core.model.Draft;
import io.agentassist.core.model.DraftState;
import io.agentassist.core.model.Message;
import io.agentassist.core.tickets.TicketUpdate;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The customer writes again while the agent has the ticket open: the agent's text is never replaced, the old
 * suggestion is closed, a fresh one appears beside it, and sending the old text takes a confirmation.
 */
class CustomerWritesAgainTest {
    private static final String FOLLOW_UP = "Also, the tracking of my replacement parcel has not changed for a week.";

    private static final KnowledgeBase knowledge = WorkspaceFixture.sharedKnowledge();

    @TempDir
    Path data;
    WorkspaceFixture fixture;
    final SameThreadTaskRunner runner = SameThreadTaskRunner.confinedToThisThread();
    WorkspaceViewModel workspace;
    final List<ApprovalOutcome> outcomes = new ArrayList<>();

    @BeforeEach
    void openTheRefundTicket() {
        fixture = WorkspaceFixture.builder(data, knowledge).open();
        workspace = fixture.viewModel(runner);
        workspace.start();
        workspace.open(REFUND);
    }

    @AfterEach
    void closeTheFixture() {
        fixture.close();
    }

    private TicketUpdate customerWritesLater(String text) {
        fixture.clock().advance(Duration.ofMinutes(10));
        return fixture.customerWrites(REFUND, text);
    }

    private static long count(List<String> ran, String name) {
        return ran.stream().filter(name::equals).count();
    }

    @Test
    void theAgentsTextStaysMarkedStaleWhileAFreshSuggestionAppearsBesideIt() {
        Draft first = workspace.editor().draft().orElseThrow();
        String mine = first.text().replace("Here is what I found:", "Sorry for the wait.");
        workspace.editorChanged(mine);
        History<State> states = History.of(workspace.suggestion().stateProperty());
        List<String> articlesBefore = workspace.articles().hits().stream().map(KnowledgeHit::chunkId).toList();

        workspace.ticketChanged(customerWritesLater(FOLLOW_UP));

        assertThat(workspace.editor().text()).isEqualTo(mine);
        assertThat(workspace.editor().staleProperty().get()).isTrue();
        assertThat(workspace.editor().noticeProperty().get()).as("the stale banner says it; no second notice").isEmpty();
        assertThat(workspace.editor().draft()).hasValueSatisfying(d -> {
            assertThat(d.id()).isEqualTo(first.id());
            assertThat(d.state()).isEqualTo(DraftState.SUPERSEDED);
        });
        assertThat(fixture.drafts().find(first.id()).orElseThrow().draft().state()).isEqualTo(DraftState.SUPERSEDED);
        assertThat(states.values()).containsExactly(State.READY, State.DRAFTING, State.READY);
        Draft fresh = workspace.suggestion().suggestion().orElseThrow().draft();
        assertThat(fresh.id()).isNotEqualTo(first.id());
        assertThat(fresh.state()).isEqualTo(DraftState.SUGGESTED);
        assertThat(fresh.citations()).extracting(c -> c.articleId()).contains("shipping/tracking");
        assertThat(workspace.conversation().messages()).hasSize(2);
        assertThat(workspace.conversation().messages().getLast().text()).isEqualTo(FOLLOW_UP);
        List<String> articlesAfter = workspace.articles().hits().stream().map(KnowledgeHit::chunkId).toList();
        assertThat(articlesAfter).as("the articles follow the conversation").isNotEqualTo(articlesBefore);
        assertThat(articlesAfter.subList(0, 3)).anySatisfy(chunk -> assertThat(chunk).startsWith("shipping/tracking"));
        assertThat(articlesBefore.subList(0, 3)).noneSatisfy(chunk -> assertThat(chunk).startsWith("shipping/tracking"));
        assertThat(workspace.summary().stateProperty().get()).isEqualTo(SummaryViewModel.State.READY);
        assertThat(workspace.summary().summary()).hasValueSatisfying(s ->
                assertThat(s.openQuestions().toString() + s.whatHappened()).containsIgnoringCase("tracking"));
        List<String> ran = runner.ran();
        assertThat(ran).contains("reload " + REFUND);
        assertThat(count(ran, "articles for " + REFUND)).isEqualTo(2);
        assertThat(count(ran, "summarise " + REFUND)).isEqualTo(2);
        assertThat(count(ran, "suggest a reply for " + REFUND)).isEqualTo(2);
        assertThat(count(ran, "load the queue")).isEqualTo(2);
    }

    @Test
    void approvingTheStaleTextAsksForConfirmationThenSendsItAsTheAgentsOwnReply() {
        Draft first = workspace.editor().draft().orElseThrow();
        String mine = "Hi Maria,\n\nYour card refund arrives within 5 to 7 working days. I will check the parcel.\n\nSam";
        workspace.editorChanged(mine);
        workspace.ticketChanged(customerWritesLater(FOLLOW_UP));

        workspace.approveAndSend(false, outcomes::add);

        assertThat(outcomes).singleElement().isInstanceOfSatisfying(NeedsConfirmation.class, asked -> {
            assertThat(asked.stale()).isTrue();
            assertThat(asked.unresolvedFlags()).isEmpty();
        });
        assertThat(fixture.outboxFiles()).isEmpty();
        assertThat(runner.ran()).noneMatch(name -> name.startsWith("approve and send"));

        workspace.approveAndSend(true, outcomes::add);

        assertThat(outcomes.getLast()).isInstanceOfSatisfying(Sent.class, sent ->
                assertThat(sent.receipt().draftId()).as("sent as the agent's own reply").isEmpty());
        Message last = workspace.conversation().messages().getLast();
        assertThat(last.author()).isEqualTo(Author.AGENT);
        assertThat(last.text()).isEqualTo(mine);
        assertThat(fixture.drafts().find(first.id()).orElseThrow().draft().state()).isEqualTo(DraftState.SUPERSEDED);
        assertThat(fixture.outboxFiles()).hasSize(1);
        assertThat(workspace.editor().text()).isEmpty();
        assertThat(workspace.editor().staleProperty().get()).isFalse();
        assertThat(runner.ran()).containsOnlyOnce("approve and send for " + REFUND);
    }

    @Test
    void whenTheEditorWasEmptyTheFreshSuggestionGoesIntoIt() {
        Draft first = workspace.editor().draft().orElseThrow();
        workspace.editorChanged("");

        workspace.ticketChanged(customerWritesLater(FOLLOW_UP));

        Draft fresh = workspace.suggestion().suggestion().orElseThrow().draft();
        assertThat(workspace.editor().text()).isEqualTo(fresh.text());
        assertThat(workspace.editor().draft()).hasValueSatisfying(d -> assertThat(d.id()).isEqualTo(fresh.id()));
        assertThat(workspace.editor().aiTextProperty().get()).isTrue();
        assertThat(workspace.editor().staleProperty().get()).isFalse();
        assertThat(fixture.drafts().find(first.id()).orElseThrow().draft().state()).isEqualTo(DraftState.SUPERSEDED);
        assertThat(runner.ran()).contains("reload " + REFUND);
    }

    @Test
    void anAgentsMessageFromElsewhereMovesTheConversationOnButLeavesTheDraftOpen() {
        Draft first = workspace.editor().draft().orElseThrow();
        TicketUpdate update = fixture.tickets().appendMessages(REFUND, List.of(new Message("note-1", Author.AGENT,
                "Checked with the warehouse: the jacket arrived.", Instant.parse("2026-11-20T12:05:00Z"))));

        workspace.ticketChanged(update);

        assertThat(workspace.conversation().messages()).hasSize(2);
        assertThat(workspace.editor().staleProperty().get()).isFalse();
        assertThat(workspace.editor().text()).isEqualTo(first.text());
        assertThat(fixture.drafts().find(first.id()).orElseThrow().draft().state()).isEqualTo(DraftState.SUGGESTED);
        assertThat(count(runner.ran(), "suggest a reply for " + REFUND)).isEqualTo(1);
        assertThat(runner.ran()).contains("reload " + REFUND);
    }

    @Test
    void anotherTicketChangingOnlyRefreshesTheQueue() {
        List<String> before = runner.ran();
        fixture.clock().advance(Duration.ofMinutes(1));
        TicketUpdate update = fixture.customerWrites(PARCEL, "Hello?? Anyone there?");

        workspace.ticketChanged(update);

        assertThat(runner.ran()).hasSize(before.size() + 1).endsWith("load the queue");
        assertThat(workspace.openTicketIdProperty().get()).isEqualTo(REFUND);
        assertThat(workspace.editor().staleProperty().get()).isFalse();
        assertThat(workspace.queue().visibleItems()).filteredOn(item -> item.ticketId().equals(PARCEL)).singleElement()
                .satisfies(item -> assertThat(item.messageCount()).isEqualTo(2));
    }
}
