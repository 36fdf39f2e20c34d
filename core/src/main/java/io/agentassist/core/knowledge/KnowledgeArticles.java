package io.agentassist.core.knowledge;

import java.util.Optional;

/**
 * Whole articles by id, so the agent can read a cited passage in its context: the window opens the article
 * a citation chip points at and highlights that passage. A port like {@link KnowledgeSearch}; the index
 * implements both.
 */
public interface KnowledgeArticles {

    /** The article's passages in reading order, or empty when the index does not hold that article. */
    Optional<KnowledgeArticle> article(String articleId);
}
