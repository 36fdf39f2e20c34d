package io.agentassist.app.workspace;

import static io.agentassist.app.workspace.WorkspaceFixture.PARCEL;
import static io.agentassist.app.workspace.WorkspaceFixture.REFUND;
import static io.agentassist.app.workspace.WorkspaceFixture.summaryReply;
import static io.agentassist.core.testsupport.FakeResponse.reply;
import static io.agentassist.core.testsupport.FakeResponse.status;
import static io.agentassist.core.testsupport.FakeResponse.stream;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentassist.app.knowledge.KnowledgeBase;
import io.agentassist.app.tasks.SameThreadTaskRunner;
import io.agentassist.app.workspace.SuggestionViewModel.State;
import io.agentassist.core.model.Draft;
import io.agentassist.core.model.DraftState;
import io.agentassist.core.support.Poll;
import io.agentassist.core.testsupport.FakeOpenAiServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Suggestions streamed from a scripted OpenAI-compatible server: text as it arrives, retries, failures that fall
 * back to the offline draft, and a stream left behind when the agent moves on. The model's callbacks come from
 * its own thread and wait in the runner's queue until the test runs them, as they would wait for the FX thread.
 */
class StreamingSuggestionTest {
    private static final Duration BOUND = Duration.ofSeconds(10);
    private static final String MODEL_STATUS = "Model: " + WorkspaceFixture.MODEL + " at 127.0.0.1";

    private static final KnowledgeBase knowledge = WorkspaceFixture.sharedKnowledge();

    @TempDir
    Path data;
    FakeOpenAiServer server;
    WorkspaceFixture fixture;
    SameThreadTaskRunner runner;
    WorkspaceViewModel workspace;

    @BeforeEach
    void openTheWorkspaceOnTheServer() {
        server = FakeOpenAiServer.start();
        fixture = WorkspaceFixture.builder(data, knowledge).model(server).open();
        runner = SameThreadTaskRunner.confinedToThisThread();
        workspace = fixture.viewModel(runner);
    }

    @AfterEach
    void closeEverything() {
        workspace.shutdown();
        fixture.close();
        server.close();
    }

    private void untilTheSuggestionIs(State wanted) {
        runner.runUiUntil(BOUND, "the suggestion is " + wanted + " (it is " + workspace.suggestion().state() + ")",
                () -> workspace.suggestion().state() == wanted);
    }

    @Test
    void aStreamedSuggestionGrowsInOrderAndLandsInTheEmptyEditorAsAiText() {
        server.enqueue(summaryReply("Refund timing"), stream("Hi Maria,", "\n\nCard refunds appear within ",
                "5 to 7 working days [2].", "\n\nBest regards,\nSam Rivera"));
        History<State> states = History.of(workspace.suggestion().stateProperty());
        History<String> text = History.of(workspace.suggestion().textProperty());
        History<String> status = History.of(workspace.suggestion().statusProperty());

        workspace.open(REFUND);
        assertThat(workspace.suggestion().state()).as("the stream runs on").isEqualTo(State.DRAFTING);
        untilTheSuggestionIs(State.READY);

        String expected = "Hi Maria,\n\nCard refunds appear within 5 to 7 working days [2].\n\nBest regards,\nSam Rivera";
        assertThat(states.values()).containsExactly(State.NONE, State.DRAFTING, State.READY);
        assertThat(text.values()).containsExactly("", "Hi Maria,", "Hi Maria,\n\nCard refunds appear within ",
                "Hi Maria,\n\nCard refunds appear within 5 to 7 working days [2].", expected);
        assertThat(status.values()).contains("Drafting with " + WorkspaceFixture.MODEL + " at 127.0.0.1…",
                "Drafted by " + WorkspaceFixture.MODEL + ".");
        Draft draft = workspace.suggestion().suggestion().orElseThrow().draft();
        assertThat(draft.mode()).isEqualTo("llm");
        assertThat(draft.text()).isEqualTo(expected);
        assertThat(workspace.suggestion().citations()).extracting(c -> c.articleId()).containsExactly("billing/refunds");
        assertThat(workspace.editor().text()).isEqualTo(expected);
        assertThat(workspace.editor().aiTextProperty().get()).isTrue();
        assertThat(workspace.offlineProperty().get()).isFalse();
        assertThat(workspace.modelStatusProperty().get()).isEqualTo(MODEL_STATUS);
        assertThat(workspace.summary().summary()).hasValueSatisfying(s -> {
            assertThat(s.mode()).isEqualTo("llm");
            assertThat(s.intent()).isEqualTo("Refund timing");
        });
        assertThat(fixture.drafts().listForTicket(REFUND)).singleElement()
                .satisfies(stored -> assertThat(stored.id()).isEqualTo(draft.id()));
        assertThat(server.requests()).hasSize(2);
        assertThat(server.lastRequest().json().path("stream").asBoolean()).isTrue();
        assertThat(runner.ran()).containsExactly("open " + REFUND, "articles for " + REFUND, "summarise " + REFUND,
                "suggest a reply for " + REFUND);
    }

    @Test
    void aRateLimitShowsRetryingAndThenTheSuggestion() {
        server.enqueue(summaryReply("Refund timing"), status(429).retryAfter(Duration.ZERO),
                stream("Hi Maria,", " your refund is on its way."));
        History<State> states = History.of(workspace.suggestion().stateProperty());
        History<String> status = History.of(workspace.suggestion().statusProperty());
        History<String> modelStatus = History.of(workspace.modelStatusProperty());

        workspace.open(REFUND);
        untilTheSuggestionIs(State.READY);

        assertThat(states.values()).containsExactly(State.NONE, State.DRAFTING, State.RETRYING, State.DRAFTING,
                State.READY);
        assertThat(status.values()).anySatisfy(line -> assertThat(line).startsWith("Retrying: "));
        assertThat(modelStatus.values()).anySatisfy(line -> assertThat(line).startsWith("Model retrying: "));
        assertThat(workspace.modelStatusProperty().get()).as("back to normal once it answered").isEqualTo(MODEL_STATUS);
        assertThat(workspace.suggestion().textProperty().get()).isEqualTo("Hi Maria, your refund is on its way.");
        assertThat(workspace.editor().text()).isEqualTo("Hi Maria, your refund is on its way.");
        assertThat(server.requests()).hasSize(3);
        assertThat(runner.ran()).contains("suggest a reply for " + REFUND);
    }

    @Test
    void aFailingModelEndsInAnOfflineDraftThatSaysWhyAndTheEditorStillWorks() {
        server.enqueue(summaryReply("Refund timing"), status(500).retryAfter(Duration.ZERO),
                status(500).retryAfter(Duration.ZERO));
        History<State> states = History.of(workspace.suggestion().stateProperty());

        workspace.open(REFUND);
        untilTheSuggestionIs(State.READY);

        assertThat(states.values()).containsExactly(State.NONE, State.DRAFTING, State.RETRYING, State.READY);
        Draft draft = workspace.suggestion().suggestion().orElseThrow().draft();
        assertThat(draft.mode()).isEqualTo("offline");
        assertThat(workspace.suggestion().suggestion().orElseThrow().modelProblem())
                .hasValueSatisfying(problem -> assertThat(problem).startsWith("the model's server failed"));
        assertThat(workspace.suggestion().statusProperty().get())
                .startsWith("The model failed (the model's server failed")
                .endsWith("): this is an offline draft.");
        assertThat(workspace.modelStatusProperty().get()).startsWith("Model failed: the model's server failed");
        assertThat(workspace.editor().text()).isEqualTo(draft.text()).startsWith("Hi Maria,");

        workspace.editorChanged(draft.text() + "\n\nP.S. Your jacket has been checked already.");

        assertThat(workspace.editor().aiTextProperty().get()).isFalse();
        assertThat(workspace.editor().canSendProperty().get()).isTrue();
        assertThat(fixture.drafts().find(draft.id())).hasValueSatisfying(stored ->
                assertThat(stored.draft().state()).isEqualTo(DraftState.EDITED));
        assertThat(server.requests()).hasSize(3);
        assertThat(runner.ran()).contains("suggest a reply for " + REFUND, "stamp the first edit of " + draft.id());
    }

    @Test
    void aRefusedApiKeyIsNotRetriedAndSaysSo() {
        server.enqueue(summaryReply("Refund timing"), status(401));
        History<State> states = History.of(workspace.suggestion().stateProperty());

        workspace.open(REFUND);
        untilTheSuggestionIs(State.READY);

        assertThat(states.values()).containsExactly(State.NONE, State.DRAFTING, State.READY);
        assertThat(workspace.modelStatusProperty().get()).startsWith("Model failed: the API key was refused");
        assertThat(workspace.suggestion().suggestion().orElseThrow().offline()).isTrue();
        assertThat(server.requests()).hasSize(2);
        assertThat(runner.ran()).contains("suggest a reply for " + REFUND);
    }

    @Test
    void leavingATicketWhileItsSuggestionStreamsCancelsItAndItsLateTextNeverReachesTheNextTicket() throws Exception {
        server.enqueue(summaryReply("Refund timing"),
                stream("Hi Maria,", " card refunds take 5 to 7 working days.").holdAfter(1),
                summaryReply("Parcel location"), stream("Hi Alex,", " we opened an investigation with the carrier."));
        workspace.open(REFUND);
        Poll.until(BOUND, "the first words of the refund suggestion are on their way", () -> runner.pendingUi() > 0);
        History<String> text = History.of(workspace.suggestion().textProperty());
        History<State> states = History.of(workspace.suggestion().stateProperty());

        workspace.open(PARCEL);
        untilTheSuggestionIs(State.READY);
        server.releaseHeldStreams();
        assertThat(server.awaitIdle(BOUND)).isTrue();
        runner.runPendingUi();

        assertThat(text.values()).noneSatisfy(value -> assertThat(value).contains("Maria"));
        assertThat(states.values()).containsExactly(State.DRAFTING, State.NONE, State.DRAFTING, State.READY);
        assertThat(workspace.openTicketIdProperty().get()).isEqualTo(PARCEL);
        assertThat(workspace.suggestion().textProperty().get())
                .isEqualTo("Hi Alex, we opened an investigation with the carrier.");
        assertThat(workspace.editor().text()).isEqualTo("Hi Alex, we opened an investigation with the carrier.");
        assertThat(fixture.drafts().listForTicket(REFUND)).as("the cancelled suggestion is never stored").isEmpty();
        assertThat(fixture.drafts().listForTicket(PARCEL)).hasSize(1);
        assertThat(runner.ran()).containsSubsequence("suggest a reply for " + REFUND, "open " + PARCEL,
                "suggest a reply for " + PARCEL);
    }

    @Test
    void aFailingSummaryFallsBackToTheExtractiveOneAndSaysWhy() {
        server.enqueue(reply("The customer wants to know about a refund."), stream("Hi Maria,", " your refund is on its way."));

        workspace.open(REFUND);
        untilTheSuggestionIs(State.READY);

        assertThat(workspace.summary().stateProperty().get()).isEqualTo(SummaryViewModel.State.READY);
        assertThat(workspace.summary().summary()).hasValueSatisfying(s -> assertThat(s.mode()).isEqualTo("offline"));
        assertThat(workspace.summary().noteProperty().get()).startsWith("The model failed (")
                .endsWith("): extractive summary.");
        assertThat(runner.ran()).contains("summarise " + REFUND);
    }

    @Test
    void sendingAReplyWhileTheSuggestionStreamsStopsItSoNothingLandsInTheEmptiedEditor() throws Exception {
        server.enqueue(summaryReply("Refund timing"),
                stream("Hi Maria,", " card refunds take 5 to 7 working days.").holdAfter(1));
        List<ApprovalOutcome> outcomes = new ArrayList<>();
        workspace.open(REFUND);
        Poll.until(BOUND, "the first words of the suggestion are on their way", () -> runner.pendingUi() > 0);
        workspace.editorChanged("Hi Maria, your refund was issued this morning. Sam");

        workspace.approveAndSend(false, outcomes::add);
        server.releaseHeldStreams();
        assertThat(server.awaitIdle(BOUND)).isTrue();
        runner.runPendingUi();

        assertThat(outcomes).singleElement().isInstanceOf(ApprovalOutcome.Sent.class);
        assertThat(workspace.editor().text()).isEmpty();
        assertThat(workspace.editor().draft()).isEmpty();
        assertThat(workspace.suggestion().state()).isEqualTo(State.NONE);
        assertThat(workspace.suggestion().textProperty().get()).isEmpty();
        assertThat(fixture.drafts().listForTicket(REFUND)).as("the stopped suggestion is never stored").isEmpty();
        assertThat(runner.ran()).contains("suggest a reply for " + REFUND, "approve and send for " + REFUND);
    }
}
