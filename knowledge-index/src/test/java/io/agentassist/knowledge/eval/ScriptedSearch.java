package io.agentassist.knowledge.eval;

import io.agentassist.core.knowledge.KnowledgeHit;
import io.agentassist.core.knowledge.KnowledgeQuery;
import io.agentassist.core.knowledge.KnowledgeSearch;
import io.agentassist.core.knowledge.SearchMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link KnowledgeSearch} that answers from a script keyed by mode and the latest customer question, and
 * records every query it was asked. Each scripted article id becomes one chunk hit, so repeating an id
 * scripts several chunks of one article.
 */
final class ScriptedSearch implements KnowledgeSearch {

    private final Map<String, List<String>> script = new HashMap<>();
    private final List<KnowledgeQuery> queries = new ArrayList<>();
    private Runnable onSearch = () -> { };

    ScriptedSearch answer(SearchMode mode, String question, String... articleIdsByRank) {
        script.put(key(mode, question), List.of(articleIdsByRank));
        return this;
    }

    /** Runs during every search call, for example to move a fake clock on. */
    ScriptedSearch onSearch(Runnable action) {
        this.onSearch = action;
        return this;
    }

    List<KnowledgeQuery> queries() {
        return queries;
    }

    @Override
    public List<KnowledgeHit> search(KnowledgeQuery query) {
        queries.add(query);
        onSearch.run();
        String question = query.conversation().latestCustomerTurn().orElseThrow().text();
        List<String> articleIds = script.getOrDefault(key(query.mode(), question), List.of());
        List<KnowledgeHit> hits = new ArrayList<>();
        for (int i = 0; i < articleIds.size(); i++) {
            String articleId = articleIds.get(i);
            hits.add(new KnowledgeHit(articleId, articleId + "#" + i, "Title of " + articleId, "", "", "text",
                    "", 1.0 / (i + 1), Map.of()));
        }
        return hits;
    }

    private static String key(SearchMode mode, String question) {
        return mode + "|" + question;
    }
}
