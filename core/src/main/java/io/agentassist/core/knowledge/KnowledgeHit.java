package io.agentassist.core.knowledge;

import java.util.Map;

/**
 * One retrieved passage. {@code text} is the whole passage (what a prompt quotes); {@code snippet} is the
 * highlighted excerpt a person reads, with matches wrapped in {@code <b>…</b>}. {@code score} orders hits
 * within one search but is not comparable across searches (hybrid fuses ranks); {@code similarity} is the
 * cosine similarity of the passage to the newest customer turn (NaN when not computed), the calibrated
 * signal used to decide that nothing relevant was found.
 */
public record KnowledgeHit(
        String articleId,
        String chunkId,
        String title,
        String section,
        String snippet,
        String text,
        String url,
        double score,
        Map<String, String> metadata,
        double similarity) {

    /** A hit without a similarity figure (lexical-only searches, tests). */
    public KnowledgeHit(String articleId, String chunkId, String title, String section, String snippet, String text,
                        String url, double score, Map<String, String> metadata) {
        this(articleId, chunkId, title, section, snippet, text, url, score, metadata, Double.NaN);
    }

    public boolean hasSimilarity() {
        return !Double.isNaN(similarity);
    }

    public KnowledgeHit {
        section = section == null ? "" : section;
        url = url == null ? "" : url;
        metadata = Map.copyOf(metadata);
    }
}
