package io.agentassist.knowledge.search;

import java.util.Comparator;

/** A document in a ranking: Lucene doc id, chunk id for deterministic tie-breaks, and its score. */
record RankedDoc(int doc, String chunkId, double score) {
    /** Higher score first; equal scores in chunk-id order, so results never depend on index layout. */
    static final Comparator<RankedDoc> BEST_FIRST =
            Comparator.comparingDouble(RankedDoc::score).reversed().thenComparing(RankedDoc::chunkId);
}
