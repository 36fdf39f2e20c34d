package io.agentassist.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentassist.core.assist.TicketConversation;
import io.agentassist.core.assist.reply.SuggestedReplyService;
import io.agentassist.core.knowledge.KnowledgeHit;
import io.agentassist.core.knowledge.KnowledgeQuery;
import io.agentassist.core.model.Ticket;
import io.agentassist.knowledge.index.EmbeddingModelChoice;
import io.agentassist.knowledge.index.IndexProgress;
import io.agentassist.knowledge.index.KnowledgeIndexer;
import io.agentassist.knowledge.index.TextEmbedder;
import io.agentassist.knowledge.ingest.Article;
import io.agentassist.knowledge.ingest.Chunker;
import io.agentassist.knowledge.ingest.LoadResult;
import io.agentassist.knowledge.search.LuceneKnowledgeSearch;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo help centre answers the demo inbox. It is indexed for real (Lucene and the default embedding model)
 * and searched the way a suggested reply searches: the ticket's conversation, hybrid ranking, as many passages
 * as a suggestion uses. Each answerable ticket must find the article named in {@code demo-expectations.json}
 * among those passages; the unanswerable one must find nothing relevant enough to be used.
 *
 * <p>An expectation key is a ticket id, or {@code FW-1017+2} for the live chat after its first two
 * follow-ups. Hit@1 and hit@5 are checked against the figures measured when the data was written, in both
 * directions, so that a change to the search or to the articles that moves them is noticed: when it moves for
 * an understood reason, update the figure.
 */
class DemoRetrievalTest {
    /** Measured with all-minilm-l6-v2-q on the data as committed; four decimals. */
    private static final String EXPECTED_HIT_AT_1 = "0.7857";
    private static final String EXPECTED_HIT_AT_5 = "1.0000";

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path indexDir;

    private static LuceneKnowledgeSearch search;
    private static Set<String> articleIds;
    private static Map<String, String> expectations;
    private static Map<String, List<KnowledgeHit>> results;

    @BeforeAll
    static void indexTheHelpCentreAndSearchEveryTicket() throws IOException {
        LoadResult loaded = DemoScenarios.helpCentreArticles();
        articleIds = loaded.articles().stream().map(Article::id).collect(Collectors.toCollection(TreeSet::new));
        TextEmbedder embedder = TextEmbedder.load(EmbeddingModelChoice.defaultChoice());
        new KnowledgeIndexer(indexDir, embedder, new Chunker()).index(loaded, IndexProgress.NONE);
        search = LuceneKnowledgeSearch.open(indexDir, embedder);
        try (InputStream in = DemoRetrievalTest.class.getResourceAsStream("/demo-expectations.json")) {
            expectations = JSON.readValue(in, new TypeReference<LinkedHashMap<String, String>>() { });
        }
        results = new LinkedHashMap<>();
        for (String key : expectations.keySet()) {
            results.put(key, passagesFor(ticket(key)));
        }
    }

    @AfterAll
    static void closeTheIndex() throws IOException {
        if (search != null) {
            search.close();
        }
    }

    @Test
    void everyTicketButTheUnanswerableOneAndEveryLiveChatStepHasAnExpectation() {
        List<String> wanted = new ArrayList<>();
        for (Ticket ticket : DemoScenarios.tickets()) {
            if (!ticket.id().equals(DemoScenarios.UNANSWERABLE)) {
                wanted.add(ticket.id());
            }
        }
        for (int steps = 1; steps <= DemoScenarios.feed().size(); steps++) {
            wanted.add(DemoScenarios.LIVE_CHAT + "+" + steps);
        }

        assertThat(expectations.keySet()).containsExactlyInAnyOrderElementsOf(wanted);
        assertThat(expectations.values()).allMatch(articleIds::contains, "names an article of the help centre");
    }

    @Test
    void everyAnswerableTicketFindsItsArticleAmongThePassagesOfASuggestion() {
        List<String> misses = new ArrayList<>();
        expectations.forEach((key, article) -> {
            if (rankOf(article, results.get(key)) < 0) {
                misses.add(key + " wants " + article + ", found " + describe(results.get(key)));
            }
        });

        assertThat(misses).as("tickets whose article is not among the top %d passages", SuggestedReplyService.PASSAGES)
                .isEmpty();
    }

    @Test
    void everyExpectedArticleIsSimilarEnoughToTheQuestionForASuggestionToUseIt() {
        List<String> dropped = new ArrayList<>();
        expectations.forEach((key, article) -> {
            double best = results.get(key).stream().filter(hit -> hit.articleId().equals(article))
                    .mapToDouble(KnowledgeHit::similarity).max().orElse(Double.NaN);
            if (!(best >= SuggestedReplyService.MIN_SIMILARITY)) {
                dropped.add(String.format(Locale.ROOT, "%s: %s at %.3f", key, article, best));
            }
        });

        assertThat(dropped).as("expected articles a suggestion would drop as not relevant").isEmpty();
    }

    @Test
    void hitAtOneAndHitAtFiveStayAtTheMeasuredFigures() {
        int atOne = 0;
        int atFive = 0;
        for (Map.Entry<String, String> expectation : expectations.entrySet()) {
            int rank = rankOf(expectation.getValue(), results.get(expectation.getKey()));
            atOne += rank == 0 ? 1 : 0;
            atFive += rank >= 0 && rank < 5 ? 1 : 0;
        }

        assertThat(fourDecimals(atOne)).as("hit@1; ranks:%n%s", table()).isEqualTo(EXPECTED_HIT_AT_1);
        assertThat(fourDecimals(atFive)).as("hit@5; ranks:%n%s", table()).isEqualTo(EXPECTED_HIT_AT_5);
    }

    @Test
    void theUnanswerableTicketFindsNothingRelevantEnoughToUse() {
        List<KnowledgeHit> hits = passagesFor(DemoScenarios.ticket(DemoScenarios.UNANSWERABLE));

        assertThat(hits).isNotEmpty().allMatch(KnowledgeHit::hasSimilarity, "has a similarity");
        assertThat(hits).as(describe(hits))
                .allMatch(hit -> hit.similarity() < SuggestedReplyService.MIN_SIMILARITY, "is below MIN_SIMILARITY");
    }

    private static Ticket ticket(String key) {
        int plus = key.indexOf('+');
        if (plus < 0) {
            return DemoScenarios.ticket(key);
        }
        assertThat(key.substring(0, plus)).isEqualTo(DemoScenarios.LIVE_CHAT);
        return DemoScenarios.liveChatAfter(Integer.parseInt(key.substring(plus + 1)));
    }

    /** What a suggested reply retrieves for the ticket (before it drops passages below MIN_SIMILARITY). */
    private static List<KnowledgeHit> passagesFor(Ticket ticket) {
        return search.search(KnowledgeQuery.of(TicketConversation.of(ticket), SuggestedReplyService.PASSAGES));
    }

    private static int rankOf(String articleId, List<KnowledgeHit> hits) {
        for (int i = 0; i < hits.size(); i++) {
            if (hits.get(i).articleId().equals(articleId)) {
                return i;
            }
        }
        return -1;
    }

    private String fourDecimals(int hits) {
        return String.format(Locale.ROOT, "%.4f", (double) hits / expectations.size());
    }

    private static String table() {
        StringBuilder table = new StringBuilder();
        expectations.forEach((key, article) -> table.append(String.format(Locale.ROOT, "  %-10s %-45s rank %d: %s%n",
                key, article, rankOf(article, results.get(key)) + 1, describe(results.get(key)))));
        return table.toString();
    }

    private static String describe(List<KnowledgeHit> hits) {
        return hits.stream().map(hit -> String.format(Locale.ROOT, "%s (%.3f)", hit.articleId(), hit.similarity()))
                .collect(Collectors.joining(", "));
    }
}
