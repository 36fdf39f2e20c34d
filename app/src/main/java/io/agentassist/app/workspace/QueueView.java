package io.agentassist.app.workspace;

import atlantafx.base.theme.Styles;
import io.agentassist.app.workspace.QueueViewModel.StatusFilter;
import io.agentassist.core.model.FlagKind;
import java.time.Instant;
import java.util.function.Consumer;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The left pane: filters on top, then the tickets, each with customer, waiting time, subject and flags. */
final class QueueView {
    static final String ID = "queue-pane";
    static final String LIST_ID = "queue-list";
    static final String FILTER_ID = "queue-filter";

    private final QueueViewModel model;
    private final Consumer<String> open;
    private final TextField filter = new TextField();
    private final ListView<QueueItem> list = new ListView<>();

    QueueView(QueueViewModel model, Consumer<String> open) {
        this.model = model;
        this.open = open;
    }

    VBox build() {
        var heading = new Label("Queue");
        heading.getStyleClass().add(Styles.TITLE_4);
        var count = new Label();
        count.getStyleClass().add(Styles.TEXT_MUTED);
        model.visibleItems().subscribe(() -> count.setText(model.visibleItems().size() + ""));
        var header = new HBox(8, heading, count);

        filter.setId(FILTER_ID);
        filter.setPromptText("Search customer, subject, id  (Ctrl+F)");
        filter.textProperty().subscribe(model::filter);

        var status = new ComboBox<StatusFilter>();
        status.getItems().setAll(StatusFilter.values());
        status.setValue(model.statusFilterProperty().get());
        status.valueProperty().subscribe(model::showStatus);
        status.setMaxWidth(Double.MAX_VALUE);

        list.setId(LIST_ID);
        list.setItems(model.visibleItems());
        list.setCellFactory(view -> new QueueCell());
        list.getSelectionModel().selectedItemProperty().subscribe(item -> {
            if (item != null) {
                open.accept(item.ticketId());
            }
        });
        model.nowProperty().subscribe(list::refresh);
        var problem = new Label();
        problem.textProperty().bind(model.problemProperty());
        problem.getStyleClass().add(Styles.DANGER);
        problem.setWrapText(true);
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        VBox.setVgrow(list, Priority.ALWAYS);

        var pane = new VBox(8, header, filter, status, problem, list);
        pane.setId(ID);
        pane.getStyleClass().add("workspace-pane");
        return pane;
    }

    /** Selects the ticket in the list (when it is shown), e.g. after keyboard navigation. */
    void select(String ticketId) {
        for (int index = 0; index < list.getItems().size(); index++) {
            QueueItem item = list.getItems().get(index);
            if (item.ticketId().equals(ticketId)) {
                if (list.getSelectionModel().getSelectedItem() != item) {
                    list.getSelectionModel().select(index);
                }
                reveal(index);
                return;
            }
        }
    }

    /**
     * Scrolls only as far as needed to show the ticket. {@code ListView.scrollTo} would put it at the top every
     * time, so a click on a visible ticket made the list jump and rebuild every visible row.
     */
    private void reveal(int index) {
        if (list.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
            flow.scrollTo(index);
        } else {
            list.scrollTo(index);
        }
    }

    void focusFilter() {
        filter.requestFocus();
        filter.selectAll();
    }

    private final class QueueCell extends ListCell<QueueItem> {
        @Override
        protected void updateItem(QueueItem item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Instant now = model.nowProperty().get();
            var customer = new Label(item.customer());
            customer.getStyleClass().add(Styles.TEXT_BOLD);
            var spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            var waiting = new Label(QueueItem.shortDuration(item.waiting(now)));
            waiting.getStyleClass().addAll(Styles.TEXT_SMALL,
                    item.waiting(now).toHours() >= 4 ? Styles.WARNING : Styles.TEXT_MUTED);
            var top = new HBox(6, customer, spacer, waiting);

            var subject = new Label(item.subject().isBlank() ? "(no subject)" : item.subject());
            subject.getStyleClass().add(Styles.TEXT_MUTED);

            var meta = new FlowPane(6, 4);
            meta.getChildren().add(chip(item.status().name().toLowerCase(), "status-" + item.status().name().toLowerCase()));
            meta.getChildren().add(chip(item.channel().id(), "channel"));
            for (FlagKind flag : item.flags()) {
                Label chip = chip(FlagItem.titleOf(flag), "flag-" + flag.name().toLowerCase().replace('_', '-'));
                chip.setTooltip(new Tooltip(FlagItem.adviceOn(flag)));
                meta.getChildren().add(chip);
            }
            var box = new VBox(2, top, subject, meta);
            box.getStyleClass().add("queue-item");
            // As wide as the list, no wider: the waiting time stays in view and the chips wrap.
            box.setMinWidth(0);
            box.prefWidthProperty().bind(list.widthProperty().subtract(28));
            box.maxWidthProperty().bind(box.prefWidthProperty());
            meta.prefWrapLengthProperty().bind(box.prefWidthProperty());
            subject.setMinWidth(0);
            setText(null);
            setGraphic(box);
        }
    }

    static Label chip(String text, String styleClass) {
        var chip = new Label(text);
        chip.getStyleClass().addAll("chip", styleClass);
        return chip;
    }
}
