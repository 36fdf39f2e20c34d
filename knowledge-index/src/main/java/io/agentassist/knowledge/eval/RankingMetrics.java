package io.agentassist.knowledge.eval;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The arithmetic of ranking quality for one query, kept apart from searching and timing so every number
 * can be checked by hand. A ranking here is a list of article ids, best first, in which each article
 * appears once: the index returns chunks, but a person judged articles, so an article found three times
 * must count once and take the rank of its best chunk ({@link #distinctArticles}).
 */
final class RankingMetrics {

    private RankingMetrics() {
    }

    /**
     * The first {@code depth} distinct article ids, each at the rank of its first (best) occurrence. Later
     * chunks of an article already listed are dropped, so they do not push other articles down.
     */
    static List<String> distinctArticles(List<String> articleIdsByRank, int depth) {
        Set<String> seen = new LinkedHashSet<>();
        for (String id : articleIdsByRank) {
            if (seen.size() == depth) {
                break;
            }
            seen.add(id);
        }
        return List.copyOf(seen);
    }

    /** Whether a relevant article is among the first {@code k}. */
    static boolean foundWithin(List<String> ranking, Set<String> relevant, int k) {
        return firstRelevantRank(ranking, relevant, k) > 0;
    }

    /**
     * The share of the relevant articles found among the first {@code k}. Each relevant article counts once
     * even if the ranking lists it twice, so recall never exceeds 1.
     */
    static double recallAt(List<String> ranking, Set<String> relevant, int k) {
        requireRelevant(relevant);
        Set<String> found = new LinkedHashSet<>();
        for (String id : top(ranking, k)) {
            if (relevant.contains(id)) {
                found.add(id);
            }
        }
        return (double) found.size() / relevant.size();
    }

    /** 1 / rank of the first relevant article among the first {@code k}; 0 when none is there. */
    static double reciprocalRankAt(List<String> ranking, Set<String> relevant, int k) {
        int rank = firstRelevantRank(ranking, relevant, k);
        return rank == 0 ? 0.0 : 1.0 / rank;
    }

    /** The 1-based rank of the first relevant article within the first {@code k}, or 0. */
    private static int firstRelevantRank(List<String> ranking, Set<String> relevant, int k) {
        requireRelevant(relevant);
        List<String> top = top(ranking, k);
        for (int i = 0; i < top.size(); i++) {
            if (relevant.contains(top.get(i))) {
                return i + 1;
            }
        }
        return 0;
    }

    private static List<String> top(List<String> ranking, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("cut-off must be at least 1, was " + k);
        }
        return ranking.subList(0, Math.min(k, ranking.size()));
    }

    private static void requireRelevant(Set<String> relevant) {
        if (relevant.isEmpty()) {
            throw new IllegalArgumentException("a query needs at least one relevant article to be scored");
        }
    }
}
