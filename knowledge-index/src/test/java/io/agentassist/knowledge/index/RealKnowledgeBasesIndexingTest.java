package io.agentassist.knowledge.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentassist.core.knowledge.KnowledgeHit;
import io.agentassist.core.knowledge.KnowledgeQuery;
import io.agentassist.core.knowledge.SearchMode;
import io.agentassist.knowledge.datasets.AbcdPolicies;
import io.agentassist.core.testsupport.SharedDatasets;
import io.agentassist.knowledge.fixtures.IndexContents;
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
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real DuckDuckGo help centre (Markdown) and the ABCD agent policy manual (converted to JSON Lines) loaded
 * by the product's loader and indexed together into one index, as an admin would. Skips when
 * {@code ../shared/datasets} is absent.
 */
class RealKnowledgeBasesIndexingTest {
    private static final String REDIRECT_REASON = "redirect stub (layout: redirect)";
    private static final String TEMPLATE_REASON = "template file (name starts with _)";

    @TempDir
    static Path dir;

    private static Path duckDuckGo;
    private static LoadResult loaded;
    private static IndexReport report;
    private static Path indexDir;
    private static LuceneKnowledgeSearch search;

    @BeforeAll
    static void loadAndIndexBothKnowledgeBases() throws IOException {
        duckDuckGo = SharedDatasets.require("duckduckgo-help").resolve("articles");
        Path abcd = AbcdPolicies.writeJsonLines(AbcdPolicies.articles(AbcdPolicies.guidelines()),
                dir.resolve("abcd-policies.jsonl"));
        loaded = new KnowledgeSourceLoader().load(List.of(duckDuckGo, abcd));
        TextEmbedder embedder = TextEmbedder.load(EmbeddingModelChoice.MINILM);
        indexDir = dir.resolve("index");
        report = new KnowledgeIndexer(indexDir, embedder, new Chunker()).index(loaded, IndexProgress.NONE);
        search = LuceneKnowledgeSearch.open(indexDir, embedder);
    }

    @AfterAll
    static void close() throws IOException {
        if (search != null) {
            search.close();
        }
    }

    private static Set<String> loadedIds(boolean abcd) {
        return loaded.articles().stream().map(Article::id).filter(id -> id.startsWith("abcd:") == abcd)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static List<KnowledgeHit> top5(String question) {
        return search.search(KnowledgeQuery.ofText(question, SearchMode.HYBRID, 5));
    }

    @Test
    void everyLoadedArticleOfBothKnowledgeBasesIsInTheIndex() throws IOException {
        Set<String> indexed = IndexContents.articleIdTerms(indexDir);

        assertThat(loadedIds(false)).hasSizeGreaterThanOrEqualTo(229);
        assertThat(indexed).containsAll(loadedIds(false));
        assertThat(loadedIds(true)).hasSize(55).contains("abcd:product_defect:initiate_refund");
        assertThat(indexed).filteredOn(id -> id.startsWith("abcd:")).containsExactlyInAnyOrderElementsOf(loadedIds(true));
        assertThat(indexed).hasSize(loaded.articles().size());
        assertThat(report.added()).isEqualTo(loaded.articles().size());
        assertThat(report.totalArticles()).isEqualTo(loaded.articles().size());
        assertThat(report.totalChunks()).isEqualTo(search.chunkCount()).isEqualTo(report.chunksWritten());
    }

    @Test
    void everyDuckDuckGoFileIsEitherIndexedOrReportedSkipped() throws IOException {
        long markdownFiles;
        try (Stream<Path> files = Files.walk(duckDuckGo)) {
            markdownFiles = files.filter(p -> p.toString().endsWith(".md")).count();
        }

        assertThat(loadedIds(false).size() + report.skipped().size()).isEqualTo(markdownFiles).isEqualTo(262);
    }

    @Test
    void redirectStubsAndTheTemplateAreReportedSkippedWithTheirReasons() {
        List<SkippedSource> skipped = report.skipped();

        assertThat(skipped).filteredOn(s -> s.reason().startsWith(REDIRECT_REASON)).hasSize(31)
                .allSatisfy(s -> assertThat(s.path()).startsWith(duckDuckGo.toString()).endsWith(".md"));
        assertThat(skipped).filteredOn(s -> s.path().endsWith("_defaults.md")).singleElement()
                .satisfies(s -> assertThat(s.reason()).isEqualTo(TEMPLATE_REASON));
        assertThat(skipped).as("nothing else is skipped but a page without body text")
                .allSatisfy(s -> assertThat(s.reason()).matches("(redirect stub \\(layout: redirect\\).*|"
                        + "template file \\(name starts with _\\)|no body text)"));
        assertThat(skipped).extracting(SkippedSource::path).noneMatch(path -> path.endsWith(".jsonl"));
    }

    @Test
    void noStoredPassageCarriesKramdownOrLiquidResidue() throws IOException {
        List<StoredChunk> chunks = IndexContents.read(indexDir).chunks();

        assertThat(chunks).hasSize(search.chunkCount());
        assertThat(chunks).allSatisfy(chunk -> assertThat(chunk.body()).as(chunk.chunkId())
                .isNotBlank()
                .doesNotContain("{:", "{%", "{{"));
    }

    @Test
    void askingHowToClearBrowsingHistoryFindsTheFireButton() {
        assertThat(top5("how do I clear my browsing history"))
                .anySatisfy(hit -> {
                    assertThat(hit.articleId()).isEqualTo("privacy/web-tracking-protections");
                    assertThat(hit.section()).isEqualTo("The Fire Button");
                });
    }

    @Test
    void askingToMakeDuckDuckGoTheDefaultInFirefoxFindsTheFirefoxGuideFirst() {
        assertThat(top5("How do I make DuckDuckGo my default search engine in Firefox?").getFirst().articleId())
                .isEqualTo("change-default-search-engine/firefox");
    }

    @Test
    void aRefundForADamagedItemFindsTheProductDefectRefundPolicies() {
        assertThat(top5("customer wants a refund for a damaged item")).extracting(KnowledgeHit::articleId)
                .isSubsetOf("abcd:product_defect:initiate_refund", "abcd:product_defect:update_refund",
                        "abcd:product_defect:refund_status");
        assertThat(top5("I want to start a refund").getFirst().articleId()).isEqualTo("abcd:product_defect:initiate_refund");
    }

    @Test
    void aForgottenPasswordFindsTheAnswerInEachKnowledgeBase() {
        assertThat(top5("I forgot my password and can't log in")).extracting(KnowledgeHit::articleId)
                .startsWith("email-protection/troubleshooting/where-do-i-find-my-password",
                        "abcd:account_access:recover_password");
    }
}
