package io.agentassist.app.workspace;

import io.agentassist.core.knowledge.KnowledgeArticle;
import io.agentassist.core.knowledge.KnowledgeHit;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Knowledge articles beside the conversation: by default the passages that fit the conversation so far
 * (refreshed on each new customer message); after a search by hand, that search's results until the agent
 * clears it. Also the article opened from a citation chip or a result, with the passage to highlight.
 */
public final class ArticlesViewModel {

    /** An article opened for reading, with the passage that led there. */
    public record OpenArticle(KnowledgeArticle article, String highlightedChunkId) {
    }

    private final ObservableList<KnowledgeHit> hits = FXCollections.observableArrayList();
    private final ObservableList<KnowledgeHit> hitsView = FXCollections.unmodifiableObservableList(hits);
    private final ReadOnlyStringWrapper manualQuery = new ReadOnlyStringWrapper(this, "manualQuery", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyObjectWrapper<OpenArticle> openArticle = new ReadOnlyObjectWrapper<>(this, "openArticle");

    public ObservableList<KnowledgeHit> hits() {
        return hitsView;
    }

    /** What the agent searched for by hand, "" while the list follows the conversation. */
    public ReadOnlyStringProperty manualQueryProperty() {
        return manualQuery.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<OpenArticle> openArticleProperty() {
        return openArticle.getReadOnlyProperty();
    }

    public Optional<OpenArticle> openArticle() {
        return Optional.ofNullable(openArticle.get());
    }

    /** Closes the article being read. */
    public void closeArticle() {
        openArticle.set(null);
    }

    boolean followsConversation() {
        return manualQuery.get().isBlank();
    }

    void manualQuery(String query) {
        manualQuery.set(query == null ? "" : query.strip());
    }

    void loading(String why) {
        loading.set(true);
        status.set(why);
    }

    void show(List<KnowledgeHit> found, String why) {
        hits.setAll(found);
        loading.set(false);
        status.set(why);
    }

    void failed(String why) {
        loading.set(false);
        status.set(why);
    }

    void clear() {
        hits.clear();
        manualQuery.set("");
        status.set("");
        loading.set(false);
        openArticle.set(null);
    }

    void open(OpenArticle article) {
        openArticle.set(article);
    }
}
