package io.agentassist.core.knowledge;

import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.ContentMetadata;
import dev.langchain4j.rag.content.retriever.ContentRetriever;
import dev.langchain4j.rag.query.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Lets any LangChain4j RAG pipeline (for example a {@code DefaultRetrievalAugmentor}) retrieve from our
 * knowledge through the {@link KnowledgeSearch} port, so core can use LangChain4j's augmentation parts
 * without knowing which search engine sits behind the port.
 *
 * <p>Each hit becomes one {@link Content}: the segment text is the whole passage (what a prompt should
 * quote, not the highlighted snippet) and the segment metadata carries where it came from under the keys
 * below, so a content injector or a citation step can name the article. The hit's own metadata entries
 * (category, locale, ...) are carried too; the keys below win over an entry of the same name.
 *
 * <p>There is deliberately no minimum score: hybrid ranking fuses ranks, so its scores are not on a fixed
 * scale and one threshold would keep different amounts of knowledge for different questions. The score is
 * passed on as {@link ContentMetadata#SCORE} for anyone who wants to look at it.
 */
public final class KnowledgeContentRetriever implements ContentRetriever {

    public static final String ARTICLE_ID = "article_id";
    public static final String CHUNK_ID = "chunk_id";
    public static final String TITLE = "title";
    public static final String SECTION = "section";
    public static final String URL = "url";
    public static final String SCORE = "score";

    private final KnowledgeSearch search;
    private final int maxResults;

    /** @param maxResults how many passages to hand to the pipeline per query, at least 1 */
    public KnowledgeContentRetriever(KnowledgeSearch search, int maxResults) {
        this.search = Objects.requireNonNull(search, "search");
        if (maxResults < 1) {
            throw new IllegalArgumentException("maxResults must be at least 1, was " + maxResults);
        }
        this.maxResults = maxResults;
    }

    /**
     * Searches in {@link SearchMode#HYBRID} mode with the conversation rebuilt from the query's chat memory,
     * and returns the passages in the order the search ranked them.
     */
    @Override
    public List<Content> retrieve(Query query) {
        KnowledgeQuery knowledgeQuery =
                new KnowledgeQuery(QueryConversation.of(query), SearchMode.HYBRID, maxResults, Map.of());
        List<Content> contents = new ArrayList<>();
        for (KnowledgeHit hit : search.search(knowledgeQuery)) {
            if (hit.text() == null || hit.text().isBlank()) {
                continue; // nothing a prompt could quote; LangChain4j rejects blank segments anyway
            }
            TextSegment segment = TextSegment.from(hit.text(), metadataOf(hit));
            contents.add(Content.from(segment, Map.of(ContentMetadata.SCORE, hit.score())));
        }
        return List.copyOf(contents);
    }

    private static Metadata metadataOf(KnowledgeHit hit) {
        Metadata metadata = new Metadata();
        hit.metadata().forEach((key, value) -> {
            if (!key.isBlank() && value != null) {
                metadata.put(key, value);
            }
        });
        putIfPresent(metadata, ARTICLE_ID, hit.articleId());
        putIfPresent(metadata, CHUNK_ID, hit.chunkId());
        putIfPresent(metadata, TITLE, hit.title());
        putIfPresent(metadata, SECTION, hit.section());
        putIfPresent(metadata, URL, hit.url());
        metadata.put(SCORE, hit.score());
        return metadata;
    }

    private static void putIfPresent(Metadata metadata, String key, String value) {
        if (value != null) {
            metadata.put(key, value);
        } else {
            metadata.remove(key); // a hit-metadata entry must not pose as a field the hit does not have
        }
    }

    @Override
    public String toString() {
        return "KnowledgeContentRetriever{maxResults=" + maxResults + ", search=" + search + "}";
    }
}
