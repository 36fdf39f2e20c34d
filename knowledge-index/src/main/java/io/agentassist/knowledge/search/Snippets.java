package io.agentassist.knowledge.search;

import io.agentassist.knowledge.index.IndexFields;
import java.io.IOException;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/** Highlighted excerpts for a person to read, with the customer's words wrapped in {@code <b>…</b>}. */
final class Snippets {
    private final UnifiedHighlighter highlighter;

    Snippets(IndexSearcher searcher, Analyzer analyzer) {
        this.highlighter = UnifiedHighlighter.builder(searcher, analyzer).withMaxLength(10_000).build();
    }

    /** One snippet per ranked doc, {@code null} where no word of the query occurs in the passage. */
    String[] highlight(Query query, List<RankedDoc> ranked) throws IOException {
        if (ranked.isEmpty()) {
            return new String[0];
        }
        ScoreDoc[] docs = ranked.stream().map(d -> new ScoreDoc(d.doc(), (float) d.score())).toArray(ScoreDoc[]::new);
        TopDocs topDocs = new TopDocs(new TotalHits(docs.length, TotalHits.Relation.EQUAL_TO), docs);
        return highlighter.highlight(IndexFields.BODY, query, topDocs, 1);
    }

    /** The start of a passage, cut at a word boundary, for hits the query words do not occur in. */
    static String lead(String text, int maxChars) {
        if (text == null) {
            return "";
        }
        if (text.length() <= maxChars) {
            return text;
        }
        int cut = text.lastIndexOf(' ', maxChars);
        return text.substring(0, cut > maxChars / 2 ? cut : maxChars) + "…";
    }
}
