package io.agentassist.knowledge.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fuses rankings by reciprocal rank (Cormack et al. 2009): each list adds 1/(k + rank) to a document's
 * score. Scores of different retrievers are not comparable; ranks are.
 */
final class ReciprocalRankFusion {
    static final int K = 60;

    private ReciprocalRankFusion() {
    }

    @SafeVarargs
    static List<RankedDoc> fuse(List<RankedDoc>... rankings) {
        Map<Integer, RankedDoc> fused = new HashMap<>();
        for (List<RankedDoc> ranking : rankings) {
            for (int rank = 0; rank < ranking.size(); rank++) {
                RankedDoc doc = ranking.get(rank);
                double add = 1.0 / (K + rank + 1);
                fused.merge(doc.doc(), new RankedDoc(doc.doc(), doc.chunkId(), add),
                        (a, b) -> new RankedDoc(a.doc(), a.chunkId(), a.score() + b.score()));
            }
        }
        List<RankedDoc> result = new ArrayList<>(fused.values());
        result.sort(RankedDoc.BEST_FIRST);
        return result;
    }
}
