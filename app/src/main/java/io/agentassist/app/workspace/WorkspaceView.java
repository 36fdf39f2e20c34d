package io.agentassist.app.workspace;

import atlantafx.base.theme.Styles;
import io.agentassist.core.assist.reply.RephraseService.Tone;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The agent's window content: header, queue | conversation and editor | co-pilot, status bar, and the
 * shortcut help overlay. Builds the scene graph and binds it to the view models; decisions are theirs.
 */
public final class WorkspaceView {
    public static final String STYLESHEET = WorkspaceView.class.getResource("workspace.css").toExternalForm();
    public static final String HELP_ID = "help-overlay";
    public static final String INDEX_STATUS_ID = "index-status";
    public static final String MODEL_STATUS_ID = "model-status";

    private final WorkspaceViewModel workspace;
    private final KnowledgeIndexViewModel knowledge;
    private final Runnable openSettings;
    private final Runnable toggleTheme;
    private final QueueView queue;
    private final ConversationView conversation;
    private final ReplyEditorView editor;
    private final CopilotView copilot;
    private SplitPane columns;
    private SplitPane centre;
    private VBox help;
    private BorderPane frame;
    private HBox header;

    public WorkspaceView(WorkspaceViewModel workspace, KnowledgeIndexViewModel knowledge, Runnable openSettings,
                         Runnable toggleTheme) {
        this.workspace = workspace;
        this.knowledge = knowledge;
        this.openSettings = openSettings;
        this.toggleTheme = toggleTheme;
        this.queue = new QueueView(workspace.queue(), workspace::open);
        this.conversation = new ConversationView(workspace.conversation());
        this.editor = new ReplyEditorView(workspace, this::approve);
        this.copilot = new CopilotView(workspace, text -> editor.insertAtCaret(text));
    }

    public Parent build() {
        centre = new SplitPane(conversation.build(), editor.build());
        centre.setOrientation(javafx.geometry.Orientation.VERTICAL);
        centre.setDividerPositions(0.58);
        columns = new SplitPane(queue.build(), centre, copilot.build());
        columns.setDividerPositions(0.24, 0.62);
        workspace.openTicketIdProperty().subscribe(queue::select);

        frame = new BorderPane(columns, header(), null, statusBar(), null);
        frame.getStyleClass().add("workspace");
        help = helpOverlay();
        var root = new StackPane(frame, help);
        root.getStylesheets().add(STYLESHEET);
        return root;
    }

    /** The split positions, to remember them: the columns' two dividers, then the centre's one. */
    public double[] dividerPositions() {
        double[] outer = columns.getDividerPositions();
        double[] inner = centre.getDividerPositions();
        return new double[] {outer[0], outer[1], inner[0]};
    }

    public void restoreDividers(double[] positions) {
        if (positions != null && positions.length == 3) {
            columns.setDividerPositions(positions[0], positions[1]);
            centre.setDividerPositions(positions[2]);
        }
    }

    /** Puts a control into the header, after the tagline (the team lead's mode switch). */
    public void addHeaderControl(Node control) {
        header.getChildren().add(2, control);
    }

    /** Adds a card to the co-pilot pane, below the suggestion (the agent's coaching). */
    public void addCopilotCard(Node card) {
        copilot.addCard(card);
    }

    /** Shows another mode's content in place of the agent workspace; {@code null} brings the workspace back. */
    public void showInstead(Node content) {
        frame.setCenter(content == null ? columns : content);
    }

    /** Whether the agent workspace is what the window shows. */
    public boolean workspaceShowing() {
        return frame.getCenter() == columns;
    }

    /** Installs every shortcut of {@link Shortcut} on the scene. */
    public void installShortcuts(Scene scene) {
        Map<Shortcut, Runnable> actions = new EnumMap<>(Shortcut.class);
        actions.put(Shortcut.APPROVE_AND_SEND, this::approve);
        actions.put(Shortcut.USE_SUGGESTION, workspace::useSuggestion);
        actions.put(Shortcut.REGENERATE, workspace::regenerate);
        actions.put(Shortcut.SHORTER, () -> workspace.rephrase(Tone.SHORTER));
        actions.put(Shortcut.FRIENDLIER, () -> workspace.rephrase(Tone.FRIENDLIER));
        actions.put(Shortcut.MORE_FORMAL, () -> workspace.rephrase(Tone.MORE_FORMAL));
        actions.put(Shortcut.THUMBS_UP, () -> workspace.rate(true, "helpful"));
        actions.put(Shortcut.THUMBS_DOWN, copilot::thumbsDown);
        actions.put(Shortcut.NEXT_TICKET, () -> workspace.openNeighbour(1));
        actions.put(Shortcut.PREVIOUS_TICKET, () -> workspace.openNeighbour(-1));
        actions.put(Shortcut.FILTER_QUEUE, queue::focusFilter);
        actions.put(Shortcut.SEARCH_ARTICLES, copilot::focusArticleSearch);
        actions.put(Shortcut.FOCUS_EDITOR, editor::focus);
        List<Shortcut> citations = List.of(Shortcut.OPEN_CITATION_1, Shortcut.OPEN_CITATION_2,
                Shortcut.OPEN_CITATION_3, Shortcut.OPEN_CITATION_4, Shortcut.OPEN_CITATION_5);
        for (int i = 0; i < citations.size(); i++) {
            int marker = i + 1;
            actions.put(citations.get(i), () -> workspace.suggestion().citations().stream()
                    .filter(c -> c.marker() == marker).findFirst().ifPresent(workspace::openCitation));
        }
        actions.put(Shortcut.TOGGLE_DARK, toggleTheme);
        actions.put(Shortcut.SETTINGS, openSettings);
        actions.put(Shortcut.HELP, this::toggleHelp);
        actions.put(Shortcut.HELP_ALT, this::toggleHelp);
        var everywhere = List.of(Shortcut.TOGGLE_DARK, Shortcut.SETTINGS, Shortcut.HELP, Shortcut.HELP_ALT);
        // In another mode the workspace is hidden: its shortcuts (approve & send above all) do nothing there.
        actions.forEach((shortcut, action) -> scene.getAccelerators().put(shortcut.keys(),
                everywhere.contains(shortcut) ? action : () -> {
                    if (workspaceShowing()) {
                        action.run();
                    }
                }));
        scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == javafx.scene.input.KeyCode.ESCAPE && help.isVisible()) {
                help.setVisible(false);
                event.consume();
            }
        });
    }

    public void focusQueue() {
        queue.focusFilter();
    }

    /** Approve & send: asks first when the view model says confirmation is needed. */
    void approve() {
        workspace.approveAndSend(false, outcome -> {
            if (outcome instanceof ApprovalOutcome.NeedsConfirmation needs && confirm(needs)) {
                workspace.approveAndSend(true, ignored -> { });
            }
        });
    }

    private boolean confirm(ApprovalOutcome.NeedsConfirmation needs) {
        var alert = new Alert(Alert.AlertType.WARNING);
        alert.initOwner(columns.getScene().getWindow());
        alert.setTitle("Check before sending");
        alert.setHeaderText(needs.stale() && needs.unresolvedFlags().isEmpty()
                ? "The customer wrote again after this reply was started."
                : "Some flags are not checked off yet.");
        String flags = needs.unresolvedFlags().stream()
                .map(f -> "• " + f.title() + (f.detail().isBlank() ? "" : ": " + f.detail()))
                .collect(Collectors.joining("\n"));
        alert.setContentText((needs.stale() ? "Make sure the reply still fits the newest message; it is sent as "
                + "your own reply.\n\n" : "") + flags + (flags.isEmpty() ? "" : "\n\n") + "Send it anyway?");
        var send = new ButtonType("Send anyway", ButtonBar.ButtonData.OK_DONE);
        alert.getButtonTypes().setAll(ButtonType.CANCEL, send);
        ((Button) alert.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        ((Button) alert.getDialogPane().lookupButton(send)).setDefaultButton(false);
        return alert.showAndWait().filter(send::equals).isPresent();
    }

    private HBox header() {
        var name = new Label("Agent Assist");
        name.getStyleClass().add(Styles.TITLE_3);
        var tagline = new Label("You approve every reply. Nothing is sent without you.");
        tagline.getStyleClass().add(Styles.TEXT_MUTED);
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var offline = new Label("Offline mode");
        offline.getStyleClass().addAll("chip", "offline-chip");
        offline.visibleProperty().bind(workspace.offlineProperty());
        offline.managedProperty().bind(offline.visibleProperty());
        var theme = new Button("Theme");
        theme.setTooltip(new javafx.scene.control.Tooltip("Light / dark (Ctrl+D)"));
        theme.setOnAction(e -> toggleTheme.run());
        var settings = new Button("Settings");
        settings.setTooltip(new javafx.scene.control.Tooltip("Ctrl+,"));
        settings.setOnAction(e -> openSettings.run());
        var shortcuts = new Button("Shortcuts");
        shortcuts.setTooltip(new javafx.scene.control.Tooltip("F1"));
        shortcuts.setOnAction(e -> toggleHelp());
        for (Button b : List.of(theme, settings, shortcuts)) {
            b.getStyleClass().add(Styles.FLAT);
        }
        header = new HBox(12, name, tagline, spacer, offline, theme, settings, shortcuts);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("workspace-header");
        return header;
    }

    private HBox statusBar() {
        var progress = new ProgressBar();
        progress.setPrefWidth(160);
        progress.progressProperty().bind(knowledge.progressProperty());
        progress.visibleProperty().bind(knowledge.progressProperty().greaterThanOrEqualTo(0));
        progress.managedProperty().bind(progress.visibleProperty());
        var index = new Label();
        index.setId(INDEX_STATUS_ID);
        index.textProperty().bind(knowledge.statusProperty());
        index.getStyleClass().add(Styles.TEXT_SMALL);
        knowledge.failedProperty().subscribe(failed -> {
            index.getStyleClass().remove(Styles.DANGER);
            if (failed) {
                index.getStyleClass().add(Styles.DANGER);
            }
        });
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var model = new Label();
        model.setId(MODEL_STATUS_ID);
        model.textProperty().bind(workspace.modelStatusProperty());
        model.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        var bar = new HBox(8, progress, index, spacer, model);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    private VBox helpOverlay() {
        var grid = new GridPane(24, 6);
        int row = 0;
        for (Shortcut shortcut : Shortcut.values()) {
            if (!shortcut.listed()) {
                continue;
            }
            var keys = new Label(shortcut.keys().getDisplayText());
            keys.getStyleClass().addAll("chip", "key");
            grid.addRow(row++, keys, new Label(shortcut.description()));
        }
        var title = new Label("Keyboard shortcuts");
        title.getStyleClass().add(Styles.TITLE_3);
        var hint = new Label("Esc closes this. Every action is also a button.");
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        var card = new VBox(12, title, grid, hint);
        card.getStyleClass().addAll("card", "help-card");
        card.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        var overlay = new VBox(card);
        overlay.setAlignment(Pos.CENTER);
        overlay.setId(HELP_ID);
        overlay.getStyleClass().add("help-overlay");
        overlay.setVisible(false);
        overlay.setOnMouseClicked(e -> {
            if (e.getTarget() == overlay) {
                overlay.setVisible(false);
            }
        });
        return overlay;
    }

    private void toggleHelp() {
        help.setVisible(!help.isVisible());
    }
}
