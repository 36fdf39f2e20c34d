package io.agentassist.knowledge.search;

import io.agentassist.knowledge.index.TextEmbedder;
import java.util.HashMap;
import java.util.Map;

/**
 * The query embeddings of one search. Embedding is the most expensive step of a query, and in a one-turn
 * conversation the newest customer turn and the recent-turns text are the same string: it is embedded once.
 */
final class QueryVectors {
    private final TextEmbedder embedder;
    private final Map<String, float[]> vectors = new HashMap<>(4);

    QueryVectors(TextEmbedder embedder) {
        this.embedder = embedder;
    }

    float[] of(String text) {
        return vectors.computeIfAbsent(text, embedder::embedQuery);
    }
}
