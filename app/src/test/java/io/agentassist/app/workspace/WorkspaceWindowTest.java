package io.agentassist.app.workspace;

import static io.agentassist.core.testsupport.FakeResponse.stream;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentassist.app.FxToolkit;
import io.agentassist.app.knowledge.KnowledgeBase;
import io.agentassist.app.tasks.BackgroundTaskRunner;
import io.agentassist.core.llm.ModelSettings;
import io.agentassist.core.model.Author;
import io.agentassist.core.model.Draft;
import io.agentassist.core.model.DraftState;
import io.agentassist.core.model.Message;
import io.agentassist.core.persistence.StoredDraft;
import io.agentassist.core.testsupport.FakeOpenAiServer;
import io.agentassist.core.tickets.TicketUpdate;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real window (WorkspaceView on a Stage, JavaFX's headless platform in CI) over real services: an
 * embedded database, a Lucene index, the real background task runner. The tests act as an agent does —
 * select in the queue, type in the editor, press the buttons and shortcuts — and read what the scene shows.
 */
class WorkspaceWindowTest {
    private static final Duration BOUND = Duration.ofSeconds(20);

    private static final KnowledgeBase knowledge = WorkspaceFixture.sharedKnowledge();

    @TempDir
    Path data;

    private WorkspaceFixture fixture;
    private BackgroundTaskRunner runner;
    private WorkspaceViewModel workspace;
    private Stage stage;
    private Scene scene;

    @BeforeAll
    static void startJavaFx() {
        FxToolkit.start();
    }

    @AfterEach
    void closeTheWindow() throws Exception {
        if (stage != null) {
            FxToolkit.onFxThread(() -> {
                Window.getWindows().stream().filter(w -> w != stage).toList().forEach(Window::hide);
                stage.close();
                return null;
            });
        }
        if (runner != null) {
            runner.close();
        }
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void openingATicketShowsItsArticlesSummaryAndAnOfflineDraftInTheEditor() throws Exception {
        show(WorkspaceFixture.builder(data, knowledge).open());

        select(WorkspaceFixture.REFUND);

        await("articles listed", () -> !children(CopilotView.ARTICLES_ID).isEmpty());
        assertThat(fx(() -> ((Label) firstLabel(CopilotView.ARTICLES_ID)).getText())).isNotBlank();
        await("summary shown", () -> children(CopilotView.SUMMARY_ID).size() > 1);
        await("draft in the editor", () -> !editor().getText().isBlank());
        assertThat(fx(() -> editor().getText())).isEqualTo(fx(() -> label(CopilotView.SUGGESTION_ID).getText()));
        assertThat(fx(() -> lookup(ReplyEditorView.AI_BADGE_ID).isVisible())).as("marked as AI text").isTrue();
        assertThat(fx(() -> label(CopilotView.SUGGESTION_STATE_ID).getText())).contains("Offline draft");
    }

    @Test
    void aDraftStreamsInFromAnOpenAiCompatibleServer() throws Exception {
        try (FakeOpenAiServer server = FakeOpenAiServer.start()) {
            server.enqueue(WorkspaceFixture.summaryReply("When will my refund arrive"));
            server.enqueueForStreaming(stream("Hi Maria,\n\n", "Refunds reach your card ", "within 10 working days [1].")
                    .holdAfter(1));
            show(WorkspaceFixture.builder(data, knowledge).model(server).open());

            select(WorkspaceFixture.REFUND);

            await("first piece shown while drafting", () -> label(CopilotView.SUGGESTION_ID).getText().startsWith("Hi Maria"));
            assertThat(fx(() -> label(CopilotView.SUGGESTION_STATE_ID).getText())).startsWith("Drafting with");
            assertThat(fx(() -> editor().getText())).as("the editor waits for the finished draft").isEmpty();
            server.releaseHeldStreams();
            await("finished draft in the editor", () -> editor().getText().contains("within 10 working days [1]."));
            assertThat(fx(() -> label(CopilotView.SUGGESTION_STATE_ID).getText())).isEqualTo("Drafted by gpt-test.");
            assertThat(fx(() -> children(CopilotView.CITATIONS_ID))).hasSize(1);
        }
    }

    @Test
    void editApproveAndSendRecordsTheSentMessageAndItsAuditEntry() throws Exception {
        show(WorkspaceFixture.builder(data, knowledge).open());
        select(WorkspaceFixture.REFUND);
        await("draft in the editor", () -> !editor().getText().isBlank());
        Draft draft = fx(() -> workspace.editor().draft().orElseThrow());

        fx(() -> {
            editor().appendText("\nPS: we have your parcel.");
            return null;
        });
        fx(() -> {
            button(ReplyEditorView.SEND_ID).fire();
            return null;
        });

        await("the sent reply in the conversation", () -> workspace.conversation().messages().stream()
                .anyMatch(m -> m.author() == Author.AGENT));
        Message sent = fx(() -> workspace.conversation().messages().getLast());
        assertThat(sent.text()).endsWith("PS: we have your parcel.");
        StoredDraft stored = fixture.drafts().find(draft.id()).orElseThrow();
        assertThat(stored.draft().state()).isEqualTo(DraftState.SENT);
        assertThat(stored.draft().aiText()).isEqualTo(draft.aiText());
        assertThat(stored.editRatio()).isPresent();
        assertThat(stored.editRatio().getAsDouble()).isGreaterThan(0);
        assertThat(fixture.outboxFiles()).hasSize(1);
        assertThat(fx(() -> editor().getText())).isEmpty();
    }

    @Test
    void nothingIsSentWithoutTheAgentsApprovalAndUncheckedFlagsAskFirst() throws Exception {
        show(WorkspaceFixture.builder(data, knowledge).open());
        select(WorkspaceFixture.BEREAVEMENT);
        await("draft in the editor", () -> !editor().getText().isBlank());
        assertThat(fx(() -> workspace.suggestion().flags().stream().anyMatch(FlagItem::blocking))).isTrue();

        fx(() -> {
            editor().appendText("\n\nI am so sorry for your loss.");
            return null;
        });
        Platform.runLater(() -> button(ReplyEditorView.SEND_ID).fire());
        DialogPane confirmation = awaitDialog();
        assertThat(fx(confirmation::getHeaderText)).contains("flags");
        Platform.runLater(() -> ((Button) confirmation.lookupButton(ButtonType.CANCEL)).fire());
        await("dialog closed", () -> openDialog().isEmpty());

        assertThat(fixture.outboxFiles()).as("cancelled: nothing queued").isEmpty();
        assertThat(fixture.tickets().find(WorkspaceFixture.BEREAVEMENT).orElseThrow().messages())
                .noneMatch(m -> m.author() == Author.AGENT);

        Platform.runLater(() -> scene.getAccelerators().get(Shortcut.APPROVE_AND_SEND.keys()).run());
        DialogPane again = awaitDialog();
        ButtonType sendAnyway = fx(() -> again.getButtonTypes().stream()
                .filter(b -> b.getText().equals("Send anyway")).findFirst().orElseThrow());
        Platform.runLater(() -> ((Button) again.lookupButton(sendAnyway)).fire());
        await("sent after confirming", () -> fixture.outboxFiles().size() == 1);
    }

    @Test
    void theDraftIsMarkedStaleWhenTheCustomerWritesAgainAndTheAgentsTextStays() throws Exception {
        show(WorkspaceFixture.builder(data, knowledge).open());
        select(WorkspaceFixture.REFUND);
        await("draft in the editor", () -> !editor().getText().isBlank());
        fx(() -> {
            editor().setText("Hi Maria, let me look into your refund.");
            return null;
        });

        TicketUpdate update = fixture.customerWrites(WorkspaceFixture.REFUND, "Also, can I return a second jacket?");
        runner.onUi(() -> workspace.ticketChanged(update));

        await("stale banner", () -> lookup(ReplyEditorView.STALE_ID).isVisible());
        assertThat(fx(() -> editor().getText())).isEqualTo("Hi Maria, let me look into your refund.");
        await("the new message in the conversation", () -> workspace.conversation().messages().getLast().text()
                .equals("Also, can I return a second jacket?"));
        await("a fresh suggestion beside it", () -> workspace.suggestion().state() == SuggestionViewModel.State.READY
                && !workspace.suggestion().suggestion().orElseThrow().draft().id()
                .equals(workspace.editor().draft().map(Draft::id).orElse("")));
    }

    @Test
    void aFailingModelLeavesAUsableEditorWithTheReasonShown() throws Exception {
        ModelSettings unreachable = new ModelSettings("http://127.0.0.1:9/v1", "", "gpt-test", Duration.ofSeconds(2), 0);
        show(WorkspaceFixture.builder(data, knowledge).model(unreachable).open());

        select(WorkspaceFixture.REFUND);

        await("offline draft stands in", () -> label(CopilotView.SUGGESTION_STATE_ID).getText().startsWith("The model failed"));
        assertThat(fx(() -> editor().isDisabled())).isFalse();
        assertThat(fx(() -> editor().getText())).isNotBlank();
        assertThat(fx(() -> label(WorkspaceView.MODEL_STATUS_ID).getText())).startsWith("Model failed");
        fx(() -> {
            editor().setText("I will check and write back today.");
            return null;
        });
        assertThat(fx(() -> button(ReplyEditorView.SEND_ID).isDisabled())).isFalse();
    }

    // The window and how to reach into it

    private void show(WorkspaceFixture opened) throws Exception {
        fixture = opened;
        runner = new BackgroundTaskRunner(4);
        workspace = fixture.viewModel(runner);
        fx(() -> {
            var view = new WorkspaceView(workspace, new KnowledgeIndexViewModel(), () -> { }, () -> { });
            scene = new Scene(view.build(), 1300, 820);
            view.installShortcuts(scene);
            stage = new Stage();
            stage.setScene(scene);
            stage.show();
            workspace.start();
            return null;
        });
        await("queue loaded", () -> !queueList().getItems().isEmpty());
    }

    private void select(String ticketId) throws Exception {
        fx(() -> {
            ListView<QueueItem> list = queueList();
            list.getItems().stream().filter(i -> i.ticketId().equals(ticketId)).findFirst()
                    .ifPresent(list.getSelectionModel()::select);
            return null;
        });
    }

    @SuppressWarnings("unchecked")
    private ListView<QueueItem> queueList() {
        return (ListView<QueueItem>) lookup(QueueView.LIST_ID);
    }

    private TextArea editor() {
        return (TextArea) lookup(ReplyEditorView.TEXT_ID);
    }

    private Label label(String id) {
        return (Label) lookup(id);
    }

    private Button button(String id) {
        return (Button) lookup(id);
    }

    private Node lookup(String id) {
        Node node = scene.getRoot().lookup("#" + id);
        assertThat(node).as("#" + id).isNotNull();
        return node;
    }

    private List<Node> children(String id) {
        return List.copyOf(((Pane) lookup(id)).getChildren());
    }

    private Node firstLabel(String id) {
        return ((Parent) children(id).getFirst()).getChildrenUnmodifiable().getFirst();
    }

    private Optional<DialogPane> openDialog() {
        return Window.getWindows().stream().filter(w -> w != stage && w.isShowing())
                .map(w -> w.getScene().getRoot()).filter(DialogPane.class::isInstance).map(DialogPane.class::cast)
                .findFirst();
    }

    private DialogPane awaitDialog() throws Exception {
        await("a confirmation dialog", () -> openDialog().isPresent());
        return fx(() -> openDialog().orElseThrow());
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        return FxToolkit.onFxThread(work);
    }

    private static void await(String what, Callable<Boolean> condition) throws Exception {
        FxToolkit.await(what, BOUND, condition);
    }
}
