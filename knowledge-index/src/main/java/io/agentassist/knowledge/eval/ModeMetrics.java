package io.agentassist.knowledge.eval;

import io.agentassist.core.knowledge.SearchMode;
import java.util.Objects;

/**
 * How well and how fast one search mode did over a whole eval set. Quality is judged on distinct articles
 * (see {@link RankingMetrics}); latencies are in milliseconds per search call, measured after a warm-up.
 *
 * @param successAt1 share of queries whose best article is relevant
 * @param successAt5 share of queries with a relevant article in the top 5
 * @param recallAt10 mean share of each query's relevant articles found in the top 10
 * @param mrrAt10    mean of 1 / rank of the first relevant article in the top 10 (0 when none)
 */
public record ModeMetrics(
        SearchMode mode,
        double successAt1,
        double successAt5,
        double recallAt10,
        double mrrAt10,
        double p50Millis,
        double p99Millis) {

    public ModeMetrics {
        Objects.requireNonNull(mode, "mode");
    }
}
