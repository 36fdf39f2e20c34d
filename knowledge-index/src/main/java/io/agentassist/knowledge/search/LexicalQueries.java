package io.agentassist.knowledge.search;

import io.agentassist.core.conversation.Conversation;
import io.agentassist.core.conversation.Turn;
import io.agentassist.knowledge.index.IndexFields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Builds BM25 queries from conversations. Words of the newest customer turn weigh most, words of the turns
 * just before it half as much; every word is searched in title, section and body together and, weighted up,
 * in the title alone. Measured on DSTC11 (docs/benchmarks.md): one combined field beats separate body and
 * title fields, and half-weighted context beats both equal weights and the newest turn alone.
 */
final class LexicalQueries {
    static final int CONTEXT_TURNS = 3;
    static final float LATEST_CUSTOMER_WEIGHT = 1.0f;
    static final float CONTEXT_WEIGHT = 0.5f;
    static final float TITLE_BOOST = 2.0f;
    /** Bounds the clause count for very long turns; the most weighted words are kept. */
    static final int MAX_TERMS = 256;

    private final Analyzer analyzer;

    LexicalQueries(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    /** The newest customer turn weighted over the turns before it. */
    Query forConversation(Conversation conversation) {
        Map<String, Float> weights = new LinkedHashMap<>();
        Turn latest = conversation.latestCustomerTurn().orElse(null);
        for (Turn turn : conversation.lastTurns(CONTEXT_TURNS)) {
            float weight = turn == latest ? LATEST_CUSTOMER_WEIGHT : CONTEXT_WEIGHT;
            addTerms(weights, turn.text(), weight);
        }
        if (latest != null && !conversation.lastTurns(CONTEXT_TURNS).contains(latest)) {
            addTerms(weights, latest.text(), LATEST_CUSTOMER_WEIGHT);
        }
        return build(weights);
    }

    /** The words of the newest customer turn in the passage body, for highlighting them in snippets. */
    Query forHighlighting(Conversation conversation) {
        Map<String, Float> weights = new LinkedHashMap<>();
        addTerms(weights, conversation.latestCustomerTurn().map(Turn::text).orElse(conversation.lastTurnsText(1)), 1.0f);
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        weights.keySet().stream().limit(MAX_TERMS).forEach(word ->
                builder.add(new TermQuery(new Term(IndexFields.BODY, word)), BooleanClause.Occur.SHOULD));
        return builder.build();
    }

    private void addTerms(Map<String, Float> weights, String text, float weight) {
        try (TokenStream stream = analyzer.tokenStream(IndexFields.BODY, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                weights.merge(term.toString(), weight, Float::sum);
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing in memory cannot fail", e);
        }
    }

    private static Query build(Map<String, Float> weights) {
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        List<Map.Entry<String, Float>> terms = weights.entrySet().stream()
                .sorted(Map.Entry.<String, Float>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(MAX_TERMS)
                .toList();
        for (Map.Entry<String, Float> entry : terms) {
            builder.add(new BoostQuery(new TermQuery(new Term(IndexFields.CONTENT, entry.getKey())), entry.getValue()),
                    BooleanClause.Occur.SHOULD);
            builder.add(new BoostQuery(new TermQuery(new Term(IndexFields.TITLE, entry.getKey())),
                    entry.getValue() * TITLE_BOOST), BooleanClause.Occur.SHOULD);
        }
        return builder.build();
    }
}
