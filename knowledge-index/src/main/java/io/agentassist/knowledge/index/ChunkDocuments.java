package io.agentassist.knowledge.index;

import io.agentassist.knowledge.ingest.Article;
import io.agentassist.knowledge.ingest.Chunk;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.util.BytesRef;

/** Builds the Lucene document of one chunk; the only place that knows how each field is written. */
final class ChunkDocuments {
    /** Body postings keep offsets so highlighting does not re-analyse stored text. */
    private static final FieldType BODY_TYPE = new FieldType(TextField.TYPE_STORED);
    /** Only document frequencies are needed of the plain words. */
    private static final FieldType PLAIN_TYPE = new FieldType(TextField.TYPE_NOT_STORED);

    static {
        BODY_TYPE.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        BODY_TYPE.freeze();
        PLAIN_TYPE.setIndexOptions(IndexOptions.DOCS);
        PLAIN_TYPE.setOmitNorms(true);
        PLAIN_TYPE.freeze();
    }

    private ChunkDocuments() {
    }

    /** The text that is embedded for a chunk: the title and section give a bare passage its context. */
    static String embeddingText(Chunk chunk) {
        StringBuilder text = new StringBuilder(chunk.title());
        if (!chunk.section().isBlank() && !chunk.section().equals(chunk.title())) {
            text.append(" - ").append(chunk.section());
        }
        return text.append(". ").append(chunk.text()).toString();
    }

    /** The normalised names a chunk belongs to: its article title and its entity/product metadata. */
    static Set<String> focusKeys(Article article) {
        Set<String> keys = new LinkedHashSet<>();
        addFocusKey(keys, article.title());
        for (String key : IndexFields.NAME_METADATA_KEYS) {
            addFocusKey(keys, article.metadata().get(key));
        }
        return keys;
    }

    private static void addFocusKey(Set<String> keys, String name) {
        if (name != null && !name.isBlank()) {
            String key = String.join(" ", KnowledgeAnalyzers.nameTokens(name));
            if (!key.isBlank()) {
                keys.add(key);
            }
        }
    }

    static Document build(Article article, String fingerprint, Chunk chunk, float[] vector) {
        Document doc = new Document();
        doc.add(new StringField(IndexFields.CHUNK_ID, chunk.chunkId(), Field.Store.YES));
        doc.add(new SortedDocValuesField(IndexFields.CHUNK_ID, new BytesRef(chunk.chunkId())));
        doc.add(new StringField(IndexFields.ARTICLE_ID, article.id(), Field.Store.YES));
        doc.add(new StringField(IndexFields.ARTICLE_HASH, fingerprint, Field.Store.YES));
        doc.add(new TextField(IndexFields.TITLE, chunk.title(), Field.Store.YES));
        doc.add(new TextField(IndexFields.SECTION, chunk.section(), Field.Store.YES));
        doc.add(new Field(IndexFields.BODY, chunk.text(), BODY_TYPE));
        doc.add(new TextField(IndexFields.CONTENT, chunk.title() + "\n" + chunk.section() + "\n" + chunk.text(), Field.Store.NO));
        doc.add(new Field(IndexFields.PLAIN, chunk.title() + "\n" + chunk.section() + "\n" + chunk.text(), PLAIN_TYPE));
        for (String key : focusKeys(article)) {
            doc.add(new StringField(IndexFields.FOCUS, key, Field.Store.NO));
        }
        doc.add(new StoredField(IndexFields.URL, article.url()));
        doc.add(new StoredField(IndexFields.POSITION, chunk.position()));
        doc.add(new StoredField(IndexFields.SOURCE, article.source()));
        for (Map.Entry<String, String> entry : article.metadata().entrySet()) {
            doc.add(new StringField(IndexFields.meta(entry.getKey()), entry.getValue(), Field.Store.YES));
        }
        for (String tag : article.tags()) {
            doc.add(new StringField(IndexFields.meta(IndexFields.TAG_KEY), tag, Field.Store.YES));
        }
        if (!article.locale().isBlank() && !article.metadata().containsKey("locale")) {
            doc.add(new StringField(IndexFields.meta("locale"), article.locale(), Field.Store.YES));
        }
        doc.add(new KnnFloatVectorField(IndexFields.VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT));
        return doc;
    }
}
