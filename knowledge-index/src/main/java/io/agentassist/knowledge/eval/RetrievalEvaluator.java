package io.agentassist.knowledge.eval;

import io.agentassist.core.knowledge.KnowledgeHit;
import io.agentassist.core.knowledge.KnowledgeQuery;
import io.agentassist.core.knowledge.KnowledgeSearch;
import io.agentassist.core.knowledge.SearchMode;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Runs an eval set against any {@link KnowledgeSearch} and reports ranking quality and latency per search
 * mode, so an admin can compare BM25, dense and hybrid on their own data and a regression test can pin the
 * numbers. It depends only on the core port, never on Lucene, so the same code measures any index.
 *
 * <p>Each query asks for {@value #SEARCH_DEPTH} chunks: chunks of one article crowd each other, and asking
 * deep leaves enough distinct articles to fill the top {@value #CUTOFF} after duplicates are dropped.
 * Items are searched in list order and nothing is random, so two runs over the same index give the same
 * quality numbers; only the latencies vary.
 */
public final class RetrievalEvaluator {

    static final int SEARCH_DEPTH = 50;
    static final int CUTOFF = 10;
    static final int WARM_UP_QUERIES = 50;

    private final KnowledgeSearch search;
    private final LongSupplier nanoClock;

    public RetrievalEvaluator(KnowledgeSearch search) {
        this(search, System::nanoTime);
    }

    /** For tests: a clock that advances by known amounts makes the latency figures exact. */
    RetrievalEvaluator(KnowledgeSearch search, LongSupplier nanoClock) {
        this.search = Objects.requireNonNull(search, "search");
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
    }

    /** Evaluates every item under each mode, modes in the order given. */
    public EvalReport evaluate(List<EvalItem> items, List<SearchMode> modes) {
        if (items.isEmpty()) {
            throw new IllegalArgumentException("no eval items to evaluate");
        }
        if (modes.isEmpty()) {
            throw new IllegalArgumentException("no search modes to evaluate");
        }
        List<ModeMetrics> results = modes.stream().map(mode -> evaluate(items, mode)).toList();
        return new EvalReport(items.size(), results);
    }

    private ModeMetrics evaluate(List<EvalItem> items, SearchMode mode) {
        warmUp(items, mode);
        int n = items.size();
        double[] millis = new double[n];
        int foundAt1 = 0;
        int foundAt5 = 0;
        double recallSum = 0;
        double reciprocalRankSum = 0;
        for (int i = 0; i < n; i++) {
            EvalItem item = items.get(i);
            KnowledgeQuery query = queryFor(item, mode);
            long start = nanoClock.getAsLong();
            List<KnowledgeHit> hits = search.search(query);
            millis[i] = (nanoClock.getAsLong() - start) / 1_000_000.0;

            List<String> ranking = RankingMetrics.distinctArticles(
                    hits.stream().map(KnowledgeHit::articleId).toList(), CUTOFF);
            foundAt1 += RankingMetrics.foundWithin(ranking, item.relevant(), 1) ? 1 : 0;
            foundAt5 += RankingMetrics.foundWithin(ranking, item.relevant(), 5) ? 1 : 0;
            recallSum += RankingMetrics.recallAt(ranking, item.relevant(), CUTOFF);
            reciprocalRankSum += RankingMetrics.reciprocalRankAt(ranking, item.relevant(), CUTOFF);
        }
        return new ModeMetrics(mode,
                (double) foundAt1 / n,
                (double) foundAt5 / n,
                recallSum / n,
                reciprocalRankSum / n,
                Percentiles.nearestRank(millis, 50),
                Percentiles.nearestRank(millis, 99));
    }

    /**
     * Untimed searches before each mode's timed pass: the first calls of a mode load models, fill caches and
     * trigger JIT compilation, and would otherwise be reported as that mode's tail latency.
     */
    private void warmUp(List<EvalItem> items, SearchMode mode) {
        for (EvalItem item : items.subList(0, Math.min(WARM_UP_QUERIES, items.size()))) {
            search.search(queryFor(item, mode));
        }
    }

    private static KnowledgeQuery queryFor(EvalItem item, SearchMode mode) {
        return new KnowledgeQuery(item.conversation(), mode, SEARCH_DEPTH, Map.of());
    }
}
