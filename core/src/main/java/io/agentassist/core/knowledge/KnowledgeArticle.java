package io.agentassist.core.knowledge;

import java.util.List;
import java.util.Objects;

/**
 * One help-centre article as the index holds it: its passages in reading order, each with the chunk id a
 * citation names.
 */
public record KnowledgeArticle(String articleId, String title, String url, List<Passage> passages) {

    public KnowledgeArticle {
        Objects.requireNonNull(articleId, "articleId");
        title = Objects.requireNonNullElse(title, "");
        url = Objects.requireNonNullElse(url, "");
        passages = List.copyOf(passages);
    }

    /** A passage of the article; {@code section} is its heading, "" under none. */
    public record Passage(String chunkId, String section, String text) {
        public Passage {
            Objects.requireNonNull(chunkId, "chunkId");
            section = Objects.requireNonNullElse(section, "");
            text = Objects.requireNonNullElse(text, "");
        }
    }
}
