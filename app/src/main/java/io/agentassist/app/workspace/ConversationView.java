package io.agentassist.app.workspace;

import atlantafx.base.theme.Styles;
import io.agentassist.core.model.Message;
import io.agentassist.core.model.Ticket;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The centre's upper half: who the customer is and the messages, newest at the bottom and kept in view.
 * Customer messages sit left, the team's replies right, internal notes stand out in yellow with a label, so
 * nobody mistakes a note for something the customer saw.
 */
final class ConversationView {
    static final String ID = "conversation-pane";
    static final String MESSAGES_ID = "conversation-messages";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm");

    private final ConversationViewModel model;

    ConversationView(ConversationViewModel model) {
        this.model = model;
    }

    VBox build() {
        var subject = new Label("Select a ticket in the queue");
        subject.getStyleClass().add(Styles.TITLE_4);
        subject.setWrapText(true);
        var who = new Label();
        who.getStyleClass().add(Styles.TEXT_MUTED);
        model.ticketProperty().subscribe(ticket -> {
            subject.setText(ticket == null ? "Select a ticket in the queue" : ticket.subject());
            who.setText(ticket == null ? "" : describe(ticket));
        });

        var messages = new ListView<Message>(model.messages());
        messages.setId(MESSAGES_ID);
        messages.getStyleClass().add("conversation");
        messages.setFocusTraversable(false);
        messages.setCellFactory(view -> new MessageCell(view));
        messages.getItems().addListener((ListChangeListener<Message>) change -> {
            if (!messages.getItems().isEmpty()) {
                messages.scrollTo(messages.getItems().size() - 1);
            }
        });
        messages.setPlaceholder(new Label("The conversation appears here."));
        VBox.setVgrow(messages, Priority.ALWAYS);

        var pane = new VBox(4, subject, who, messages);
        pane.setId(ID);
        pane.getStyleClass().add("workspace-pane");
        return pane;
    }

    private static String describe(Ticket ticket) {
        var customer = ticket.customer();
        StringBuilder text = new StringBuilder(customer.name().isBlank() ? customer.email() : customer.name());
        if (!customer.name().isBlank() && !customer.email().isBlank()) {
            text.append(" <").append(customer.email()).append('>');
        }
        text.append(" · ").append(ticket.channel().id()).append(" · ").append(ticket.id());
        if (!customer.language().isBlank()) {
            text.append(" · language ").append(customer.language());
        }
        return text.toString();
    }

    private static final class MessageCell extends ListCell<Message> {
        private final ListView<Message> owner;

        MessageCell(ListView<Message> owner) {
            this.owner = owner;
        }

        @Override
        protected void updateItem(Message message, boolean empty) {
            super.updateItem(message, empty);
            if (empty || message == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            var author = new Label(switch (message.author()) {
                case CUSTOMER -> "Customer";
                case AGENT -> "Reply sent";
                case INTERNAL_NOTE -> "Internal note — not visible to the customer";
            });
            author.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_BOLD);
            var at = new Label(TIME.format(message.at().atZone(ZoneId.systemDefault())));
            at.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            var text = new Label(message.text());
            text.setWrapText(true);
            text.getStyleClass().add("message-text");
            // A wrapping label in a list cell needs a width to wrap at and must not shrink below its text.
            text.maxWidthProperty().bind(owner.widthProperty().multiply(0.82).subtract(24));
            text.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            var bubble = new VBox(2, new HBox(8, author, at), text);
            bubble.getStyleClass().addAll("message", "message-" + message.author().name().toLowerCase().replace('_', '-'));
            bubble.maxWidthProperty().bind(owner.widthProperty().multiply(0.82));
            var row = new HBox(bubble);
            row.setAlignment(message.author() == io.agentassist.core.model.Author.CUSTOMER ? Pos.CENTER_LEFT
                    : Pos.CENTER_RIGHT);
            row.prefWidthProperty().bind(owner.widthProperty().subtract(24));
            row.setMaxWidth(Double.MAX_VALUE);
            setText(null);
            setGraphic(row);
        }
    }
}
