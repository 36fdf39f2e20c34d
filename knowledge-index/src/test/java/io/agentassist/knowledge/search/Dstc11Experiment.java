package io.agentassist.knowledge.search;

import io.agentassist.core.knowledge.SearchMode;
import io.agentassist.knowledge.datasets.Dstc11;
import io.agentassist.knowledge.eval.EvalItem;
import io.agentassist.knowledge.eval.EvalReport;
import io.agentassist.knowledge.eval.RetrievalEvaluator;
import io.agentassist.knowledge.index.EmbeddingModelChoice;
import io.agentassist.knowledge.index.IndexProgress;
import io.agentassist.knowledge.index.IndexReport;
import io.agentassist.knowledge.index.KnowledgeIndexer;
import io.agentassist.knowledge.index.TextEmbedder;
import io.agentassist.knowledge.ingest.Chunker;
import io.agentassist.knowledge.ingest.LoadResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Scratch: index DSTC11 dev and evaluate the three modes. Args: datasetDir indexDir model [reuse]. */
public final class Dstc11Experiment {
    public static void main(String[] args) throws Exception {
        Path dataset = Path.of(args[0]);
        Path indexDir = Path.of(args[1]);
        TextEmbedder embedder = TextEmbedder.load(EmbeddingModelChoice.parse(args[2]));
        if (args.length < 4 || !Files.exists(indexDir)) {
            long t = System.nanoTime();
            IndexReport report = new KnowledgeIndexer(indexDir, embedder, new Chunker())
                    .index(new LoadResult(Dstc11.articles(dataset), List.of()), IndexProgress.NONE);
            System.out.printf("indexed %s in %.1f s%n", report, (System.nanoTime() - t) / 1e9);
        }
        List<EvalItem> items = Dstc11.evalItems(dataset);
        try (LuceneKnowledgeSearch search = LuceneKnowledgeSearch.open(indexDir, embedder)) {
            EvalReport report = new RetrievalEvaluator(search).evaluate(items, List.of(SearchMode.BM25, SearchMode.DENSE, SearchMode.HYBRID));
            System.out.println("queries " + report.queries());
            report.results().forEach(m -> System.out.printf("%-7s s@1 %.4f s@5 %.4f r@10 %.4f mrr@10 %.4f p50 %.2f p99 %.2f%n",
                    m.mode().id(), m.successAt1(), m.successAt5(), m.recallAt10(), m.mrrAt10(), m.p50Millis(), m.p99Millis()));
        }
    }
}
