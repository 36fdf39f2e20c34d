package io.agentassist.knowledge.index;

import static io.agentassist.knowledge.fixtures.FixtureKnowledge.GOLDEN_WOK;
import static io.agentassist.knowledge.fixtures.FixtureKnowledge.HOBSONS;
import static io.agentassist.knowledge.fixtures.FixtureKnowledge.THE_PLACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.agentassist.core.knowledge.KnowledgeHit;
import io.agentassist.core.knowledge.KnowledgeQuery;
import io.agentassist.core.knowledge.SearchMode;
import io.agentassist.knowledge.fixtures.FixtureKnowledge;
import io.agentassist.knowledge.fixtures.IndexContents;
import io.agentassist.knowledge.fixtures.IndexContents.Snapshot;
import io.agentassist.knowledge.fixtures.IndexContents.StoredChunk;
import io.agentassist.knowledge.ingest.Article;
import io.agentassist.knowledge.ingest.Chunker;
import io.agentassist.knowledge.ingest.KnowledgeSourceLoader;
import io.agentassist.knowledge.ingest.LoadResult;
import io.agentassist.knowledge.ingest.SkippedSource;
import io.agentassist.knowledge.search.LuceneKnowledgeSearch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnowledgeIndexerTest {
    private static final int FIXTURE_ARTICLES = FixtureKnowledge.articles().size();
    private static TextEmbedder embedder;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadModel() {
        embedder = FixtureKnowledge.embedder();
    }

    private KnowledgeIndexer indexer() {
        return new KnowledgeIndexer(dir, embedder, new Chunker());
    }

    private IndexReport index(List<Article> articles) throws IOException {
        return indexer().index(new LoadResult(articles, List.of()), IndexProgress.NONE);
    }

    private List<KnowledgeHit> bm25(String question, int limit) throws IOException {
        try (LuceneKnowledgeSearch search = LuceneKnowledgeSearch.open(dir, embedder)) {
            return search.search(KnowledgeQuery.ofText(question, SearchMode.BM25, limit));
        }
    }

    @Test
    void firstRunAddsEveryArticleAndStampsTheCommitWithFormatAndModel() throws IOException {
        IndexReport report = index(FixtureKnowledge.articles());

        Snapshot index = IndexContents.read(dir);
        assertThat(report.added()).isEqualTo(FIXTURE_ARTICLES);
        assertThat(report.updated() + report.unchanged() + report.deleted()).isZero();
        assertThat(report.rebuildReason()).isEmpty();
        assertThat(report.totalArticles()).isEqualTo(FIXTURE_ARTICLES);
        assertThat(report.chunksWritten()).isEqualTo(report.totalChunks()).isEqualTo(index.chunks().size());
        assertThat(index.articleIds()).containsExactlyInAnyOrderElementsOf(FixtureKnowledge.ids(FixtureKnowledge.articles()));
        assertThat(index.chunksOf(HOBSONS)).extracting(StoredChunk::chunkId)
                .containsExactly("hobsons-house#0", "hobsons-house#1", "hobsons-house#2", "hobsons-house#3", "hobsons-house#4");
        assertThat(index.chunksOf(HOBSONS)).extracting(StoredChunk::section)
                .containsExactlyElementsOf(FixtureKnowledge.HOBSONS_SECTIONS);
        assertThat(index.userData()).containsEntry(IndexFormat.KEY_VERSION, Integer.toString(IndexFormat.VERSION))
                .containsEntry(IndexFormat.KEY_MODEL, "all-minilm-l6-v2-q")
                .containsEntry(IndexFormat.KEY_DIMENSION, "384");
    }

    @Test
    void secondRunOverTheSameArticlesReportsEverythingUnchangedAndWritesNothing() throws IOException {
        index(FixtureKnowledge.articles());
        Snapshot before = IndexContents.read(dir);
        List<String> filesBefore = indexFiles();

        IndexReport report = index(FixtureKnowledge.articles());

        assertThat(report.unchanged()).isEqualTo(FIXTURE_ARTICLES);
        assertThat(report.added() + report.updated() + report.deleted() + report.chunksWritten()).isZero();
        assertThat(report.totalArticles()).isEqualTo(FIXTURE_ARTICLES);
        assertThat(report.totalChunks()).isEqualTo(before.chunks().size());
        assertUnchanged(IndexContents.read(dir), before);
        assertThat(indexFiles()).isEqualTo(filesBefore);
    }

    @Test
    void changedArticleIsReplacedSoSearchFindsTheNewTextAndNotTheOld() throws IOException {
        index(FixtureKnowledge.articles());
        Article newHobsons = FixtureKnowledge.place(HOBSONS, "Hobsons House", "hotel", "guesthouse",
                "Parking", "Parking now costs 12 pounds a night in the council car park on Castle Street.",
                "Reviews", "Guests praise the quiet garden and the friendly owners.");
        List<Article> edited = new ArrayList<>(FixtureKnowledge.articles());
        edited.replaceAll(a -> a.id().equals(HOBSONS) ? newHobsons : a);

        IndexReport report = index(edited);

        assertThat(report.updated()).isEqualTo(1);
        assertThat(report.unchanged()).isEqualTo(FIXTURE_ARTICLES - 1);
        assertThat(report.added() + report.deleted()).isZero();
        assertThat(report.chunksWritten()).isEqualTo(2);
        // the old version had five passages: none of them may linger beside the two new ones
        assertThat(IndexContents.read(dir).chunksOf(HOBSONS)).extracting(StoredChunk::chunkId, StoredChunk::section)
                .containsExactly(
                        tuple("hobsons-house#0", "Parking"),
                        tuple("hobsons-house#1", "Reviews"));
        assertThat(bm25("How much is parking at Hobsons House?", 3).getFirst())
                .satisfies(hit -> {
                    assertThat(hit.chunkId()).isEqualTo("hobsons-house#0");
                    assertThat(hit.text()).contains("12 pounds a night");
                });
        assertThat(bm25("courtyard behind the house", 20)).extracting(KnowledgeHit::text)
                .noneMatch(text -> text.contains("courtyard"));
    }

    @Test
    void removedArticleIsDeleted() throws IOException {
        index(FixtureKnowledge.articles());
        List<Article> withoutThePlace = FixtureKnowledge.articles().stream().filter(a -> !a.id().equals(THE_PLACE)).toList();

        IndexReport report = index(withoutThePlace);

        assertThat(report.deleted()).isEqualTo(1);
        assertThat(report.unchanged()).isEqualTo(FIXTURE_ARTICLES - 1);
        assertThat(report.totalArticles()).isEqualTo(FIXTURE_ARTICLES - 1);
        assertThat(IndexContents.read(dir).articleIds()).doesNotContain(THE_PLACE).hasSize(FIXTURE_ARTICLES - 1);
        assertThat(IndexContents.articleIdTerms(dir)).doesNotContain(THE_PLACE);
        assertThat(bm25("Is there a dress code? No sportswear?", 20)).extracting(KnowledgeHit::articleId)
                .doesNotContain(THE_PLACE);
    }

    @Test
    void articleWhoseSourceFileIsReportedSkippedKeepsItsIndexedVersion() throws IOException {
        index(FixtureKnowledge.articles());
        Snapshot before = IndexContents.read(dir);
        Article hobsons = FixtureKnowledge.articles().stream().filter(a -> a.id().equals(HOBSONS)).findFirst().orElseThrow();
        List<Article> others = FixtureKnowledge.articles().stream().filter(a -> !a.id().equals(HOBSONS)).toList();
        SkippedSource broken = new SkippedSource(hobsons.source(), "invalid YAML front matter: line 2");

        IndexReport kept = indexer().index(new LoadResult(others, List.of(broken)), IndexProgress.NONE);

        assertThat(kept.deleted()).isZero();
        assertThat(kept.unchanged()).isEqualTo(FIXTURE_ARTICLES - 1);
        assertThat(kept.totalArticles()).isEqualTo(FIXTURE_ARTICLES);
        assertThat(kept.skipped()).containsExactly(broken);
        assertThat(IndexContents.read(dir).chunksOf(HOBSONS)).isEqualTo(before.chunksOf(HOBSONS));

        IndexReport gone = index(others);

        assertThat(gone.deleted()).isEqualTo(1);
        assertThat(IndexContents.read(dir).articleIds()).doesNotContain(HOBSONS);
    }

    @Test
    void markdownFileWithBrokenFrontMatterKeepsItsIndexedVersionThroughTheRealLoader() throws IOException {
        Path kb = Files.createDirectories(dir.resolve("kb"));
        Path indexDir = dir.resolve("index");
        Path refunds = Files.writeString(kb.resolve("refunds.md"), """
                ---
                title: How refunds work
                category: billing
                ---
                Refunds go back to the original payment method within 10 working days.
                """);
        Files.writeString(kb.resolve("passwords.md"), """
                ---
                title: Reset your password
                ---
                Choose Forgot password on the sign-in page.
                """);
        KnowledgeIndexer indexer = new KnowledgeIndexer(indexDir, embedder, new Chunker());
        KnowledgeSourceLoader loader = new KnowledgeSourceLoader();
        indexer.index(loader.load(List.of(kb)), IndexProgress.NONE);
        Files.writeString(refunds, """
                ---
                title: "How refunds work
                category: [billing
                ---
                Refunds go back to the original payment method within 10 working days.
                """);

        LoadResult broken = loader.load(List.of(kb));
        IndexReport report = indexer.index(broken, IndexProgress.NONE);

        assertThat(broken.articles()).extracting(Article::id).containsExactly("passwords");
        assertThat(report.skipped()).extracting(SkippedSource::path).containsExactly(refunds.toString());
        assertThat(report.deleted()).isZero();
        assertThat(report.totalArticles()).isEqualTo(2);
        assertThat(IndexContents.read(indexDir).articleIds()).containsExactly("passwords", "refunds");
    }

    @Test
    void badLineOfAJsonLinesFileKeepsThatFilesIndexedArticles() throws IOException {
        Path kb = Files.createDirectories(dir.resolve("kb"));
        Path indexDir = dir.resolve("index");
        Path faq = kb.resolve("faq.jsonl");
        Files.writeString(faq, """
                {"id":"refunds","title":"Refunds","body":"Refunds reach your card within 10 working days."}
                {"id":"passwords","title":"Passwords","body":"Choose Forgot password on the sign-in page."}
                """);
        KnowledgeIndexer indexer = new KnowledgeIndexer(indexDir, embedder, new Chunker());
        KnowledgeSourceLoader loader = new KnowledgeSourceLoader();
        indexer.index(loader.load(List.of(kb)), IndexProgress.NONE);
        Files.writeString(faq, """
                {"id":"refunds","title":"Refunds","body":"Refunds reach your card within 10 working days."
                {"id":"passwords","title":"Passwords","body":"Choose Forgot password on the sign-in page."}
                """);

        IndexReport report = indexer.index(loader.load(List.of(kb)), IndexProgress.NONE);

        assertThat(report.skipped()).extracting(SkippedSource::path).containsExactly(faq + ":1");
        assertThat(report.deleted()).isZero();
        assertThat(IndexContents.read(indexDir).articleIds()).containsExactlyInAnyOrder("passwords", "refunds");
    }

    @Test
    void articleWithoutTextIsReportedSkippedAndNotCountedAndASecondRunWritesNothing() throws IOException {
        Article empty = new Article("blank", "A review", "  ", "", "en", List.of(), Map.of(), "reviews.jsonl");
        List<Article> articles = new java.util.ArrayList<>(FixtureKnowledge.articles());
        articles.add(empty);

        IndexReport first = index(articles);
        List<String> filesAfterFirst = indexFiles();
        IndexReport second = index(articles);

        assertThat(first.added()).isEqualTo(FIXTURE_ARTICLES);
        assertThat(first.totalArticles()).isEqualTo(FIXTURE_ARTICLES);
        assertThat(first.skipped()).extracting(SkippedSource::reason)
                .containsExactly("article blank has no text to index");
        assertThat(second.added() + second.updated() + second.chunksWritten()).isZero();
        assertThat(indexFiles()).isEqualTo(filesAfterFirst);
        assertThat(IndexContents.read(dir).articleIds()).doesNotContain("blank");
    }

    @Test
    void indexStampedWithAnotherFormatVersionIsRebuiltAndTheReportSaysWhy() throws IOException {
        index(FixtureKnowledge.articles());
        rewriteCommit(data -> data.put(IndexFormat.KEY_VERSION, "0"), stray("stale-article"));
        assertThat(IndexContents.read(dir).articleIds()).contains("stale-article");

        IndexReport report = index(FixtureKnowledge.articles());

        assertThat(report.rebuildReason()).isEqualTo("the index was written by format version 0 and this version of "
                + "Agent Assist writes format " + IndexFormat.VERSION);
        assertThat(report.added()).isEqualTo(FIXTURE_ARTICLES);
        assertThat(report.unchanged() + report.updated() + report.deleted()).isZero();
        Snapshot rebuilt = IndexContents.read(dir);
        assertThat(rebuilt.articleIds()).doesNotContain("stale-article").hasSize(FIXTURE_ARTICLES);
        assertThat(rebuilt.userData()).containsEntry(IndexFormat.KEY_VERSION, Integer.toString(IndexFormat.VERSION));
        assertThat(index(FixtureKnowledge.articles()).rebuildReason()).isEmpty();
    }

    @Test
    void indexWithoutAFormatStampIsRebuiltAndTheReportSaysWhy() throws IOException {
        try (Directory directory = FSDirectory.open(dir);
             IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(KnowledgeAnalyzers.indexAnalyzer()))) {
            writer.addDocument(stray("legacy-article"));
            writer.commit();
        }

        IndexReport report = index(FixtureKnowledge.articles());

        assertThat(report.rebuildReason()).isEqualTo("the index carries no format stamp (written by an older version)");
        assertThat(report.added()).isEqualTo(FIXTURE_ARTICLES);
        assertThat(IndexContents.read(dir).articleIds()).doesNotContain("legacy-article").hasSize(FIXTURE_ARTICLES);
    }

    @Test
    void indexBuiltWithAnotherEmbeddingModelIsRebuiltWithAReason() throws IOException {
        TextEmbedder bge = TextEmbedder.load(EmbeddingModelChoice.BGE_SMALL);
        new KnowledgeIndexer(dir, bge, new Chunker()).index(FixtureKnowledge.loaded(), IndexProgress.NONE);
        assertThat(IndexContents.read(dir).userData()).containsEntry(IndexFormat.KEY_MODEL, "bge-small-en-v1.5-q");

        IndexReport report = index(FixtureKnowledge.articles());

        assertThat(report.rebuildReason())
                .isEqualTo("the index was embedded with bge-small-en-v1.5-q and all-minilm-l6-v2-q was asked for");
        assertThat(report.added()).isEqualTo(FIXTURE_ARTICLES);
        assertThat(report.unchanged()).isZero();
        assertThat(IndexContents.read(dir).userData()).containsEntry(IndexFormat.KEY_MODEL, "all-minilm-l6-v2-q");
        try (LuceneKnowledgeSearch search = LuceneKnowledgeSearch.open(dir, embedder)) {
            assertThat(search.search(KnowledgeQuery.ofText("Is there parking at Hobsons House?", SearchMode.DENSE, 1)))
                    .extracting(KnowledgeHit::chunkId).containsExactly("hobsons-house#0");
        }
    }

    @Test
    void crashHalfWayLeavesThePreviousCommitFullySearchableAndUnchanged() throws IOException {
        index(FixtureKnowledge.articles());
        Snapshot before = IndexContents.read(dir);
        List<Article> grown = new ArrayList<>(FixtureKnowledge.articles());
        grown.addAll(fillers(300)); // two steps of embedding: 256 articles, then 44
        Article newHobsons = FixtureKnowledge.place(HOBSONS, "Hobsons House", "hotel", "guesthouse",
                "Parking", "Parking now costs 12 pounds a night.");
        grown.replaceAll(a -> a.id().equals(HOBSONS) ? newHobsons : a);
        List<Article> withoutThePlace = grown.stream().filter(a -> !a.id().equals(THE_PLACE)).toList();

        assertThatThrownBy(() -> indexer().index(new LoadResult(withoutThePlace, List.of()), crashOnSecondStep()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("simulated crash after 256 articles");

        assertUnchanged(IndexContents.read(dir), before);
        try (LuceneKnowledgeSearch search = LuceneKnowledgeSearch.open(dir, embedder)) {
            assertThat(search.chunkCount()).isEqualTo(before.chunks().size());
            List<KnowledgeHit> hits = search.search(KnowledgeQuery.ofText("Is there parking at Hobsons House?",
                    SearchMode.HYBRID, 1));
            assertThat(hits).singleElement().satisfies(hit -> {
                assertThat(hit.chunkId()).isEqualTo("hobsons-house#0");
                assertThat(hit.text()).contains("courtyard");
            });
        }
        // the failed run released the index: the next run opens it and finds nothing to do
        assertThat(index(FixtureKnowledge.articles()).unchanged()).isEqualTo(FIXTURE_ARTICLES);
    }

    @Test
    void crashDuringARebuildLeavesTheOldIndexInPlace() throws IOException {
        index(FixtureKnowledge.articles());
        rewriteCommit(data -> data.put(IndexFormat.KEY_VERSION, "0"));
        Snapshot before = IndexContents.read(dir);

        assertThatThrownBy(() -> indexer().index(new LoadResult(fillers(300), List.of()), crashOnSecondStep()))
                .hasMessage("simulated crash after 256 articles");

        assertUnchanged(IndexContents.read(dir), before);
    }

    @Test
    void duplicateArticleIdsAreCountedOnceAndTheFirstIsKept() throws IOException {
        Article secondWok = FixtureKnowledge.place(GOLDEN_WOK, "Golden Wok", "restaurant", "chinese",
                "Opening hours", "Closed for good.");
        List<Article> articles = FixtureKnowledge.with(FixtureKnowledge.articles(), secondWok);

        IndexReport report = index(articles);

        assertThat(report.added()).isEqualTo(FIXTURE_ARTICLES);
        assertThat(report.totalArticles()).isEqualTo(FIXTURE_ARTICLES);
        assertThat(IndexContents.read(dir).chunksOf(GOLDEN_WOK)).extracting(StoredChunk::body)
                .hasSize(3)
                .noneMatch(body -> body.contains("Closed for good"));
        assertThat(index(articles).unchanged()).isEqualTo(FIXTURE_ARTICLES);
    }

    private static void assertUnchanged(Snapshot after, Snapshot before) {
        assertThat(after.generation()).as("commit generation").isEqualTo(before.generation());
        assertThat(after.userData()).as("format stamp").isEqualTo(before.userData());
        assertThat(after.chunkIds()).as("chunk ids").containsExactlyElementsOf(before.chunkIds());
        assertThat(after.chunks()).as("stored chunks").isEqualTo(before.chunks());
    }

    private static List<Article> fillers(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> new Article("filler/%03d".formatted(i), "Filler note " + i,
                        "Short note number " + i + " about nothing in particular.", "", "en", List.of(), Map.of(),
                        "fixtures/filler-" + i + ".md"))
                .toList();
    }

    private static IndexProgress crashOnSecondStep() {
        return new IndexProgress() {
            private long doneBefore = -1;

            @Override
            public void started(long total) {
            }

            @Override
            public void advanced(long done) {
                if (doneBefore >= 0) {
                    throw new IllegalStateException("simulated crash after " + doneBefore + " articles");
                }
                doneBefore = done;
            }
        };
    }

    private static Document stray(String articleId) {
        Document doc = new Document();
        doc.add(new StringField(IndexFields.ARTICLE_ID, articleId, Field.Store.YES));
        doc.add(new StringField(IndexFields.CHUNK_ID, articleId + "#0", Field.Store.YES));
        doc.add(new SortedDocValuesField(IndexFields.CHUNK_ID, new BytesRef(articleId + "#0")));
        return doc;
    }

    /** Commits once more with a raw Lucene writer, editing the stamp and adding documents. */
    private void rewriteCommit(Consumer<Map<String, String>> editStamp, Document... add) throws IOException {
        try (Directory directory = FSDirectory.open(dir);
             IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(KnowledgeAnalyzers.indexAnalyzer())
                     .setOpenMode(IndexWriterConfig.OpenMode.APPEND))) {
            Map<String, String> data = new HashMap<>();
            writer.getLiveCommitData().forEach(e -> data.put(e.getKey(), e.getValue()));
            editStamp.accept(data);
            for (Document doc : add) {
                writer.addDocument(doc);
            }
            writer.setLiveCommitData(data.entrySet());
            writer.commit();
        }
    }

    private List<String> indexFiles() throws IOException {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(name -> !name.equals("write.lock")).sorted().toList();
        }
    }
}
