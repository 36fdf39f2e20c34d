package io.agentassist.knowledge.search;

import io.agentassist.knowledge.index.IndexFields;
import io.agentassist.knowledge.search.NameCatalog.Name;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;

/**
 * Measures, from the index itself, whether a word of a name is distinctive: it is when it appears in at
 * most {@value #MAX_SHARE_OUTSIDE} of the passages that do not belong to that name (and at least a couple
 * are always allowed). "Hobsons" is distinctive of Hobsons House; "worth" is not of Worth House, because
 * reviews of other places say "well worth it". No word list is needed, so it works for any knowledge base.
 */
final class IndexDistinctiveness implements MentionFinder.Distinctiveness {
    static final double MAX_SHARE_OUTSIDE = 0.001;
    private static final int ALWAYS_ALLOWED = 2;

    private final IndexSearcher searcher;
    private final Map<String, Boolean> cache = new ConcurrentHashMap<>();

    IndexDistinctiveness(IndexSearcher searcher) {
        this.searcher = searcher;
    }

    @Override
    public boolean isDistinctive(String word, Name name) {
        return cache.computeIfAbsent(word + '\u0000' + name.key(), key -> compute(word, name));
    }

    private boolean compute(String word, Name name) {
        try {
            Term term = new Term(IndexFields.PLAIN, word);
            int everywhere = searcher.getIndexReader().docFreq(term);
            int insideName = searcher.count(new BooleanQuery.Builder()
                    .add(new TermQuery(term), BooleanClause.Occur.FILTER)
                    .add(new TermQuery(new Term(IndexFields.FOCUS, name.key())), BooleanClause.Occur.FILTER)
                    .build());
            int outside = everywhere - insideName;
            int allowed = Math.max(ALWAYS_ALLOWED, (int) (MAX_SHARE_OUTSIDE * searcher.getIndexReader().numDocs()));
            return outside <= allowed;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read word frequencies from the index", e);
        }
    }
}
