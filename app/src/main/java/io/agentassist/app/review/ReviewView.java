package io.agentassist.app.review;

import atlantafx.base.theme.Styles;
import io.agentassist.app.review.ReviewViewModel.Criterion;
import io.agentassist.core.model.Citation;
import io.agentassist.core.model.Feedback;
import io.agentassist.core.model.Flag;
import io.agentassist.core.review.DraftReview;
import io.agentassist.core.review.SentReply;
import io.agentassist.core.review.WordDiff;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.FileChooser;

/**
 * The review workspace: the filter, the sortable table of sent replies, and the selected reply in detail — its
 * word diff (deletions struck through in red, insertions in green), figures, citations, flags and the agent's
 * feedback — with the rubric and coaching the lead saves.
 */
public final class ReviewView {
    public static final String STYLESHEET = ReviewView.class.getResource("review.css").toExternalForm();
    public static final String TABLE_ID = "review-table";
    public static final String DIFF_ID = "review-diff";
    public static final String SAVE_ID = "review-save";
    public static final String COACHING_ID = "review-coaching";
    public static final String PROBLEM_ID = "review-problem";
    public static final String STATUS_ID = "review-status";
    public static final String EXPORT_ID = "review-export";
    public static final String DETAIL_ID = "review-detail";
    public static final String DIFF_DELETE = "diff-delete";
    public static final String DIFF_INSERT = "diff-insert";

    private final ReviewViewModel model;
    private final TableView<SentReply> table = new TableView<>();
    private BorderPane root;

    public ReviewView(ReviewViewModel model) {
        this.model = model;
    }

    public Parent build() {
        var export = new Button("Export CSV…");
        export.setId(EXPORT_ID);
        export.setTooltip(new Tooltip("The rows the filter selects, for a spreadsheet"));
        export.setOnAction(e -> chooseExportFile());
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var top = new HBox(8, ReviewFilterBar.build(model.filter(), ""), spacer, export);
        top.setAlignment(Pos.CENTER_LEFT);
        top.getStyleClass().add("review-toolbar");

        var split = new SplitPane(table(), detail());
        split.setDividerPositions(0.62);

        var status = new Label();
        status.setId(STATUS_ID);
        status.textProperty().bind(model.statusProperty());
        status.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        var bottom = new HBox(status);
        bottom.getStyleClass().add("review-status");

        root = new BorderPane(split, top, null, bottom, null);
        root.getStyleClass().add("review-mode");
        root.getStylesheets().add(STYLESHEET);
        return root;
    }

    public void focusTable() {
        table.requestFocus();
        if (table.getSelectionModel().isEmpty() && !table.getItems().isEmpty()) {
            table.getSelectionModel().selectFirst();
        }
    }

    /** Saves the review (the Save button and Ctrl+S). */
    public void save() {
        model.saveReview();
    }

    private void chooseExportFile() {
        var chooser = new FileChooser();
        chooser.setTitle("Export the review table");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        chooser.setInitialFileName("review-" + LocalDate.now(model.filter().zone()) + ".csv");
        File file = chooser.showSaveDialog(root.getScene().getWindow());
        if (file != null) {
            model.exportCsv(Path.of(file.getPath()));
        }
    }

    private Node table() {
        table.setId(TABLE_ID);
        table.setPlaceholder(new Label("No reply was sent that the filter selects."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getStyleClass().addAll(Styles.STRIPED, "review-table");
        var zone = model.filter().zone();
        TableColumn<SentReply, Instant> sent = column("Sent", 112, SentReply::sentAt,
                (Instant at) -> ReviewFormat.shortTime(at, zone));
        sent.setSortType(TableColumn.SortType.DESCENDING);
        table.getColumns().setAll(List.of(
                sent,
                column("Agent", 100, SentReply::agent, Function.identity()),
                column("Ticket", 170, r -> r.ticketId() + " · " + r.subject(), Function.identity()),
                column("Edited", 58, SentReply::editRatio, ReviewFormat::percent),
                column("Usage", 68, SentReply::bucket, ReviewFormat::bucket),
                column("Approve", 78, SentReply::timeToApprove, ReviewFormat::compact),
                column("Flags", 96, r -> r.flagKinds().stream().map(ReviewFormat::flag).sorted().toList()
                        .toString().replaceAll("[\\[\\]]", ""), Function.identity()),
                column("Rating", 96, r -> ReviewFormat.rating(r.rating()), Function.identity()),
                column("Score", 52, r -> r.latestReview().map(v -> v.rubric().average()).orElse(0.0),
                        (Double avg) -> avg == 0.0 ? "–" : String.format(java.util.Locale.ROOT, "%.1f", avg))));
        table.getSortOrder().add(sent);
        var sorted = new SortedList<>(model.rows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.getSelectionModel().selectedItemProperty().subscribe(model::select);
        model.selectedProperty().subscribe(reply -> {
            if (reply != null && table.getSelectionModel().getSelectedItem() != reply) {
                table.getSelectionModel().select(reply);
            }
        });
        return table;
    }

    private static <V extends Comparable<? super V>> TableColumn<SentReply, V> column(
            String title, double width, Function<SentReply, V> value, Function<V, String> text) {
        var column = new TableColumn<SentReply, V>(title);
        column.setPrefWidth(width);
        // Short figures keep their width; the ticket and flags columns give way when the table is narrow.
        column.setMinWidth(title.equals("Ticket") || title.equals("Flags") ? 80 : width);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setComparator(java.util.Comparator.naturalOrder());
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(V item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
            }
        });
        return column;
    }

    private Node detail() {
        var content = new VBox(12);
        content.setId(DETAIL_ID);
        content.getStyleClass().add("review-detail");
        var empty = muted("Choose a reply in the table to see what the agent changed, and score it.");
        Node rubric = rubric();
        model.selectedProperty().subscribe(reply -> {
            if (reply == null) {
                content.getChildren().setAll(empty);
            } else {
                content.getChildren().setAll(heading(reply), figures(reply), diffCard(), facts(reply), rubric);
            }
        });
        var scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("review-detail-scroll");
        return scroll;
    }

    private Node heading(SentReply reply) {
        var title = new Label(reply.ticketId() + " · " + reply.subject());
        title.getStyleClass().add(Styles.TITLE_3);
        title.setWrapText(true);
        var bucket = chip(reply.bucket().label(), "bucket-" + reply.bucket().id().replace('_', '-'));
        bucket.setMinWidth(Region.USE_PREF_SIZE);
        var header = new HBox(8, title, bucket);
        header.setAlignment(Pos.CENTER_LEFT);
        var who = muted("Sent by " + reply.agent() + " · " + ReviewFormat.sentAt(reply.sentAt(), model.filter().zone())
                + " · " + (reply.channel().id().equals("email") ? "e-mail" : "chat") + " to "
                + (reply.customer().name().isBlank() ? reply.customer().email() : reply.customer().name()));
        return new VBox(2, header, who);
    }

    private Node figures(SentReply reply) {
        var row = new HBox(8,
                smallFigure("Edit ratio", ReviewFormat.percent(reply.editRatio()), "of the text"),
                smallFigure("Time to approve", ReviewFormat.duration(reply.timeToApprove()), "from suggestion"),
                smallFigure("Agent's rating", ReviewFormat.rating(reply.rating()), reply.feedback().size() + " feedback"),
                smallFigure("Lead score", reply.latestReview().map(r -> String.format(java.util.Locale.ROOT, "%.1f",
                        r.rubric().average())).orElse("–"), reply.latestReview().map(r -> "by " + r.reviewer())
                        .orElse("not reviewed")));
        return row;
    }

    static VBox figure(String name, String value, String note) {
        return figure(name, value, note, Styles.TITLE_3);
    }

    private static VBox smallFigure(String name, String value, String note) {
        VBox box = figure(name, value, note, Styles.TITLE_4);
        box.setMinWidth(0);
        box.getChildren().forEach(n -> ((Label) n).setMinWidth(0));
        return box;
    }

    private static VBox figure(String name, String value, String note, String size) {
        var label = new Label(name);
        label.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        var number = new Label(value);
        number.getStyleClass().addAll(size, "figure-value");
        number.setMinWidth(Region.USE_PREF_SIZE);
        var small = new Label(note);
        small.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        var box = new VBox(1, label, number, small);
        box.getStyleClass().add("figure");
        HBox.setHgrow(box, Priority.ALWAYS);
        box.setMaxWidth(Double.MAX_VALUE);
        return box;
    }

    private Node diffCard() {
        var title = new Label("What the agent changed");
        title.getStyleClass().add(Styles.TITLE_4);
        var removed = chip("removed", DIFF_DELETE + "-chip");
        var added = chip("added", DIFF_INSERT + "-chip");
        var legend = new HBox(6, title, new Region(), removed, added);
        HBox.setHgrow(legend.getChildren().get(1), Priority.ALWAYS);
        legend.setAlignment(Pos.CENTER_LEFT);
        var flow = new TextFlow();
        flow.setId(DIFF_ID);
        flow.getStyleClass().add("diff");
        flow.setLineSpacing(3);
        Runnable render = () -> {
            if (model.diff().isEmpty()) {
                flow.getChildren().setAll(new Text("…"));
                return;
            }
            flow.getChildren().setAll(model.diff().stream().map(ReviewView::token).toList());
        };
        model.diff().subscribe(render);
        render.run();
        var unchanged = muted("Sent exactly as suggested.");
        unchanged.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> !model.diff().isEmpty() && model.diff().stream().allMatch(t -> t.op() == WordDiff.Op.EQUAL),
                model.diff()));
        unchanged.managedProperty().bind(unchanged.visibleProperty());
        var card = new VBox(8, legend, unchanged, flow);
        card.getStyleClass().addAll("card", "diff-card");
        return card;
    }

    private static Text token(WordDiff.Token token) {
        var text = new Text(token.text());
        text.getStyleClass().add(switch (token.op()) {
            case EQUAL -> "diff-equal";
            case DELETE -> DIFF_DELETE;
            case INSERT -> DIFF_INSERT;
        });
        return text;
    }

    private Node facts(SentReply reply) {
        var grid = new GridPane(12, 6);
        int row = 0;
        var citations = new VBox(2);
        if (reply.citations().isEmpty()) {
            citations.getChildren().add(muted("none"));
        }
        for (Citation citation : reply.citations()) {
            var line = new Label("[" + citation.marker() + "] " + citation.title());
            line.setTooltip(new Tooltip(citation.articleId()));
            citations.getChildren().add(line);
        }
        grid.addRow(row++, key("Citations"), citations);
        var flags = new FlowPane(4, 4);
        if (reply.flags().isEmpty()) {
            flags.getChildren().add(muted("none"));
        }
        for (Flag flag : reply.flags()) {
            var chip = chip(ReviewFormat.flag(flag.kind()), flag.blocking() ? "flag-blocking-chip" : "flag-info-chip");
            chip.setTooltip(new Tooltip(flag.detail()));
            flags.getChildren().add(chip);
        }
        grid.addRow(row++, key("Guardrail flags"), flags);
        var feedback = new VBox(2);
        if (reply.feedback().isEmpty()) {
            feedback.getChildren().add(muted("none"));
        }
        for (Feedback item : reply.feedback()) {
            var line = new Label((item.helpful() ? "Helpful" : "Not helpful")
                    + (item.reason().isBlank() || item.reason().equals("helpful") ? "" : ": \u201C" + item.reason() + "\u201D"));
            line.getStyleClass().add(item.helpful() ? Styles.SUCCESS : Styles.DANGER);
            line.setWrapText(true);
            feedback.getChildren().add(line);
        }
        grid.addRow(row, key("Agent's feedback"), feedback);
        var card = new VBox(grid);
        card.getStyleClass().addAll("card", "facts-card");
        return card;
    }

    private Node rubric() {
        var title = new Label("Review");
        title.getStyleClass().add(Styles.TITLE_4);
        var hint = muted("Score each criterion from 1 (poor) to 5 (excellent). The agent reads your coaching "
                + "beside their draft.");
        var grid = new GridPane(12, 6);
        int row = 0;
        for (Criterion criterion : Criterion.values()) {
            var name = new Label(criterion.label());
            name.setTooltip(new Tooltip(criterion.hint()));
            name.setMinWidth(Region.USE_PREF_SIZE);
            grid.addRow(row++, name, scale(criterion));
        }
        var coaching = new TextArea();
        coaching.setId(COACHING_ID);
        coaching.setPromptText("Coaching for the agent: what to keep, what to do differently next time");
        coaching.setWrapText(true);
        coaching.setPrefRowCount(3);
        coaching.textProperty().bindBidirectional(model.coachingProperty());
        var save = new Button("Save review");
        save.setId(SAVE_ID);
        save.getStyleClass().add(Styles.ACCENT);
        save.setDefaultButton(false);
        save.setTooltip(new Tooltip("Ctrl+S"));
        save.setOnAction(e -> model.saveReview());
        var problem = new Label();
        problem.setId(PROBLEM_ID);
        problem.setWrapText(true);
        problem.getStyleClass().add(Styles.DANGER);
        problem.textProperty().bind(model.reviewProblemProperty());
        var reviewer = muted("as " + (model.reviewer().isBlank() ? "(no name set)" : model.reviewer()));
        var actions = new HBox(8, save, reviewer);
        actions.setAlignment(Pos.CENTER_LEFT);
        var earlier = new VBox(4);
        model.reviews().subscribe(() -> {
            earlier.getChildren().clear();
            if (model.reviews().isEmpty()) {
                return;
            }
            var heading = new Label("Reviews so far");
            heading.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            earlier.getChildren().add(heading);
            for (DraftReview review : model.reviews()) {
                var line = new Label(ReviewFormat.rubric(review.rubric()) + " by " + review.reviewer() + ", "
                        + ReviewFormat.sentAt(review.reviewedAt(), model.filter().zone())
                        + (review.coaching().isBlank() ? "" : ": " + review.coaching()));
                line.setWrapText(true);
                line.getStyleClass().add(Styles.TEXT_SMALL);
                earlier.getChildren().add(line);
            }
        });
        var card = new VBox(8, title, hint, grid, coaching, actions, problem, earlier);
        card.getStyleClass().addAll("card", "rubric-card");
        return card;
    }

    private Node scale(Criterion criterion) {
        var group = new ToggleGroup();
        var box = new HBox();
        box.setId("rubric-" + criterion.name().toLowerCase(java.util.Locale.ROOT));
        for (int score = 1; score <= 5; score++) {
            var button = new ToggleButton(Integer.toString(score));
            button.setUserData(score);
            button.setToggleGroup(group);
            button.getStyleClass().add(score == 1 ? Styles.LEFT_PILL : score == 5 ? Styles.RIGHT_PILL : Styles.CENTER_PILL);
            button.setFocusTraversable(true);
            box.getChildren().add(button);
        }
        var property = model.scoreProperty(criterion);
        property.subscribe(value -> group.getToggles().forEach(t -> t.setSelected(((Integer) t.getUserData()) == value.intValue())));
        group.selectedToggleProperty().subscribe(toggle -> {
            int value = toggle == null ? 0 : (Integer) toggle.getUserData();
            if (value != property.get()) {
                property.set(value);
            }
        });
        return box;
    }

    private static Label key(String text) {
        var label = new Label(text);
        label.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    static Label chip(String text, String style) {
        var label = new Label(text);
        label.getStyleClass().addAll("chip", style);
        return label;
    }

    static Label muted(String text) {
        var label = new Label(text);
        label.setWrapText(true);
        label.getStyleClass().add(Styles.TEXT_MUTED);
        return label;
    }
}
