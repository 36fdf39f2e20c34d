package io.agentassist.app.workspace;

import static io.agentassist.app.workspace.WorkspaceFixture.REFUND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.agentassist.app.knowledge.KnowledgeBase;
import io.agentassist.app.tasks.SameThreadTaskRunner;
import io.agentassist.app.workspace.SuggestionViewModel.State;
import io.agentassist.core.assist.reply.RephraseService.Tone;
import io.agentassist.core.model.Draft;
import io.agentassist.core.model.DraftState;
import io.agentassist.core.persistence.StoredDraft;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reply editor and the co-pilot's tools, offline: edits that make the text the agent's, the crash-safe
 * journal across a restart, taking a suggestion, regenerating, the tone tools and rating.
 */
class ReplyEditorTest {
    private static final KnowledgeBase knowledge = WorkspaceFixture.sharedKnowledge();

    @TempDir
    Path data;
    final SameThreadTaskRunner runner = SameThreadTaskRunner.confinedToThisThread();

    private static Draft stored(WorkspaceFixture fixture, String draftId) {
        return fixture.drafts().find(draftId).map(StoredDraft::draft).orElseThrow();
    }

    private static List<Path> journalFiles(WorkspaceFixture fixture) throws IOException {
        Path folder = fixture.dataDir().resolve("unsent");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }

    @Test
    void theFirstEditMakesTheTextTheAgentsIsStampedOnceAndIsJournalled() throws IOException {
        try (WorkspaceFixture fixture = WorkspaceFixture.builder(data, knowledge).open()) {
            WorkspaceViewModel workspace = fixture.viewModel(runner);
            workspace.open(REFUND);
            Draft suggested = workspace.editor().draft().orElseThrow();
            String edited = suggested.text().replace("Thanks for getting in touch.", "Thanks for your patience.");

            workspace.editorChanged(edited);

            assertThat(workspace.editor().aiTextProperty().get()).isFalse();
            assertThat(workspace.editor().text()).isEqualTo(edited);
            assertThat(stored(fixture, suggested.id())).satisfies(draft -> {
                assertThat(draft.state()).isEqualTo(DraftState.EDITED);
                assertThat(draft.firstEditAt()).contains(WorkspaceFixture.NOW);
                assertThat(draft.text()).isEqualTo(edited);
                assertThat(draft.aiText()).isEqualTo(suggested.text());
            });
            assertThat(fixture.unsent().find(REFUND)).hasValueSatisfying(unsent -> {
                assertThat(unsent.text()).isEqualTo(edited);
                assertThat(unsent.draftId()).contains(suggested.id());
            });
            assertThat(journalFiles(fixture)).singleElement()
                    .satisfies(file -> assertThat(Files.readString(file)).contains("Thanks for your patience."));

            fixture.clock().advance(Duration.ofMinutes(3));
            workspace.editorChanged(edited + "\n\nP.S. Your jacket arrived on Monday.");

            assertThat(stored(fixture, suggested.id()).firstEditAt()).as("stamped once").contains(WorkspaceFixture.NOW);
            assertThat(fixture.unsent().find(REFUND)).hasValueSatisfying(unsent ->
                    assertThat(unsent.text()).endsWith("P.S. Your jacket arrived on Monday."));
            assertThat(runner.ran()).filteredOn(name -> name.startsWith("stamp the first edit of ")).containsExactly(
                    "stamp the first edit of " + suggested.id());

            workspace.editorChanged(suggested.text());

            assertThat(workspace.editor().aiTextProperty().get()).as("typed back to the suggestion").isTrue();
        }
    }

    @Test
    void afterARestartTheUnsentReplyIsRestoredWithANotice() {
        String draftId;
        String edited = "Hi Maria,\n\nYour refund reaches your card within 5 to 7 working days [1].\n\nSam";
        WorkspaceFixture fixture = WorkspaceFixture.builder(data, knowledge).open();
        try {
            WorkspaceViewModel before = fixture.viewModel(runner);
            before.open(REFUND);
            draftId = before.editor().draft().orElseThrow().id();
            before.editorChanged(edited);

            fixture = fixture.restart();
            SameThreadTaskRunner afterRestart = SameThreadTaskRunner.confinedToThisThread();
            WorkspaceViewModel after = fixture.viewModel(afterRestart);
            after.open(REFUND);

            assertThat(after.editor().text()).isEqualTo(edited);
            assertThat(after.editor().noticeProperty().get()).startsWith("Restored your unsent reply from ")
                    .doesNotContain("out of date");
            assertThat(after.editor().aiTextProperty().get()).isFalse();
            assertThat(after.editor().staleProperty().get()).isFalse();
            assertThat(after.editor().draft()).hasValueSatisfying(d -> assertThat(d.id()).isEqualTo(draftId));
            assertThat(after.suggestion().state()).isEqualTo(State.READY);
            assertThat(fixture.drafts().listForTicket(REFUND)).as("the open draft is reused").hasSize(1);
            assertThat(afterRestart.ran()).containsExactly("open " + REFUND, "articles for " + REFUND,
                    "summarise " + REFUND);
        } finally {
            fixture.close();
        }
    }

    @Test
    void aRestoredReplyWhoseSuggestionWasOvertakenMeanwhileIsMarkedStale() {
        String edited = "Hi Maria, your refund is on its way.";
        WorkspaceFixture fixture = WorkspaceFixture.builder(data, knowledge).open();
        try {
            WorkspaceViewModel before = fixture.viewModel(runner);
            before.open(REFUND);
            before.editorChanged(edited);
            fixture = fixture.restart();
            fixture.clock().advance(Duration.ofHours(1));
            fixture.customerWrites(REFUND, "Any news about my refund?");
            fixture.services().desk().customerWroteAgain(REFUND);

            SameThreadTaskRunner afterRestart = SameThreadTaskRunner.confinedToThisThread();
            WorkspaceViewModel after = fixture.viewModel(afterRestart);
            after.open(REFUND);

            assertThat(after.editor().text()).isEqualTo(edited);
            assertThat(after.editor().staleProperty().get()).isTrue();
            assertThat(after.editor().noticeProperty().get())
                    .contains("Its suggestion is out of date: the customer wrote again.");
            assertThat(after.suggestion().state()).isEqualTo(State.READY);
            assertThat(fixture.drafts().listForTicket(REFUND)).extracting(Draft::state)
                    .containsExactly(DraftState.SUPERSEDED, DraftState.SUGGESTED);
            assertThat(afterRestart.ran()).contains("suggest a reply for " + REFUND);
        } finally {
            fixture.close();
        }
    }

    @Test
    void aReplyWrittenWithoutASuggestionSurvivesARestartToo() {
        AtomicBoolean ready = new AtomicBoolean(false);
        WorkspaceFixture fixture = WorkspaceFixture.builder(data, knowledge).knowledgeStatus(ready::get).open();
        try {
            WorkspaceViewModel before = fixture.viewModel(runner);
            before.open(REFUND);
            before.editorChanged("Hi Maria, I am checking with the warehouse.");

            fixture = fixture.restart();
            SameThreadTaskRunner afterRestart = SameThreadTaskRunner.confinedToThisThread();
            WorkspaceViewModel after = fixture.viewModel(afterRestart);
            after.open(REFUND);

            assertThat(after.editor().text()).isEqualTo("Hi Maria, I am checking with the warehouse.");
            assertThat(after.editor().draft()).isEmpty();
            assertThat(after.editor().noticeProperty().get()).startsWith("Restored your unsent reply from ");
            assertThat(afterRestart.ran()).containsExactly("open " + REFUND, "summarise " + REFUND);
        } finally {
            fixture.close();
        }
    }

    @Test
    void useSuggestionReplacesTheEditorTextAndDiscardsThePreviousUnsentDraft() {
        try (WorkspaceFixture fixture = WorkspaceFixture.builder(data, knowledge).open()) {
            WorkspaceViewModel workspace = fixture.viewModel(runner);
            workspace.open(REFUND);
            Draft first = workspace.editor().draft().orElseThrow();
            workspace.editorChanged(first.text() + "\n\nP.S. Sorry for the wait.");
            workspace.regenerate();
            Draft offered = workspace.suggestion().suggestion().orElseThrow().draft();
            assertThat(offered.id()).isNotEqualTo(first.id());
            assertThat(workspace.editor().text()).as("regenerating never touches the editor")
                    .endsWith("P.S. Sorry for the wait.");

            workspace.useSuggestion();

            assertThat(workspace.editor().text()).isEqualTo(offered.text());
            assertThat(workspace.editor().draft()).hasValueSatisfying(d -> assertThat(d.id()).isEqualTo(offered.id()));
            assertThat(workspace.editor().aiTextProperty().get()).isTrue();
            assertThat(workspace.editor().staleProperty().get()).isFalse();
            assertThat(stored(fixture, first.id()).state()).isEqualTo(DraftState.DISCARDED);
            assertThat(stored(fixture, offered.id()).state()).isEqualTo(DraftState.SUGGESTED);
            assertThat(fixture.unsent().find(REFUND)).as("an untouched suggestion is in the store, not the agent's work")
                    .isEmpty();
            assertThat(runner.ran()).contains("discard " + first.id());

            workspace.editorChanged(offered.text() + " Thanks!");

            assertThat(stored(fixture, offered.id()).state()).as("the first edit of the taken suggestion is stamped")
                    .isEqualTo(DraftState.EDITED);
            assertThat(fixture.unsent().find(REFUND)).hasValueSatisfying(unsent ->
                    assertThat(unsent.draftId()).contains(offered.id()));
        }
    }

    @Test
    void regenerateStoresANewSuggestionAndDiscardsTheUnusedOne() {
        try (WorkspaceFixture fixture = WorkspaceFixture.builder(data, knowledge).open()) {
            WorkspaceViewModel workspace = fixture.viewModel(runner);
            workspace.open(REFUND);
            Draft inTheEditor = workspace.editor().draft().orElseThrow();
            History<State> states = History.of(workspace.suggestion().stateProperty());

            fixture.clock().advance(Duration.ofMinutes(1));
            workspace.regenerate();
            Draft unused = workspace.suggestion().suggestion().orElseThrow().draft();
            fixture.clock().advance(Duration.ofMinutes(1));
            workspace.regenerate();
            Draft latest = workspace.suggestion().suggestion().orElseThrow().draft();

            assertThat(states.values()).containsExactly(State.READY, State.DRAFTING, State.READY, State.DRAFTING,
                    State.READY);
            assertThat(fixture.drafts().listForTicket(REFUND)).extracting(Draft::id, Draft::state).containsExactly(
                    tuple(inTheEditor.id(), DraftState.SUGGESTED),
                    tuple(unused.id(), DraftState.DISCARDED),
                    tuple(latest.id(), DraftState.SUGGESTED));
            assertThat(workspace.editor().draft()).hasValueSatisfying(d -> assertThat(d.id()).isEqualTo(inTheEditor.id()));
            assertThat(runner.ran()).filteredOn(name -> name.equals("suggest a reply for " + REFUND)).hasSize(3);
            assertThat(runner.ran()).contains("discard " + unused.id()).doesNotContain("discard " + inTheEditor.id());
        }
    }

    @Test
    void rephrasingShorterOfflineOffersANewSuggestionAndLeavesTheEditorAlone() {
        try (WorkspaceFixture fixture = WorkspaceFixture.builder(data, knowledge).open()) {
            WorkspaceViewModel workspace = fixture.viewModel(runner);
            workspace.open(REFUND);
            Draft original = workspace.editor().draft().orElseThrow();
            History<State> states = History.of(workspace.suggestion().stateProperty());
            fixture.clock().advance(Duration.ofMinutes(1));

            workspace.rephrase(Tone.SHORTER);

            assertThat(states.values()).containsExactly(State.READY, State.DRAFTING, State.READY);
            Draft shorter = workspace.suggestion().suggestion().orElseThrow().draft();
            assertThat(shorter.id()).isNotEqualTo(original.id());
            assertThat(shorter.text()).isEqualTo("Hi Maria,\n\nRefunds to a credit or debit card appear on your "
                    + "statement within 5 to 7 working days, depending on your bank [1].\n\nBest regards,\n"
                    + "Sam Rivera, Northwind Support");
            assertThat(workspace.suggestion().statusProperty().get()).isEqualTo("Rewritten shorter. Press Use to take it.");
            assertThat(workspace.editor().text()).isEqualTo(original.text());
            assertThat(workspace.editor().draft()).hasValueSatisfying(d -> assertThat(d.id()).isEqualTo(original.id()));
            assertThat(fixture.drafts().listForTicket(REFUND)).extracting(Draft::id)
                    .containsExactly(original.id(), shorter.id());
            assertThat(runner.ran()).endsWith("rephrase " + REFUND);
        }
    }

    @Test
    void rephrasingFriendlierOfflineFailsReadablyAndLeavesTheEditorUntouched() {
        try (WorkspaceFixture fixture = WorkspaceFixture.builder(data, knowledge).open()) {
            WorkspaceViewModel workspace = fixture.viewModel(runner);
            workspace.open(REFUND);
            Draft original = workspace.editor().draft().orElseThrow();
            workspace.editorChanged(original.text() + " Have a nice day.");
            History<State> states = History.of(workspace.suggestion().stateProperty());

            workspace.rephrase(Tone.FRIENDLIER);

            assertThat(states.values()).containsExactly(State.READY, State.DRAFTING, State.FAILED);
            assertThat(workspace.suggestion().statusProperty().get())
                    .isEqualTo("Changing the tone needs a language model; none is configured.");
            assertThat(workspace.editor().text()).isEqualTo(original.text() + " Have a nice day.");
            assertThat(workspace.editor().draft()).hasValueSatisfying(d -> assertThat(d.id()).isEqualTo(original.id()));
            assertThat(workspace.editor().canSendProperty().get()).isTrue();
            assertThat(fixture.drafts().listForTicket(REFUND)).hasSize(1);
            assertThat(runner.ran()).endsWith("rephrase " + REFUND);
        }
    }

    @Test
    void ratingTheSuggestionStoresTheAgentsFeedback() {
        try (WorkspaceFixture fixture = WorkspaceFixture.builder(data, knowledge).open()) {
            WorkspaceViewModel workspace = fixture.viewModel(runner);
            workspace.open(REFUND);
            Draft suggested = workspace.suggestion().suggestion().orElseThrow().draft();

            workspace.rate(false, "Does not mention the warehouse check");

            assertThat(workspace.suggestion().feedbackProperty().get()).isFalse();
            assertThat(fixture.drafts().find(suggested.id()).orElseThrow().feedback()).singleElement()
                    .satisfies(feedback -> {
                        assertThat(feedback.helpful()).isFalse();
                        assertThat(feedback.reason()).isEqualTo("Does not mention the warehouse check");
                        assertThat(feedback.agent()).isEqualTo("Sam Rivera");
                        assertThat(feedback.at()).isEqualTo(WorkspaceFixture.NOW);
                    });
            assertThat(runner.ran()).endsWith("feedback on " + suggested.id());

            workspace.rate(true, "");

            assertThat(workspace.suggestion().feedbackProperty().get()).isTrue();
            assertThat(fixture.drafts().find(suggested.id()).orElseThrow().feedback()).hasSize(2);
        }
    }
}
