package io.agentassist.knowledge.index;

import io.agentassist.knowledge.ingest.Article;
import io.agentassist.knowledge.ingest.Chunk;
import io.agentassist.knowledge.ingest.Chunker;
import io.agentassist.knowledge.ingest.LoadResult;
import io.agentassist.knowledge.ingest.SkippedSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes articles into the Lucene index incrementally: unchanged articles (same content hash) are skipped,
 * changed ones replaced, and ones no longer in the sources removed. All of it becomes visible in one Lucene
 * commit at the end, so a crash half-way leaves the previous index intact.
 */
public final class KnowledgeIndexer {
    private static final Logger LOG = LoggerFactory.getLogger(KnowledgeIndexer.class);
    /** Articles embedded and written per step: bounds memory while keeping embedding batches full. */
    private static final int ARTICLES_PER_STEP = 256;

    private final Path indexDir;
    private final TextEmbedder embedder;
    private final Chunker chunker;

    public KnowledgeIndexer(Path indexDir, TextEmbedder embedder, Chunker chunker) {
        this.indexDir = indexDir;
        this.embedder = embedder;
        this.chunker = chunker;
    }

    /** BM25 parameters used for writing and searching (Anserini's defaults for passages). */
    public static BM25Similarity similarity() {
        return new BM25Similarity(0.9f, 0.4f);
    }

    public IndexReport index(LoadResult loaded, IndexProgress progress) throws IOException {
        long started = System.nanoTime();
        Files.createDirectories(indexDir);
        IndexFormat wanted = IndexFormat.current(embedder);
        try (Directory directory = FSDirectory.open(indexDir)) {
            boolean existed = DirectoryReader.indexExists(directory);
            String rebuildReason = rebuildReason(directory, wanted);
            boolean rebuild = !rebuildReason.isEmpty();
            if (rebuild) {
                LOG.info("Rebuilding the knowledge index at {}: {}", indexDir, rebuildReason);
            }
            Map<String, IndexedArticle> existing = rebuild ? Map.of() : indexedArticles(directory);

            IndexWriterConfig config = new IndexWriterConfig(KnowledgeAnalyzers.indexAnalyzer())
                    .setSimilarity(similarity())
                    .setOpenMode(rebuild ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setRAMBufferSizeMB(128)
                    // a failure before our commit must roll back, not publish half a run (or an empty rebuild)
                    .setCommitOnClose(false);
            try (IndexWriter writer = new IndexWriter(directory, config)) {
                Plan plan = plan(loaded, existing);
                int chunks = write(writer, plan.toWrite(), progress);
                for (String deleted : plan.toDelete()) {
                    writer.deleteDocuments(new Term(IndexFields.ARTICLE_ID, deleted));
                }
                if (rebuild || !existed || writer.hasUncommittedChanges()) {
                    writer.setLiveCommitData(wanted.toUserData().entrySet());
                    writer.commit();
                }
                int totalChunks = writer.getDocStats().numDocs;
                int totalArticles = loaded.articles().size() - plan.duplicates() - plan.withoutText().size()
                        + plan.keptFromUnreadable();
                List<SkippedSource> skipped = new ArrayList<>(loaded.skipped());
                skipped.addAll(plan.withoutText());
                return new IndexReport(plan.added(), plan.updated(), plan.unchanged(), plan.toDelete().size(), chunks,
                        totalArticles, totalChunks, skipped, rebuildReason,
                        Duration.ofNanos(System.nanoTime() - started));
            }
        }
    }

    private String rebuildReason(Directory directory, IndexFormat wanted) throws IOException {
        if (!DirectoryReader.indexExists(directory)) {
            return "";
        }
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            Optional<IndexFormat> found = IndexFormat.fromUserData(reader.getIndexCommit().getUserData());
            if (found.isEmpty()) {
                return "the index carries no format stamp (written by an older version)";
            }
            return found.get().incompatibilityWith(wanted).orElse("");
        }
    }

    private record IndexedArticle(String hash, String source) {
    }

    private static Map<String, IndexedArticle> indexedArticles(Directory directory) throws IOException {
        Map<String, IndexedArticle> articles = new HashMap<>();
        if (!DirectoryReader.indexExists(directory)) {
            return articles;
        }
        Set<String> wanted = Set.of(IndexFields.ARTICLE_ID, IndexFields.ARTICLE_HASH, IndexFields.SOURCE);
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            for (LeafReaderContext leaf : reader.leaves()) {
                LeafReader leafReader = leaf.reader();
                Bits live = leafReader.getLiveDocs();
                StoredFields stored = leafReader.storedFields();
                for (int doc = 0; doc < leafReader.maxDoc(); doc++) {
                    if (live != null && !live.get(doc)) {
                        continue;
                    }
                    Document document = stored.document(doc, wanted);
                    articles.putIfAbsent(document.get(IndexFields.ARTICLE_ID),
                            new IndexedArticle(document.get(IndexFields.ARTICLE_HASH), document.get(IndexFields.SOURCE)));
                }
            }
        }
        return articles;
    }

    private record Pending(Article article, String fingerprint, boolean replaces, List<Chunk> chunks) {
    }

    private record Plan(List<Pending> toWrite, List<String> toDelete, int added, int updated, int unchanged,
                        int duplicates, int keptFromUnreadable, List<SkippedSource> withoutText) {
    }

    /**
     * Decides what to write and what to delete. Articles whose file could not be read this time keep their
     * previously indexed version: a broken edit must not make knowledge disappear.
     */
    private Plan plan(LoadResult loaded, Map<String, IndexedArticle> existing) {
        List<Pending> toWrite = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int added = 0;
        int updated = 0;
        int unchanged = 0;
        int duplicates = 0;
        List<SkippedSource> withoutText = new ArrayList<>();
        Set<String> idsWithoutText = new HashSet<>();
        for (Article article : loaded.articles()) {
            if (!seen.add(article.id())) {
                duplicates++;
                LOG.warn("Article id {} appears twice; keeping the first ({})", article.id(), article.source());
                continue;
            }
            String fingerprint = ArticleFingerprint.of(article);
            IndexedArticle indexed = existing.get(article.id());
            if (indexed != null && indexed.hash().equals(fingerprint)) {
                unchanged++;
                continue;
            }
            List<Chunk> chunks = chunker.chunk(article);
            if (chunks.isEmpty()) {
                // nothing a search could find; an earlier version with text is removed below
                idsWithoutText.add(article.id());
                withoutText.add(new SkippedSource(article.source().isEmpty() ? article.id() : article.source(),
                        "article " + article.id() + " has no text to index"));
            } else if (indexed == null) {
                added++;
                toWrite.add(new Pending(article, fingerprint, false, chunks));
            } else {
                updated++;
                toWrite.add(new Pending(article, fingerprint, true, chunks));
            }
        }
        Set<String> unreadable = new HashSet<>();
        for (SkippedSource skipped : loaded.skipped()) {
            unreadable.add(skipped.file());
        }
        List<String> toDelete = new ArrayList<>();
        int kept = 0;
        for (Map.Entry<String, IndexedArticle> entry : existing.entrySet()) {
            if (idsWithoutText.contains(entry.getKey())) {
                toDelete.add(entry.getKey());
                continue;
            }
            if (seen.contains(entry.getKey())) {
                continue;
            }
            if (unreadable.contains(entry.getValue().source())) {
                kept++;
                LOG.warn("Keeping the indexed version of {}: its file {} could not be read this time",
                        entry.getKey(), entry.getValue().source());
            } else {
                toDelete.add(entry.getKey());
            }
        }
        toDelete.sort(null);
        return new Plan(toWrite, toDelete, added, updated, unchanged, duplicates, kept, withoutText);
    }

    private int write(IndexWriter writer, List<Pending> pending, IndexProgress progress) throws IOException {
        progress.started(pending.size());
        int written = 0;
        int done = 0;
        for (int from = 0; from < pending.size(); from += ARTICLES_PER_STEP) {
            List<Pending> step = pending.subList(from, Math.min(pending.size(), from + ARTICLES_PER_STEP));
            List<Chunk> chunks = new ArrayList<>();
            List<Integer> owner = new ArrayList<>();
            for (int i = 0; i < step.size(); i++) {
                for (Chunk chunk : step.get(i).chunks()) {
                    chunks.add(chunk);
                    owner.add(i);
                }
            }
            List<float[]> vectors = embedder.embedPassages(chunks.stream().map(ChunkDocuments::embeddingText).toList());
            List<List<Document>> documents = new ArrayList<>();
            for (int i = 0; i < step.size(); i++) {
                documents.add(new ArrayList<>());
            }
            for (int c = 0; c < chunks.size(); c++) {
                Pending p = step.get(owner.get(c));
                documents.get(owner.get(c)).add(ChunkDocuments.build(p.article(), p.fingerprint(), chunks.get(c), vectors.get(c)));
            }
            for (int i = 0; i < step.size(); i++) {
                Pending p = step.get(i);
                Term term = new Term(IndexFields.ARTICLE_ID, p.article().id());
                if (p.replaces()) {
                    writer.updateDocuments(term, documents.get(i));
                } else {
                    writer.addDocuments(documents.get(i));
                }
                written += documents.get(i).size();
            }
            done += step.size();
            progress.advanced(done);
        }
        return written;
    }
}
