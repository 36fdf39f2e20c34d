package io.agentassist.app.knowledge;

import io.agentassist.app.settings.KnowledgeIndexReindexer;
import io.agentassist.app.settings.KnowledgeReindexer;
import io.agentassist.app.settings.ReindexSummary;
import io.agentassist.app.workspace.WorkspaceServices.KnowledgeStatus;
import io.agentassist.core.knowledge.KnowledgeArticle;
import io.agentassist.core.knowledge.KnowledgeArticles;
import io.agentassist.core.knowledge.KnowledgeHit;
import io.agentassist.core.knowledge.KnowledgeQuery;
import io.agentassist.core.knowledge.KnowledgeSearch;
import io.agentassist.knowledge.index.EmbeddingModelChoice;
import io.agentassist.knowledge.index.IndexFormats;
import io.agentassist.knowledge.index.TextEmbedder;
import io.agentassist.knowledge.search.LuceneKnowledgeSearch;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The window's knowledge index: searched by the co-pilot while it may be rebuilt underneath (first start,
 * re-index from the settings). A rebuild writes the index, then swaps the searcher in one step; searches
 * meanwhile use the previous one, or find nothing while there is none yet ({@link #ready()} says which).
 */
public final class KnowledgeBase implements KnowledgeSearch, KnowledgeArticles, KnowledgeStatus, KnowledgeReindexer,
        AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KnowledgeBase.class);

    private final Path indexDir;
    private volatile LuceneKnowledgeSearch search;
    private TextEmbedder embedder;

    public KnowledgeBase(Path indexDir) {
        this.indexDir = indexDir;
    }

    /** Opens the index when one is there; false when it must be built first. */
    public synchronized boolean openExisting() {
        try {
            if (IndexFormats.embeddingModelOf(indexDir).isEmpty()) {
                return false;
            }
            swap(LuceneKnowledgeSearch.open(indexDir, embedderFor(indexDir)));
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.warn("The knowledge index at {} cannot be opened and will be rebuilt: {}", indexDir, e.toString());
            return false;
        }
    }

    /**
     * Indexes the folders (incrementally: unchanged articles are kept; checked and reported as
     * {@link KnowledgeIndexReindexer} does) and starts searching the result. Searches meanwhile use the
     * previous index.
     *
     * @param progress from 0 to 1; negative while the amount of work is not known yet
     */
    @Override
    public synchronized ReindexSummary reindex(List<Path> folders, DoubleConsumer progress) throws IOException {
        ReindexSummary summary = new KnowledgeIndexReindexer(indexDir, this::embedder).reindex(folders, progress);
        swap(LuceneKnowledgeSearch.open(indexDir, embedderFor(indexDir)));
        LOG.info("Knowledge index {} ready: {}", indexDir, summary.message());
        return summary;
    }

    @Override
    public boolean ready() {
        return search != null;
    }

    /** Passages in the index, 0 while there is none. */
    public int chunkCount() {
        LuceneKnowledgeSearch current = search;
        return current == null ? 0 : current.chunkCount();
    }

    public Path indexDir() {
        return indexDir;
    }

    @Override
    public List<KnowledgeHit> search(KnowledgeQuery query) {
        LuceneKnowledgeSearch current = search;
        return current == null ? List.of() : current.search(query);
    }

    @Override
    public Optional<KnowledgeArticle> article(String articleId) {
        LuceneKnowledgeSearch current = search;
        return current == null ? Optional.empty() : current.article(articleId);
    }

    @Override
    public synchronized void close() throws IOException {
        if (search != null) {
            search.close();
            search = null;
        }
    }

    /** One embedding model per process: loading it takes a moment and a good deal of memory. */
    private TextEmbedder embedderFor(Path dir) throws IOException {
        return embedder(IndexFormats.embeddingModelOf(dir).orElse(EmbeddingModelChoice.defaultChoice()));
    }

    private synchronized TextEmbedder embedder(EmbeddingModelChoice choice) {
        if (embedder == null || !embedder.choice().equals(choice)) {
            embedder = TextEmbedder.load(choice);
        }
        return embedder;
    }

    private void swap(LuceneKnowledgeSearch opened) {
        LuceneKnowledgeSearch previous = search;
        search = opened;
        if (previous != null) {
            try {
                previous.close();
            } catch (IOException e) {
                LOG.debug("Closing the previous index searcher failed", e);
            }
        }
    }
}
