package io.agentassist.knowledge.search;

import io.agentassist.core.conversation.Conversation;
import io.agentassist.core.conversation.Turn;
import io.agentassist.core.knowledge.KnowledgeArticle;
import io.agentassist.core.knowledge.KnowledgeArticles;
import io.agentassist.core.knowledge.KnowledgeHit;
import io.agentassist.core.knowledge.KnowledgeQuery;
import io.agentassist.core.knowledge.KnowledgeSearch;
import io.agentassist.core.knowledge.SearchMode;
import io.agentassist.knowledge.index.EmbeddingModelChoice;
import io.agentassist.knowledge.index.IndexFields;
import io.agentassist.knowledge.index.IndexFormat;
import io.agentassist.knowledge.index.IndexFormats;
import io.agentassist.knowledge.index.KnowledgeAnalyzers;
import io.agentassist.knowledge.index.KnowledgeIndexUnavailableException;
import io.agentassist.knowledge.index.KnowledgeIndexer;
import io.agentassist.knowledge.index.TextEmbedder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * Searches the knowledge index for a conversation.
 * <ul>
 *   <li>{@code bm25}: lexical ranking of the last turns, the newest customer turn weighted most.</li>
 *   <li>{@code dense}: embedding similarity to the last turns.</li>
 *   <li>{@code hybrid} (default): first works out, lexically, which named thing the conversation is about
 *       ({@link ConversationFocus}); that thing's passages are ranked by embedding similarity to the newest
 *       customer turn and come first. Without a focus, and after the focused passages, BM25 and dense
 *       rankings of the conversation are fused by reciprocal rank.</li>
 * </ul>
 * Score ties are broken by chunk id, so the same index and query always give the same order.
 */
public final class LuceneKnowledgeSearch implements KnowledgeSearch, KnowledgeArticles, AutoCloseable {
    /** How deep each retriever looks before fusion. */
    static final int FUSION_DEPTH = 100;
    /** Focused passages are lifted above every unfocused one by this much (fused scores stay below 1). */
    private static final double FOCUS_LIFT = 1.0;
    private static final int SNIPPET_FALLBACK_CHARS = 240;
    /** More passages than any help-centre article has; longer ones are cut to this. */
    private static final int MAX_PASSAGES = 1000;
    private static final Sort SCORE_THEN_ID =
            new Sort(SortField.FIELD_SCORE, new SortField(IndexFields.CHUNK_ID, SortField.Type.STRING));

    private final Directory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final TextEmbedder embedder;
    private final Analyzer analyzer = KnowledgeAnalyzers.indexAnalyzer();
    private final LexicalQueries lexical = new LexicalQueries(analyzer);
    private final ConversationFocus focus;
    private final Snippets snippets;

    private LuceneKnowledgeSearch(Directory directory, DirectoryReader reader, TextEmbedder embedder) throws IOException {
        this.directory = directory;
        this.reader = reader;
        this.searcher = new IndexSearcher(reader);
        this.searcher.setSimilarity(KnowledgeIndexer.similarity());
        this.embedder = embedder;
        this.focus = new ConversationFocus(new MentionFinder(NameCatalog.load(reader), new IndexDistinctiveness(searcher)));
        this.snippets = new Snippets(searcher, analyzer);
    }

    /** Opens an index and loads the embedding model it was built with. */
    public static LuceneKnowledgeSearch open(Path indexDir) throws IOException {
        return open(indexDir, null);
    }

    /**
     * Opens an index with an already loaded embedder (shared by the indexer and the searcher in one process);
     * {@code null} loads the model the index names.
     */
    public static LuceneKnowledgeSearch open(Path indexDir, TextEmbedder embedder) throws IOException {
        if (!Files.isDirectory(indexDir)) {
            throw new KnowledgeIndexUnavailableException(
                    "no knowledge index at " + indexDir + ": run `assist kb index` first");
        }
        Directory directory = FSDirectory.open(indexDir);
        try {
            if (!DirectoryReader.indexExists(directory)) {
                throw new KnowledgeIndexUnavailableException(
                        "no knowledge index at " + indexDir + ": run `assist kb index` first");
            }
            DirectoryReader reader = DirectoryReader.open(directory);
            try {
                IndexFormat format = IndexFormats.read(reader, indexDir);
                TextEmbedder queryEmbedder = embedder;
                if (queryEmbedder == null) {
                    queryEmbedder = TextEmbedder.load(EmbeddingModelChoice.parse(format.embeddingModel()));
                } else if (!queryEmbedder.choice().id().equals(format.embeddingModel())) {
                    throw new KnowledgeIndexUnavailableException("the index at " + indexDir + " was embedded with "
                            + format.embeddingModel() + ", not " + queryEmbedder.choice().id());
                }
                return new LuceneKnowledgeSearch(directory, reader, queryEmbedder);
            } catch (RuntimeException | IOException e) {
                reader.close();
                throw e;
            }
        } catch (RuntimeException | IOException e) {
            directory.close();
            throw e;
        }
    }

    /** Number of passages in the index. */
    public int chunkCount() {
        return reader.numDocs();
    }

    @Override
    public List<KnowledgeHit> search(KnowledgeQuery query) {
        Conversation conversation = query.conversation();
        if (conversation.isEmpty()) {
            return List.of();
        }
        try {
            Query filter = MetadataFilters.toQuery(query.filters());
            QueryVectors vectors = new QueryVectors(embedder);
            int depth = Math.max(query.limit(), FUSION_DEPTH);
            List<RankedDoc> ranked = switch (query.mode()) {
                case BM25 -> lexicalRanking(lexical.forConversation(conversation), filter, query.limit());
                case DENSE -> denseRanking(embedder.embedQuery(conversation.lastTurnsText(LexicalQueries.CONTEXT_TURNS)),
                        filter, query.limit());
                case HYBRID -> hybridRanking(conversation, filter, query.limit(), depth, vectors);
            };
            List<RankedDoc> top = ranked.subList(0, Math.min(query.limit(), ranked.size()));
            float[] question = query.mode() == SearchMode.HYBRID ? vectors.of(newestCustomerTurn(conversation)) : null;
            return toHits(top, lexical.forHighlighting(conversation), question);
        } catch (IOException e) {
            throw new UncheckedIOException("could not search the knowledge index", e);
        }
    }

    /**
     * With a focus, that thing's passages ranked by embedding similarity to the newest customer turn come
     * first (fusing BM25 in there measured worse: the question's words are shared by every place's FAQ); the
     * general fused ranking only fills up when the focus has fewer passages than asked for.
     */
    private List<RankedDoc> hybridRanking(Conversation conversation, Query filter, int limit, int depth,
                                          QueryVectors vectors) throws IOException {
        Set<String> focusKeys = focus.of(conversation);
        List<RankedDoc> combined = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        if (!focusKeys.isEmpty()) {
            String question = newestCustomerTurn(conversation);
            Query focusFilter = MetadataFilters.and(focusQuery(focusKeys), filter);
            for (RankedDoc doc : denseRanking(vectors.of(question), focusFilter, depth)) {
                seen.add(doc.doc());
                combined.add(new RankedDoc(doc.doc(), doc.chunkId(), doc.score() + FOCUS_LIFT));
            }
            if (combined.size() >= limit) {
                return combined;
            }
        }
        List<RankedDoc> general = ReciprocalRankFusion.fuse(
                lexicalRanking(lexical.forConversation(conversation), filter, depth),
                denseRanking(vectors.of(conversation.lastTurnsText(LexicalQueries.CONTEXT_TURNS)), filter, depth));
        for (RankedDoc doc : general) {
            if (seen.add(doc.doc())) {
                combined.add(doc);
            }
        }
        return combined;
    }

    private static String newestCustomerTurn(Conversation conversation) {
        return conversation.latestCustomerTurn().map(Turn::text).orElse(conversation.lastTurnsText(1));
    }

    private static Query focusQuery(Set<String> keys) {
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        for (String key : keys) {
            builder.add(new TermQuery(new Term(IndexFields.FOCUS, key)), BooleanClause.Occur.SHOULD);
        }
        return builder.build();
    }

    private List<RankedDoc> lexicalRanking(Query query, Query filter, int n) throws IOException {
        Query filtered = MetadataFilters.and(query, filter);
        TopFieldDocs top = searcher.search(filtered, n, SCORE_THEN_ID, true);
        List<RankedDoc> ranked = new ArrayList<>(top.scoreDocs.length);
        for (ScoreDoc hit : top.scoreDocs) {
            FieldDoc fieldDoc = (FieldDoc) hit;
            ranked.add(new RankedDoc(hit.doc, ((BytesRef) fieldDoc.fields[1]).utf8ToString(), hit.score));
        }
        return ranked;
    }

    private List<RankedDoc> denseRanking(float[] vector, Query filter, int n) throws IOException {
        TopDocs top = searcher.search(new KnnFloatVectorQuery(IndexFields.VECTOR, vector, n, filter), n);
        StoredFields stored = searcher.storedFields();
        Set<String> idOnly = Set.of(IndexFields.CHUNK_ID);
        List<RankedDoc> ranked = new ArrayList<>(top.scoreDocs.length);
        for (ScoreDoc hit : top.scoreDocs) {
            ranked.add(new RankedDoc(hit.doc, stored.document(hit.doc, idOnly).get(IndexFields.CHUNK_ID), hit.score));
        }
        ranked.sort(RankedDoc.BEST_FIRST);
        return ranked;
    }

    /** {@code question} is the newest customer turn's vector when similarities are wanted, else null. */
    private List<KnowledgeHit> toHits(List<RankedDoc> ranked, Query highlightQuery, float[] question) throws IOException {
        String[] highlighted = snippets.highlight(highlightQuery, ranked);
        StoredFields stored = searcher.storedFields();
        List<KnowledgeHit> hits = new ArrayList<>(ranked.size());
        for (int i = 0; i < ranked.size(); i++) {
            RankedDoc doc = ranked.get(i);
            Document document = stored.document(doc.doc());
            String text = document.get(IndexFields.BODY);
            String snippet = highlighted[i] != null ? highlighted[i] : Snippets.lead(text, SNIPPET_FALLBACK_CHARS);
            hits.add(new KnowledgeHit(document.get(IndexFields.ARTICLE_ID), doc.chunkId(),
                    document.get(IndexFields.TITLE), document.get(IndexFields.SECTION), snippet, text,
                    document.get(IndexFields.URL), doc.score(), metadata(document),
                    question == null ? Double.NaN : PassageVectors.similarity(reader, doc.doc(), question)));
        }
        return hits;
    }

    @Override
    public Optional<KnowledgeArticle> article(String articleId) {
        try {
            TopDocs top = searcher.search(new TermQuery(new Term(IndexFields.ARTICLE_ID, articleId)), MAX_PASSAGES);
            if (top.scoreDocs.length == 0) {
                return Optional.empty();
            }
            StoredFields stored = searcher.storedFields();
            List<Document> documents = new ArrayList<>();
            for (ScoreDoc hit : top.scoreDocs) {
                documents.add(stored.document(hit.doc));
            }
            documents.sort(java.util.Comparator.comparingInt(
                    (Document d) -> d.getField(IndexFields.POSITION).numericValue().intValue()));
            Document first = documents.getFirst();
            List<KnowledgeArticle.Passage> passages = documents.stream()
                    .map(d -> new KnowledgeArticle.Passage(d.get(IndexFields.CHUNK_ID), d.get(IndexFields.SECTION),
                            d.get(IndexFields.BODY)))
                    .toList();
            return Optional.of(new KnowledgeArticle(articleId, first.get(IndexFields.TITLE),
                    first.get(IndexFields.URL), passages));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read article " + articleId + " from the index", e);
        }
    }

    private static Map<String, String> metadata(Document document) {
        Map<String, String> metadata = new java.util.TreeMap<>();
        for (IndexableField field : document.getFields()) {
            if (field.name().startsWith(IndexFields.META_PREFIX) && field.stringValue() != null) {
                String key = field.name().substring(IndexFields.META_PREFIX.length());
                metadata.merge(key, field.stringValue(), (a, b) -> a + ", " + b);
            }
        }
        return metadata;
    }

    @Override
    public void close() throws IOException {
        try {
            reader.close();
        } finally {
            directory.close();
        }
    }
}
