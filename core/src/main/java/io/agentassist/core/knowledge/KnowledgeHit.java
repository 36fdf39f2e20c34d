package io.agentassist.core.knowledge;

import java.util.Map;

/**
 * One retrieved passage. {@code text} is the whole passage (what a prompt quotes); {@code snippet} is the
 * highlighted excerpt a person reads, with matches wrapped in {@code <b>…</b>}.
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
        Map<String, String> metadata) {

    public KnowledgeHit {
        section = section == null ? "" : section;
        url = url == null ? "" : url;
        metadata = Map.copyOf(metadata);
    }
}
