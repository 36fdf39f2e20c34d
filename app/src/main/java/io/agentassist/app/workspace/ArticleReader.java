package io.agentassist.app.workspace;

import atlantafx.base.theme.Styles;
import io.agentassist.app.workspace.ArticlesViewModel.OpenArticle;
import io.agentassist.core.knowledge.KnowledgeArticle;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * A window that shows a whole article with the passage that led there highlighted and scrolled into view,
 * so the agent checks a citation in its context. Esc closes it.
 */
final class ArticleReader {
    static final String HIGHLIGHT = "passage-highlighted";

    private ArticleReader() {
    }

    static void show(Window owner, OpenArticle open, Runnable onClose, Consumer<String> insertIntoReply) {
        KnowledgeArticle article = open.article();
        var passages = new VBox(10);
        Node highlighted = null;
        for (KnowledgeArticle.Passage passage : article.passages()) {
            var box = new VBox(4);
            if (!passage.section().isBlank()) {
                var section = new Label(passage.section());
                section.getStyleClass().add(Styles.TITLE_4);
                box.getChildren().add(section);
            }
            var text = new Label(passage.text());
            text.setWrapText(true);
            box.getChildren().add(text);
            box.getStyleClass().add("passage");
            if (passage.chunkId().equals(open.highlightedChunkId())) {
                box.getStyleClass().add(HIGHLIGHT);
                var insert = new Button("Insert this passage into the reply");
                insert.getStyleClass().add(Styles.SMALL);
                insert.setOnAction(e -> insertIntoReply.accept(passage.text().strip()));
                box.getChildren().add(insert);
                highlighted = box;
            }
            passages.getChildren().add(box);
        }
        var title = new Label(article.title());
        title.getStyleClass().add(Styles.TITLE_3);
        title.setWrapText(true);
        var url = new Label(article.url());
        url.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        var scroll = new ScrollPane(passages);
        scroll.setFitToWidth(true);
        var close = new Button("Close");
        close.setCancelButton(true);
        var root = new BorderPane(scroll, new VBox(2, title, url), null, new HBox(close), null);
        root.getStyleClass().add("article-reader");
        BorderPane.setMargin(scroll, new javafx.geometry.Insets(10, 0, 10, 0));

        var stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.NONE);
        stage.setTitle(article.title());
        var scene = new Scene(root, 640, 560);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getRoot().getStylesheets());
        }
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                stage.close();
            }
        });
        close.setOnAction(e -> stage.close());
        stage.setOnHidden(e -> onClose.run());
        stage.setScene(scene);
        stage.show();
        Node target = highlighted;
        if (target != null) {
            Platform.runLater(() -> {
                double contentHeight = passages.getBoundsInLocal().getHeight();
                double viewport = scroll.getViewportBounds().getHeight();
                double y = target.getBoundsInParent().getMinY();
                scroll.setVvalue(contentHeight <= viewport ? 0 : Math.min(1, y / (contentHeight - viewport)));
            });
        }
    }
}
