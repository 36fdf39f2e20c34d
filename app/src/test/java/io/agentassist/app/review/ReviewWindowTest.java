package io.agentassist.app.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentassist.app.FxToolkit;
import io.agentassist.app.knowledge.KnowledgeBase;
import io.agentassist.app.tasks.BackgroundTaskRunner;
import io.agentassist.app.workspace.ApprovalOutcome;
import io.agentassist.app.workspace.KnowledgeIndexViewModel;
import io.agentassist.app.workspace.Shortcut;
import io.agentassist.app.workspace.WorkspaceFixture;
import io.agentassist.app.workspace.WorkspaceView;
import io.agentassist.app.workspace.WorkspaceViewModel;
import io.agentassist.core.llm.OfflineModel;
import io.agentassist.core.persistence.JdbcReviewStore;
import io.agentassist.core.review.ArticleDraftFolder;
import io.agentassist.core.review.GapArticleDrafter;
import io.agentassist.core.review.GapGrouping;
import io.agentassist.core.review.ReviewDesk;
import io.agentassist.core.review.ReviewSeed;
import io.agentassist.core.review.SentReply;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A team lead in the real window (JavaFX's headless platform) over real services: the week {@link ReviewSeed}
 * writes through the real desks, plus whatever the agent sends in the test. The lead switches modes with the
 * header toggle and shortcuts, filters the table, opens a diff and scores a reply; the agent then reads the
 * coaching beside the ticket.
 */
class ReviewWindowTest {
    private static final Duration BOUND = Duration.ofSeconds(20);
    private static final String LEAD = "Morgan Lee";

    private static final KnowledgeBase knowledge = WorkspaceFixture.sharedKnowledge();

    @TempDir
    Path data;

    private WorkspaceFixture fixture;
    private BackgroundTaskRunner runner;
    private WorkspaceViewModel workspace;
    private ReviewFilterModel filter;
    private JdbcReviewStore store;
    private Stage stage;
    private Scene scene;

    @BeforeAll
    static void startJavaFx() {
        FxToolkit.start();
    }

    @BeforeEach
    void showTheWindowOfALead() throws Exception {
        fixture = WorkspaceFixture.builder(data, knowledge).open();
        ReviewSeed.seed(fixture.database(), data.resolve("seed"));
        store = new JdbcReviewStore(fixture.database());
        runner = new BackgroundTaskRunner(4);
        workspace = fixture.viewModel(runner);
        ReviewDesk desk = new ReviewDesk(store, new GapGrouping(),
                new GapArticleDrafter(new OfflineModel(), fixture.clock(), ZoneOffset.UTC), fixture.clock());
        filter = new ReviewFilterModel(LocalDate.ofInstant(WorkspaceFixture.NOW, ZoneOffset.UTC), ZoneOffset.UTC);
        var review = new ReviewViewModel(runner, desk, filter, LEAD);
        var dashboard = new DashboardViewModel(runner, desk, filter,
                new ArticleDraftFolder(data.resolve("article-drafts"), List.of(WorkspaceFixture.knowledgeFolder())));
        var coaching = new CoachingViewModel(runner, desk::coachingFor, WorkspaceFixture.AGENT.name());
        fx(() -> {
            var view = new WorkspaceView(workspace, new KnowledgeIndexViewModel(), () -> { }, () -> { });
            scene = new Scene(view.build(), 1400, 900);
            view.installShortcuts(scene);
            view.addCopilotCard(new CoachingView(coaching, ZoneOffset.UTC).card());
            var modes = new LeadModes(view, review, dashboard);
            modes.install();
            modes.installShortcuts(scene);
            workspace.openTicketIdProperty().subscribe(coaching::ticketOpened);
            stage = new Stage();
            stage.setScene(scene);
            stage.show();
            workspace.start();
            return null;
        });
    }

    @AfterEach
    void closeTheWindow() throws Exception {
        if (stage != null) {
            fx(() -> {
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
    void theLeadFiltersTheTableByDatesAndAgent() throws Exception {
        fx(() -> {
            toggle(LeadModes.REVIEW_ID).fire();
            filter.fromProperty().set(LocalDate.of(2026, 3, 2));
            filter.toProperty().set(LocalDate.of(2026, 3, 8));
            return null;
        });
        await("the seeded week in the table", () -> table().getItems().size() == 8);
        assertThat(fx(() -> label(ReviewView.STATUS_ID).getText())).startsWith("8 replies sent");

        fx(() -> {
            ComboBox<ReviewFilterBar.Option<String>> agent = combo(ReviewFilterBar.AGENT_ID);
            agent.getSelectionModel().select(agent.getItems().stream()
                    .filter(o -> "ben".equals(o.value())).findFirst().orElseThrow());
            return null;
        });

        await("ben's replies only", () -> table().getItems().size() == 3
                && table().getItems().stream().allMatch(r -> r.agent().equals("ben")));
        assertThat(fx(() -> table().getItems().stream().map(SentReply::draftId).toList()))
                .as("newest first").containsExactly("D8", "D4", "D3");
    }

    @Test
    void openingARowShowsTheWordDiffWithDeletionsAndInsertions() throws Exception {
        fx(() -> {
            scene.getAccelerators().get(Shortcut.MODE_REVIEW.keys()).run();
            filter.fromProperty().set(LocalDate.of(2026, 3, 2));
            filter.toProperty().set(LocalDate.of(2026, 3, 8));
            return null;
        });
        await("rows", () -> table().getItems().size() == 8);

        fx(() -> {
            table().getSelectionModel().select(table().getItems().stream()
                    .filter(r -> r.draftId().equals("D3")).findFirst().orElseThrow());
            return null;
        });

        await("the diff", () -> diffStyles().contains(ReviewView.DIFF_DELETE)
                && diffStyles().contains(ReviewView.DIFF_INSERT));
        String deleted = fx(() -> texts(ReviewView.DIFF_DELETE));
        String inserted = fx(() -> texts(ReviewView.DIFF_INSERT));
        assertThat(deleted).matches("0+");
        assertThat(inserted).matches("9+");
        assertThat(fx(() -> lookup(ReviewView.DETAIL_ID).lookupAll(".figure-value").stream()
                .map(n -> ((Label) n).getText()).toList())).contains("50 %", "5 min 00 s");
    }

    @Test
    void theLeadScoresAReplyAndTheAgentSeesTheCoachingOnThatTicket() throws Exception {
        // The agent answers a ticket in agent mode.
        fx(() -> {
            workspace.open(WorkspaceFixture.REFUND);
            return null;
        });
        await("draft in the editor", () -> !workspace.editor().textProperty().get().isBlank());
        AtomicReference<ApprovalOutcome> outcome = new AtomicReference<>();
        fx(() -> {
            workspace.approveAndSend(true, outcome::set);
            return null;
        });
        await("sent", () -> outcome.get() instanceof ApprovalOutcome.Sent);

        // The lead opens it in review mode, scores it and writes coaching.
        fx(() -> {
            scene.getAccelerators().get(Shortcut.MODE_REVIEW.keys()).run();
            return null;
        });
        // (Delivering it also delivers the seed's D12, approved in March and queued since: it is sent now too.)
        await("the agent's reply in the table", () -> table().getItems().stream()
                .anyMatch(r -> r.ticketId().equals(WorkspaceFixture.REFUND)));
        fx(() -> {
            table().getSelectionModel().select(table().getItems().stream()
                    .filter(r -> r.ticketId().equals(WorkspaceFixture.REFUND)).findFirst().orElseThrow());
            return null;
        });
        await("the rubric", () -> lookup(ReviewView.SAVE_ID).isVisible());
        fx(() -> {
            button(ReviewView.SAVE_ID).fire();
            return null;
        });
        assertThat(fx(() -> label(ReviewView.PROBLEM_ID).getText())).startsWith("Score accuracy");
        fx(() -> {
            for (String criterion : List.of("accuracy", "policy", "tone", "completeness")) {
                score(criterion, criterion.equals("tone") ? 3 : 5);
            }
            ((TextArea) lookup(ReviewView.COACHING_ID)).setText("Greet Maria by name; the refund times were spot on.");
            scene.getAccelerators().get(Shortcut.SAVE_REVIEW.keys()).run();
            return null;
        });
        await("saved", () -> label(ReviewView.STATUS_ID).getText().startsWith("Review saved"));
        assertThat(fx(() -> diffStyles())).as("the reply stays open after saving").isNotEmpty();
        String draftId = fx(() -> table().getSelectionModel().getSelectedItem().draftId());
        assertThat(fx(() -> table().getSelectionModel().getSelectedItem().latestReview())).isPresent();
        assertThat(store.reviewsOf(draftId)).singleElement().satisfies(review -> {
            assertThat(review.reviewer()).isEqualTo(LEAD);
            assertThat(review.rubric().tone()).isEqualTo(3);
        });

        // Back in agent mode, the agent sees the coaching beside that ticket.
        fx(() -> {
            toggle(LeadModes.AGENT_ID).fire();
            workspace.open(WorkspaceFixture.PARCEL);
            return null;
        });
        await("no coaching on another ticket", () -> !lookup(CoachingView.CARD_ID).isVisible());
        fx(() -> {
            workspace.open(WorkspaceFixture.REFUND);
            return null;
        });
        await("the coaching card", () -> lookup(CoachingView.CARD_ID).isVisible());
        assertThat(fx(() -> lookup(CoachingView.CARD_ID).lookupAll(".label").stream()
                .map(n -> ((Label) n).getText()).toList()))
                .contains("Greet Maria by name; the refund times were spot on.", "3 / 5")
                .anyMatch(text -> text.contains(LEAD));
    }

    @Test
    void theDashboardChartsTheSameFiltersFigures() throws Exception {
        fx(() -> {
            toggle(LeadModes.DASHBOARD_ID).fire();
            filter.fromProperty().set(LocalDate.of(2026, 3, 2));
            filter.toProperty().set(LocalDate.of(2026, 3, 8));
            return null;
        });
        await("seven days charted", () -> ((javafx.scene.chart.XYChart<?, ?>) lookup(DashboardView.USAGE_CHART_ID))
                .getData().getFirst().getData().size() == 7);
        assertThat(fx(() -> lookup(DashboardView.FIGURES_ID).lookupAll(".figure-value").stream()
                .map(n -> ((Label) n).getText()).findFirst().orElseThrow())).isEqualTo("10");
    }

    // The window and how to reach into it

    private void score(String criterion, int value) {
        var scale = (HBox) lookup("rubric-" + criterion);
        scale.getChildren().stream().map(ToggleButton.class::cast)
                .filter(b -> b.getText().equals(Integer.toString(value))).findFirst().orElseThrow().fire();
    }

    @SuppressWarnings("unchecked")
    private TableView<SentReply> table() {
        return (TableView<SentReply>) lookup(ReviewView.TABLE_ID);
    }

    @SuppressWarnings("unchecked")
    private <T> ComboBox<T> combo(String id) {
        return (ComboBox<T>) lookup(id);
    }

    private List<String> diffStyles() {
        return ((TextFlow) lookup(ReviewView.DIFF_ID)).getChildren().stream()
                .flatMap(n -> n.getStyleClass().stream()).distinct().toList();
    }

    private String texts(String style) {
        return String.join("", ((TextFlow) lookup(ReviewView.DIFF_ID)).getChildren().stream()
                .filter(n -> n.getStyleClass().contains(style)).map(n -> ((Text) n).getText()).toList());
    }

    private ToggleButton toggle(String id) {
        return (ToggleButton) lookup(id);
    }

    private Label label(String id) {
        return (Label) lookup(id);
    }

    private Button button(String id) {
        return (Button) lookup(id);
    }

    private Node lookup(String id) {
        Node node = ((Parent) scene.getRoot()).lookup("#" + id);
        assertThat(node).as("#" + id).isNotNull();
        return node;
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        return FxToolkit.onFxThread(work);
    }

    private static void await(String what, Callable<Boolean> condition) throws Exception {
        FxToolkit.await(what, BOUND, condition);
    }
}
