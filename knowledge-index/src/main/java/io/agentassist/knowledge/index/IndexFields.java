package io.agentassist.knowledge.index;

/**
 * Every Lucene field name the index uses, in one place, so the writer and the searchers cannot drift apart.
 */
public final class IndexFields {
    /** Chunk id, unique, stored; also a sorted doc value used to break score ties deterministically. */
    public static final String CHUNK_ID = "chunk_id";
    /** Article id: all chunks of an article share it, so an article is replaced or deleted as one. */
    public static final String ARTICLE_ID = "article_id";
    /** Hash of the article's content and metadata; an unchanged hash means the article is skipped. */
    public static final String ARTICLE_HASH = "article_hash";
    public static final String TITLE = "title";
    public static final String SECTION = "section";
    /** The passage text: BM25 over the English analyzer, stored for display, offsets for highlighting. */
    public static final String BODY = "body";
    /** Title, section and body as one English-analysed field: what BM25 ranks on. */
    public static final String CONTENT = "content";
    /**
     * Title, section and body folded but not stemmed, indexed for document frequencies only: it tells how
     * common a word of a name is outside that name's own articles.
     */
    public static final String PLAIN = "plain";
    /** The normalised names this chunk belongs to (its title and its entity/product metadata). */
    public static final String FOCUS = "focus";
    public static final String URL = "url";
    public static final String POSITION = "position";
    public static final String SOURCE = "source";
    public static final String VECTOR = "vector";
    /** Metadata key/value pairs, one field per key: {@code meta.category}, {@code meta.entity}, ... */
    public static final String META_PREFIX = "meta.";
    /** Tags are filterable as metadata key {@code tag}. */
    public static final String TAG_KEY = "tag";

    /** Metadata fields whose values name the things a conversation can be about. */
    public static final java.util.List<String> NAME_METADATA_KEYS = java.util.List.of("entity", "product");

    private IndexFields() {
    }

    public static String meta(String key) {
        return META_PREFIX + key;
    }
}
