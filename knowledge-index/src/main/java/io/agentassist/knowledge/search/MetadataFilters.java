package io.agentassist.knowledge.search;

import io.agentassist.knowledge.index.IndexFields;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/** Turns exact-match metadata filters ({@code category=billing}) into Lucene filter clauses. */
final class MetadataFilters {
    private MetadataFilters() {
    }

    /** All filters must match; {@code null} when there are none. */
    static Query toQuery(Map<String, String> filters) {
        if (filters.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        new TreeMap<>(filters).forEach((key, value) -> builder.add(
                new TermQuery(new Term(IndexFields.meta(key), value)), BooleanClause.Occur.FILTER));
        return builder.build();
    }

    /** {@code query} restricted by {@code filter}; either may be {@code null}. */
    static Query and(Query query, Query filter) {
        if (filter == null) {
            return query;
        }
        if (query == null) {
            return filter;
        }
        return new BooleanQuery.Builder()
                .add(query, BooleanClause.Occur.MUST)
                .add(filter, BooleanClause.Occur.FILTER)
                .build();
    }
}
