package io.agentassist.knowledge.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentassist.core.knowledge.SearchMode;
import io.agentassist.knowledge.datasets.Dstc11;
import io.agentassist.core.testsupport.SharedDatasets;
import io.agentassist.knowledge.eval.EvalReport;
import io.agentassist.knowledge.eval.ModeMetrics;
import io.agentassist.knowledge.eval.RetrievalEvaluator;
import io.agentassist.knowledge.index.EmbeddingModelChoice;
import io.agentassist.knowledge.index.IndexProgress;
import io.agentassist.knowledge.index.KnowledgeIndexer;
import io.agentassist.knowledge.index.TextEmbedder;
import io.agentassist.knowledge.ingest.Chunker;
import io.agentassist.knowledge.ingest.LoadResult;
import io.agentassist.core.testsupport.PinnedFigures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retrieval quality on real conversations (DSTC11 Track 5, development split), checked like Anserini does:
 * the expected metrics are checked in to four decimals and the test fails when they move in either
 * direction. An improvement is welcome, but it must be recorded by updating
 * {@code regression/dstc11-dev.json} in the same commit as the change that caused it, so the expected
 * numbers never drift from what the code really does.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Dstc11RetrievalRegressionTest {
    private static final String EXPECTED = "/regression/dstc11-dev.json";

    private EvalReport report;

    @BeforeAll
    void indexAndEvaluate(@TempDir Path indexDir) throws IOException {
        Path dataset = SharedDatasets.require("dstc11-track5");
        TextEmbedder embedder = TextEmbedder.load(EmbeddingModelChoice.defaultChoice());
        new KnowledgeIndexer(indexDir, embedder, new Chunker())
                .index(new LoadResult(Dstc11.articles(dataset), List.of()), IndexProgress.NONE);
        try (LuceneKnowledgeSearch search = LuceneKnowledgeSearch.open(indexDir, embedder)) {
            report = new RetrievalEvaluator(search)
                    .evaluate(Dstc11.evalItems(dataset), List.of(SearchMode.BM25, SearchMode.DENSE, SearchMode.HYBRID));
        }
        System.out.println("DSTC11 dev retrieval (" + report.queries() + " queries):");
        report.results().forEach(m -> System.out.printf(Locale.ROOT,
                "  %-6s success@1 %.4f success@5 %.4f recall@10 %.4f mrr@10 %.4f p50 %.2f ms p99 %.2f ms%n",
                m.mode().id(), m.successAt1(), m.successAt5(), m.recallAt10(), m.mrrAt10(), m.p50Millis(), m.p99Millis()));
    }

    @Test
    void metricsMatchTheCheckedInNumbersInBothDirections() throws IOException {
        PinnedFigures pinned = PinnedFigures.read(getClass(), EXPECTED);
        assertThat(report.queries()).isEqualTo(pinned.root().path("queries").asInt());
        for (ModeMetrics metrics : report.results()) {
            String mode = metrics.mode().id();
            pinned.figure(metrics.successAt1(), "results", mode, "success@1")
                    .figure(metrics.successAt5(), "results", mode, "success@5")
                    .figure(metrics.recallAt10(), "results", mode, "recall@10")
                    .figure(metrics.mrrAt10(), "results", mode, "mrr@10");
        }
        pinned.assertNoneMoved("retrieval metrics");
    }

    @Test
    void hybridMeetsTheTargetAndIsAtLeastAsGoodAsEitherRetrieverAlone() {
        ModeMetrics bm25 = mode(SearchMode.BM25);
        ModeMetrics dense = mode(SearchMode.DENSE);
        ModeMetrics hybrid = mode(SearchMode.HYBRID);
        assertThat(hybrid.successAt5()).isGreaterThanOrEqualTo(0.92);
        assertThat(hybrid.mrrAt10()).isGreaterThanOrEqualTo(0.78);
        assertThat(hybrid.successAt5()).isGreaterThanOrEqualTo(Math.max(bm25.successAt5(), dense.successAt5()));
        assertThat(hybrid.mrrAt10()).isGreaterThanOrEqualTo(Math.max(bm25.mrrAt10(), dense.mrrAt10()));
    }

    private ModeMetrics mode(SearchMode mode) {
        return report.results().stream().filter(m -> m.mode() == mode).findFirst().orElseThrow();
    }


}
