package io.agentassist.app.shell;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import javafx.geometry.Orientation;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The main window's frame: the agent's queue, the open conversation and the co-pilot side by side, with a
 * status bar. The three panes are placeholders that say what will appear in them.
 */
public final class ShellView {
    public static final String STYLESHEET = ShellView.class.getResource("shell.css").toExternalForm();

    // Style classes (see shell.css) and ids tests look up.
    static final String SHELL = "shell";
    static final String HEADER = "shell-header";
    static final String PANE = "shell-pane";
    static final String PANE_BODY = "shell-pane-body";
    static final String STATUS_BAR = "status-bar";
    public static final String QUEUE_ID = "queue-pane";
    public static final String CONVERSATION_ID = "conversation-pane";
    public static final String COPILOT_ID = "copilot-pane";
    public static final String STATUS_ID = "status-text";

    private final ShellViewModel model;

    public ShellView(ShellViewModel model) {
        this.model = model;
    }

    public Parent build() {
        var root = new BorderPane();
        root.getStyleClass().add(SHELL);
        root.getStylesheets().add(STYLESHEET);
        root.setTop(header());
        root.setCenter(panes());
        root.setBottom(statusBar());
        return root;
    }

    private HBox header() {
        var name = new Label("Agent Assist");
        name.getStyleClass().add(Styles.TITLE_3);
        var tagline = new Label("Suggested replies from your knowledge base. You approve every reply.");
        tagline.getStyleClass().add(Styles.TEXT_MUTED);
        var header = new HBox(12, name, new Separator(Orientation.VERTICAL), tagline);
        header.getStyleClass().add(HEADER);
        return header;
    }

    private SplitPane panes() {
        var split = new SplitPane(
                pane(QUEUE_ID, "Queue",
                        "Conversations waiting for you will be listed here, the longest-waiting first."),
                pane(CONVERSATION_ID, "Conversation",
                        "The selected conversation will appear here as the customer writes, with your replies."),
                pane(COPILOT_ID, "Co-pilot",
                        "Suggested replies will appear here with the knowledge articles they are based on. "
                                + "Nothing is sent to the customer until you approve it."));
        split.setDividerPositions(0.24, 0.64);
        return split;
    }

    private static VBox pane(String id, String title, String placeholder) {
        var heading = new Label(title);
        heading.getStyleClass().add(Styles.TITLE_4);
        var text = new Label(placeholder);
        text.setWrapText(true);
        text.getStyleClass().add(Styles.TEXT_MUTED);
        var body = new VBox(text);
        body.getStyleClass().add(PANE_BODY);
        VBox.setVgrow(body, Priority.ALWAYS);
        var pane = new VBox(heading, body);
        pane.setId(id);
        pane.getStyleClass().add(PANE);
        return pane;
    }

    private HBox statusBar() {
        var status = new Label();
        status.setId(STATUS_ID);
        status.textProperty().bind(model.statusTextProperty());
        status.getStyleClass().add(Styles.TEXT_SMALL);
        var dot = new Label("\u25CF");
        dot.getStyleClass().add(Styles.TEXT_SMALL);
        model.knowledgeReadyProperty().subscribe(ready -> {
            dot.getStyleClass().removeAll(Styles.SUCCESS, Styles.WARNING);
            dot.getStyleClass().add(ready ? Styles.SUCCESS : Styles.WARNING);
        });
        var offline = new Label("Offline: no language model configured");
        offline.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        var bar = new HBox(8, dot, status, new Spacer(), offline);
        bar.getStyleClass().add(STATUS_BAR);
        return bar;
    }
}
