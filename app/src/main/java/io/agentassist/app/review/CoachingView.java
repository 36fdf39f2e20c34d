package io.agentassist.app.review;

import atlantafx.base.theme.Styles;
import io.agentassist.core.review.Coaching;
import io.agentassist.core.review.DraftReview;
import java.time.ZoneId;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Dialog;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * What the agent sees of their lead's reviews: a "Coaching" card in the co-pilot pane for the open ticket, and
 * the "My coaching" list of every review of their replies.
 */
public final class CoachingView {
    public static final String CARD_ID = "coaching-card";
    public static final String MINE_ID = "my-coaching";

    private final CoachingViewModel model;
    private final ZoneId zone;

    public CoachingView(CoachingViewModel model, ZoneId zone) {
        this.model = model;
        this.zone = zone;
    }

    /** The card for the open ticket; hidden while there is no coaching on it. */
    public Node card() {
        var title = new Label("Coaching");
        title.getStyleClass().add(Styles.TITLE_4);
        var from = ReviewView.chip("from your team lead", "coaching-chip");
        var header = new HBox(8, title, from);
        header.setAlignment(Pos.CENTER_LEFT);
        var body = new VBox(10);
        var card = new VBox(8, header, body);
        card.setId(CARD_ID);
        card.getStyleClass().addAll("card", "coaching-card");
        card.getStylesheets().add(ReviewView.STYLESHEET);
        model.onTicket().subscribe(() -> {
            body.getChildren().setAll(model.onTicket().stream().map(this::entry).toList());
            card.setVisible(!model.onTicket().isEmpty());
        });
        card.setVisible(false);
        card.managedProperty().bind(card.visibleProperty());
        return card;
    }

    /** The header button that lists every review of this agent's replies. */
    public Button myCoachingButton() {
        var button = new Button("My coaching");
        button.setId(MINE_ID);
        button.getStyleClass().add(Styles.FLAT);
        button.setTooltip(new Tooltip("Your team lead's reviews of the replies you sent"));
        button.setOnAction(e -> {
            model.refresh();
            show(button.getScene().getWindow());
        });
        return button;
    }

    private void show(Window owner) {
        var list = new VBox(14);
        if (model.all().isEmpty()) {
            list.getChildren().add(ReviewView.muted("No review of your replies yet."));
        }
        for (Coaching coaching : model.all()) {
            var ticket = new Label(coaching.ticketId() + " · " + coaching.subject());
            ticket.getStyleClass().add(Styles.TEXT_BOLD);
            var sent = ReviewView.muted("sent " + ReviewFormat.sentAt(coaching.sentAt(), zone));
            sent.getStyleClass().add(Styles.TEXT_SMALL);
            list.getChildren().add(new VBox(4, ticket, sent, entry(coaching)));
        }
        var scroll = new ScrollPane(list);
        scroll.setFitToWidth(true);
        scroll.setPrefSize(520, 440);
        var dialog = new Dialog<Void>();
        dialog.initOwner(owner);
        dialog.setTitle("My coaching");
        dialog.setHeaderText("Reviews of the replies you sent, newest first");
        dialog.getDialogPane().setContent(scroll);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.getDialogPane().getStylesheets().add(ReviewView.STYLESHEET);
        dialog.show();
    }

    private Node entry(Coaching coaching) {
        DraftReview review = coaching.review();
        var scores = new GridPane(10, 2);
        int column = 0;
        for (var score : java.util.List.of(
                new Object[] {"Accuracy", review.rubric().accuracy()},
                new Object[] {"Policy", review.rubric().policyCompliance()},
                new Object[] {"Tone", review.rubric().tone()},
                new Object[] {"Completeness", review.rubric().completeness()})) {
            var name = new Label((String) score[0]);
            name.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            var value = new Label(score[1] + " / 5");
            value.getStyleClass().addAll(Styles.TEXT_BOLD, "score-" + score[1]);
            scores.add(name, column, 0);
            scores.add(value, column++, 1);
        }
        var comment = new Label(review.coaching().isBlank() ? "(scores only)" : review.coaching());
        comment.setWrapText(true);
        comment.getStyleClass().add("coaching-comment");
        var by = ReviewView.muted("— " + review.reviewer() + ", " + ReviewFormat.sentAt(review.reviewedAt(), zone));
        by.getStyleClass().add(Styles.TEXT_SMALL);
        return new VBox(6, scores, comment, by);
    }
}
