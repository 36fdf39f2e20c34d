package io.agentassist.app.workspace;

import atlantafx.base.theme.Styles;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The centre's lower half: the reply being written. A badge says while the text is the assistant's, unedited;
 * a banner says when the customer wrote again after the draft was started. The only way out is the
 * Approve & send button (or its shortcut), which asks first when flags are unresolved.
 */
final class ReplyEditorView {
    static final String ID = "reply-editor";
    static final String TEXT_ID = "reply-text";
    static final String SEND_ID = "approve-and-send";
    static final String AI_BADGE_ID = "ai-badge";
    static final String STALE_ID = "stale-banner";
    static final String NOTICE_ID = "editor-notice";

    private final WorkspaceViewModel workspace;
    private final ReplyEditorViewModel model;
    private final Runnable approve;
    private final TextArea text = new TextArea();
    private boolean updating;

    ReplyEditorView(WorkspaceViewModel workspace, Runnable approve) {
        this.workspace = workspace;
        this.model = workspace.editor();
        this.approve = approve;
    }

    VBox build() {
        var heading = new Label("Your reply");
        heading.getStyleClass().add(Styles.TITLE_4);
        var aiBadge = new Label("AI draft — read and edit before sending");
        aiBadge.setId(AI_BADGE_ID);
        aiBadge.getStyleClass().addAll("chip", "ai-badge");
        aiBadge.visibleProperty().bind(model.aiTextProperty());
        aiBadge.managedProperty().bind(aiBadge.visibleProperty());
        var header = new HBox(8, heading, aiBadge);

        var stale = new Label("The customer wrote again after this reply was started. Check it still fits; "
                + "a fresh suggestion is in the co-pilot.");
        stale.setId(STALE_ID);
        stale.setWrapText(true);
        stale.getStyleClass().addAll("banner", "banner-warning");
        stale.visibleProperty().bind(model.staleProperty());
        stale.managedProperty().bind(stale.visibleProperty());

        text.setId(TEXT_ID);
        text.setWrapText(true);
        text.setPromptText("Write your reply, or wait for the suggestion. Ctrl+Enter approves and sends.");
        text.setPrefRowCount(8);
        model.textProperty().subscribe(value -> {
            if (!text.getText().equals(value)) {
                updating = true;
                text.setText(value);
                text.positionCaret(value.length());
                updating = false;
            }
        });
        text.textProperty().subscribe(value -> {
            if (!updating) {
                workspace.editorChanged(value);
            }
        });
        text.disableProperty().bind(model.busyProperty().or(workspace.openTicketIdProperty().isEmpty()));
        VBox.setVgrow(text, Priority.ALWAYS);

        var notice = new Label();
        notice.setId(NOTICE_ID);
        notice.setWrapText(true);
        notice.textProperty().bind(model.noticeProperty());
        notice.getStyleClass().add(Styles.TEXT_MUTED);
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var send = new Button("Approve & send");
        send.setId(SEND_ID);
        send.getStyleClass().addAll(Styles.ACCENT);
        send.disableProperty().bind(model.canSendProperty().not());
        send.setOnAction(event -> approve.run());
        var shortcut = new Label("Ctrl+Enter");
        shortcut.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        send.setMinWidth(Region.USE_PREF_SIZE);
        shortcut.setMinWidth(Region.USE_PREF_SIZE);
        var footer = new HBox(8, notice, spacer, shortcut, send);
        footer.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        var pane = new VBox(6, header, stale, text, footer);
        pane.setId(ID);
        pane.getStyleClass().addAll("workspace-pane", "reply-editor");
        return pane;
    }

    void focus() {
        text.requestFocus();
    }

    /** Puts text at the caret, as if the agent typed it. */
    void insertAtCaret(String inserted) {
        int caret = text.getCaretPosition();
        String before = text.getText().substring(0, caret);
        String joiner = before.isEmpty() || before.endsWith("\n\n") ? "" : before.endsWith("\n") ? "\n" : "\n\n";
        text.insertText(caret, joiner + inserted);
        text.requestFocus();
    }
}
