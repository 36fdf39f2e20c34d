package io.agentassist.app.workspace;

import atlantafx.base.theme.Styles;
import io.agentassist.core.assist.reply.RephraseService.Tone;
import io.agentassist.core.knowledge.KnowledgeHit;
import io.agentassist.core.model.CaseSummary;
import io.agentassist.core.model.Citation;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The right pane: the suggested reply (marked as AI, streaming in), its citations as chips, the flags with
 * their advice, the case summary and the knowledge articles that follow the conversation.
 */
final class CopilotView {
    static final String ID = "copilot-pane";
    static final String SUGGESTION_ID = "suggestion-text";
    static final String SUGGESTION_STATE_ID = "suggestion-state";
    static final String USE_ID = "use-suggestion";
    static final String CITATIONS_ID = "citations";
    static final String FLAGS_ID = "flags";
    static final String SUMMARY_ID = "summary";
    static final String ARTICLES_ID = "articles";
    static final String ARTICLE_SEARCH_ID = "article-search";
    static final List<String> THUMBS_DOWN_REASONS = List.of("Wrong or outdated facts", "Did not answer the question",
            "Wrong tone", "Too long", "Unsafe promise or commitment", "Other");

    private final WorkspaceViewModel workspace;
    private final Consumer<String> insertIntoReply;
    private final TextField articleSearch = new TextField();
    /** Cards other features add below the suggestion (the agent's coaching). */
    private final VBox extraCards = new VBox(12);

    CopilotView(WorkspaceViewModel workspace, Consumer<String> insertIntoReply) {
        this.workspace = workspace;
        this.insertIntoReply = insertIntoReply;
    }

    ScrollPane build() {
        extraCards.managedProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(extraCards.getChildren()));
        var content = new VBox(12, suggestionCard(), extraCards, flags(), summary(), articles());
        content.getStyleClass().add("copilot-content");
        var scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setId(ID);
        scroll.getStyleClass().addAll("workspace-pane", "copilot");
        return scroll;
    }

    void addCard(Node card) {
        extraCards.getChildren().add(card);
    }

    void focusArticleSearch() {
        articleSearch.requestFocus();
        articleSearch.selectAll();
    }

    void thumbsDown() {
        if (workspace.suggestion().suggestion().isEmpty()) {
            return;
        }
        var dialog = new ChoiceDialog<>(THUMBS_DOWN_REASONS.getFirst(), THUMBS_DOWN_REASONS);
        dialog.setTitle("Not helpful");
        dialog.setHeaderText("What was wrong with the suggestion?");
        dialog.initOwner(articleSearch.getScene().getWindow());
        dialog.showAndWait().ifPresent(reason -> workspace.rate(false, reason));
    }

    private Node suggestionCard() {
        SuggestionViewModel model = workspace.suggestion();
        var heading = new Label("Suggested reply");
        heading.getStyleClass().add(Styles.TITLE_4);
        var ai = QueueView.chip("AI", "ai-badge");
        var spinner = new ProgressIndicator();
        spinner.setPrefSize(16, 16);
        spinner.visibleProperty().bind(model.stateProperty().isEqualTo(SuggestionViewModel.State.DRAFTING)
                .or(model.stateProperty().isEqualTo(SuggestionViewModel.State.RETRYING)));
        spinner.managedProperty().bind(spinner.visibleProperty());
        var header = new HBox(8, heading, ai, spinner);
        header.setAlignment(Pos.CENTER_LEFT);

        var state = new Label();
        state.setId(SUGGESTION_STATE_ID);
        state.setWrapText(true);
        state.textProperty().bind(model.statusProperty());
        model.stateProperty().subscribe(s -> {
            state.getStyleClass().removeAll(Styles.WARNING, Styles.DANGER, Styles.TEXT_MUTED);
            state.getStyleClass().add(switch (s) {
                case RETRYING -> Styles.WARNING;
                case FAILED -> Styles.DANGER;
                default -> Styles.TEXT_MUTED;
            });
        });

        var text = new Label();
        text.setId(SUGGESTION_ID);
        text.setWrapText(true);
        text.getStyleClass().add("suggestion-text");
        text.textProperty().bind(model.textProperty());
        text.visibleProperty().bind(model.textProperty().isNotEmpty());
        text.managedProperty().bind(text.visibleProperty());
        text.setMaxWidth(Double.MAX_VALUE);

        var citations = new FlowPane(6, 6);
        citations.setId(CITATIONS_ID);
        model.citations().subscribe(() -> citations.getChildren().setAll(model.citations().stream()
                .map(this::citationChip).toList()));

        var use = new Button("Use");
        use.setId(USE_ID);
        use.setTooltip(new Tooltip("Put this suggestion in the editor (Ctrl+U)"));
        use.getStyleClass().add(Styles.ACCENT);
        use.disableProperty().bind(model.suggestionProperty().isNull());
        use.setOnAction(e -> workspace.useSuggestion());
        var again = new Button("New");
        again.setTooltip(new Tooltip("Draft a new suggestion (Ctrl+Shift+R)"));
        again.disableProperty().bind(workspace.openTicketIdProperty().isEmpty());
        again.setOnAction(e -> workspace.regenerate());
        var rephrase = new MenuButton("Rephrase");
        rephrase.setTooltip(new Tooltip("Rewrite the text in the editor as a new suggestion"));
        rephrase.getItems().setAll(tone("Shorter  (Ctrl+Shift+S)", Tone.SHORTER),
                tone("Friendlier  (Ctrl+Shift+F)", Tone.FRIENDLIER), tone("More formal  (Ctrl+Shift+M)", Tone.MORE_FORMAL));
        rephrase.disableProperty().bind(workspace.editor().textProperty().isEmpty());
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var up = new Button("Helpful");
        up.setTooltip(new Tooltip("Helpful (Ctrl+Shift+Up)"));
        up.setOnAction(e -> workspace.rate(true, "helpful"));
        var down = new Button("Not helpful");
        down.setTooltip(new Tooltip("Not helpful — say why (Ctrl+Shift+Down)"));
        down.setOnAction(e -> thumbsDown());
        for (Button thumb : List.of(up, down)) {
            thumb.getStyleClass().addAll(Styles.FLAT);
            thumb.disableProperty().bind(model.suggestionProperty().isNull());
        }
        model.feedbackProperty().subscribe(helpful -> {
            up.getStyleClass().remove(Styles.SUCCESS);
            down.getStyleClass().remove(Styles.DANGER);
            if (Boolean.TRUE.equals(helpful)) {
                up.getStyleClass().add(Styles.SUCCESS);
            } else if (Boolean.FALSE.equals(helpful)) {
                down.getStyleClass().add(Styles.DANGER);
            }
        });
        var actions = new HBox(6, use, again, rephrase, spacer, up, down);
        actions.setAlignment(Pos.CENTER_LEFT);

        var card = new VBox(8, header, state, text, citations, actions);
        card.getStyleClass().addAll("card", "suggestion-card");
        return card;
    }

    private MenuItem tone(String label, Tone tone) {
        var item = new MenuItem(label);
        item.setOnAction(e -> workspace.rephrase(tone));
        return item;
    }

    private Button citationChip(Citation citation) {
        var chip = new Button("[" + citation.marker() + "] " + citation.title());
        chip.getStyleClass().addAll("citation-chip", Styles.SMALL);
        chip.setTooltip(new Tooltip("Open the article at the cited passage (Ctrl+" + citation.marker() + ")"));
        chip.setOnAction(e -> workspace.openCitation(citation));
        return chip;
    }

    private Node flags() {
        var box = new VBox(6);
        box.setId(FLAGS_ID);
        var list = workspace.suggestion().flags();
        list.subscribe(() -> {
            box.getChildren().clear();
            if (list.isEmpty()) {
                return;
            }
            var heading = new Label("Flags");
            heading.getStyleClass().add(Styles.TITLE_4);
            box.getChildren().add(heading);
            list.forEach(item -> box.getChildren().add(flagRow(item)));
        });
        return box;
    }

    private Node flagRow(FlagItem item) {
        var title = new Label(item.title());
        title.getStyleClass().add(Styles.TEXT_BOLD);
        var detail = new Label(item.detail());
        detail.setWrapText(true);
        var advice = new Label(item.advice());
        advice.setWrapText(true);
        advice.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        var text = new VBox(2, title, detail, advice);
        HBox.setHgrow(text, Priority.ALWAYS);
        var row = new HBox(8);
        if (item.blocking()) {
            var checked = new javafx.scene.control.CheckBox();
            checked.setTooltip(new Tooltip("I have looked at this"));
            checked.setSelected(workspace.editor().checkedFlags().contains(item.flag()));
            checked.selectedProperty().subscribe(value -> workspace.checkFlag(item.flag(), value));
            row.getChildren().add(checked);
        }
        row.getChildren().add(text);
        row.getStyleClass().addAll("flag", item.blocking() ? "flag-blocking"
                : item.aboutTheCustomer() ? "flag-customer" : "flag-info");
        return row;
    }

    private Node summary() {
        SummaryViewModel model = workspace.summary();
        var body = new VBox(6);
        body.setId(SUMMARY_ID);
        Runnable render = () -> {
            body.getChildren().clear();
            switch (model.stateProperty().get()) {
                case NONE -> body.getChildren().add(muted("Open a ticket to see its summary."));
                case LOADING -> body.getChildren().add(muted("Summarising…"));
                case FAILED -> body.getChildren().add(muted(model.noteProperty().get()));
                case READY -> model.summary().ifPresent(s -> body.getChildren().addAll(summaryLines(s)));
            }
            if (model.stateProperty().get() == SummaryViewModel.State.READY && !model.noteProperty().get().isBlank()) {
                body.getChildren().add(muted(model.noteProperty().get()));
            }
        };
        model.stateProperty().subscribe(s -> render.run());
        model.summaryProperty().subscribe(s -> render.run());
        var pane = new TitledPane("Case summary", body);
        pane.setExpanded(true);
        return pane;
    }

    private static List<Node> summaryLines(CaseSummary summary) {
        var lines = new java.util.ArrayList<Node>();
        field(lines, "Wants", summary.intent());
        field(lines, "What happened", summary.whatHappened());
        if (!summary.triedOrPromised().isEmpty()) {
            field(lines, "Tried or promised", String.join("\n", summary.triedOrPromised().stream().map(t -> "• " + t).toList()));
        }
        if (!summary.openQuestions().isEmpty()) {
            field(lines, "Open questions", String.join("\n", summary.openQuestions().stream().map(t -> "• " + t).toList()));
        }
        field(lines, "Next step", summary.nextStep());
        field(lines, "Mood", summary.sentiment());
        return lines;
    }

    private static void field(List<Node> lines, String name, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        var label = new Label(name);
        label.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        var text = new Label(value);
        text.setWrapText(true);
        lines.add(new VBox(1, label, text));
    }

    private Node articles() {
        ArticlesViewModel model = workspace.articles();
        articleSearch.setId(ARTICLE_SEARCH_ID);
        articleSearch.setPromptText("Search the knowledge base  (Ctrl+K)");
        articleSearch.setOnAction(e -> workspace.searchArticles(articleSearch.getText()));
        articleSearch.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE && !articleSearch.getText().isEmpty()) {
                articleSearch.clear();
                workspace.searchArticles("");
                e.consume();
            }
        });
        model.manualQueryProperty().subscribe(query -> {
            if (query.isEmpty() && !articleSearch.isFocused()) {
                articleSearch.clear();
            }
        });
        var status = new Label();
        status.textProperty().bind(model.statusProperty());
        status.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        var list = new VBox(8);
        list.setId(ARTICLES_ID);
        model.hits().subscribe(() -> list.getChildren().setAll(model.hits().stream().map(this::hitRow).toList()));
        var body = new VBox(8, articleSearch, status, list);
        var pane = new TitledPane("Knowledge articles", body);
        pane.setExpanded(true);
        model.openArticleProperty().subscribe(open -> Optional.ofNullable(open).ifPresent(article ->
                ArticleReader.show(articleSearch.getScene().getWindow(), article, model::closeArticle,
                        insertIntoReply)));
        return pane;
    }

    private Node hitRow(KnowledgeHit hit) {
        var title = new Label(hit.title());
        title.getStyleClass().add(Styles.TEXT_BOLD);
        title.setWrapText(true);
        var section = new Label(hit.section());
        section.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        section.setManaged(!hit.section().isBlank());
        var snippet = HighlightedText.of(hit.snippet());
        var open = new Button("Open");
        open.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        open.setOnAction(e -> workspace.openHit(hit));
        var insert = new Button("Insert into reply");
        insert.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        insert.setTooltip(new Tooltip("Put this passage in the editor at the cursor"));
        insert.disableProperty().bind(workspace.openTicketIdProperty().isEmpty());
        insert.setOnAction(e -> insertIntoReply.accept(workspace.passageForReply(hit)));
        var row = new VBox(2, title, section, snippet, new HBox(4, open, insert));
        row.getStyleClass().add("article-hit");
        return row;
    }

    private static Label muted(String text) {
        var label = new Label(text);
        label.setWrapText(true);
        label.getStyleClass().add(Styles.TEXT_MUTED);
        return label;
    }
}
