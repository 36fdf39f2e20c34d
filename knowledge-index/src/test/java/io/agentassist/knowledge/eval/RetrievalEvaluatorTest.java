package io.agentassist.knowledge.eval;

import static io.agentassist.core.knowledge.SearchMode.BM25;
import static io.agentassist.core.knowledge.SearchMode.DENSE;
import static io.agentassist.core.knowledge.SearchMode.HYBRID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.agentassist.core.conversation.Conversation;
import io.agentassist.core.conversation.Turn;
import io.agentassist.core.knowledge.KnowledgeQuery;
import io.agentassist.core.knowledge.SearchMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RetrievalEvaluatorTest {

    private static final double EXACT = 1e-12;

    @Test
    void queryCarriesTheConversationAndMode() {
        Conversation conversation = new Conversation(List.of(
                Turn.customer("I booked Hotel Alpha"), Turn.agent("How can I help?"), Turn.customer("Is there parking?")));
        ScriptedSearch search = new ScriptedSearch();

        new RetrievalEvaluator(search).evaluate(
                List.of(new EvalItem("q1", conversation, Set.of("a"))), List.of(DENSE));

        assertThat(search.queries()).isNotEmpty().allSatisfy(query -> {
            assertThat(query.conversation()).isEqualTo(conversation);
            assertThat(query.mode()).isEqualTo(DENSE);
            assertThat(query.limit()).isEqualTo(50);
            assertThat(query.filters()).isEmpty();
        });
    }

    @Test
    void metricsAreMeansOverItemsScoredOnDistinctArticles() {
        ScriptedSearch search = new ScriptedSearch()
                // q1: relevant first → success@1, success@5, recall 1, RR 1
                .answer(BM25, "q1", "a", "b")
                // q2: chunks x,x,y,c → articles x,y,c: c at rank 3, d missing → 0, 1, recall 1/2, RR 1/3
                .answer(BM25, "q2", "x", "x", "y", "c")
                // q3: z is the eleventh distinct article → all zero
                .answer(BM25, "q3", "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "z");
        List<EvalItem> items = List.of(item("q1", "a"), item("q2", "c", "d"), item("q3", "z"));

        EvalReport report = new RetrievalEvaluator(search).evaluate(items, List.of(BM25));

        assertThat(report.queries()).isEqualTo(3);
        ModeMetrics bm25 = report.results().getFirst();
        assertThat(bm25.mode()).isEqualTo(BM25);
        assertThat(bm25.successAt1()).isCloseTo(1.0 / 3, within(EXACT));
        assertThat(bm25.successAt5()).isCloseTo(2.0 / 3, within(EXACT));
        assertThat(bm25.recallAt10()).isCloseTo((1 + 0.5 + 0) / 3, within(EXACT));
        assertThat(bm25.mrrAt10()).isCloseTo((1 + 1.0 / 3 + 0) / 3, within(EXACT));
    }

    @Test
    void eachModeIsScoredOnItsOwnResultsInTheOrderAsked() {
        ScriptedSearch search = new ScriptedSearch()
                .answer(BM25, "q1", "x", "a")
                .answer(HYBRID, "q1", "a");

        EvalReport report = new RetrievalEvaluator(search).evaluate(List.of(item("q1", "a")), List.of(HYBRID, BM25));

        assertThat(report.results()).extracting(ModeMetrics::mode).containsExactly(HYBRID, BM25);
        assertThat(report.results()).extracting(ModeMetrics::mrrAt10).containsExactly(1.0, 0.5);
    }

    @Test
    void warmUpSearchesTheFirstFiftyItemsBeforeEachModeIsTimed() {
        List<EvalItem> items = IntStream.range(0, 60).mapToObj(i -> item("q" + i, "a")).toList();
        ScriptedSearch search = new ScriptedSearch();

        new RetrievalEvaluator(search).evaluate(items, List.of(BM25, HYBRID));

        List<String> expected = new ArrayList<>();
        for (SearchMode mode : List.of(BM25, HYBRID)) {
            IntStream.range(0, 50).forEach(i -> expected.add(mode + " q" + i));
            IntStream.range(0, 60).forEach(i -> expected.add(mode + " q" + i));
        }
        assertThat(search.queries()).extracting(RetrievalEvaluatorTest::describe).containsExactlyElementsOf(expected);
    }

    @Test
    void warmUpCoversEveryItemWhenThereAreFewerThanFifty() {
        ScriptedSearch search = new ScriptedSearch();

        new RetrievalEvaluator(search).evaluate(List.of(item("q1", "a"), item("q2", "a")), List.of(BM25));

        assertThat(search.queries()).extracting(RetrievalEvaluatorTest::describe)
                .containsExactly("BM25 q1", "BM25 q2", "BM25 q1", "BM25 q2");
    }

    @Test
    void latencyPercentilesCoverOnlyTheTimedSearchesInMilliseconds() {
        // four warm-up calls take 900 ms each; the timed calls take 4, 1.5, 3 and 2 ms
        long[] nanosPerCall = {900_000_000, 900_000_000, 900_000_000, 900_000_000,
                4_000_000, 1_500_000, 3_000_000, 2_000_000};
        AtomicLong clock = new AtomicLong();
        AtomicInteger call = new AtomicInteger();
        ScriptedSearch search = new ScriptedSearch()
                .onSearch(() -> clock.addAndGet(nanosPerCall[call.getAndIncrement()]));
        List<EvalItem> items = List.of(item("q1", "a"), item("q2", "a"), item("q3", "a"), item("q4", "a"));

        ModeMetrics metrics = new RetrievalEvaluator(search, clock::get).evaluate(items, List.of(BM25))
                .results().getFirst();

        // nearest rank over {1.5, 2, 3, 4}: p50 is the 2nd value, p99 the 4th
        assertThat(metrics.p50Millis()).isEqualTo(2.0);
        assertThat(metrics.p99Millis()).isEqualTo(4.0);
    }

    @Test
    void nothingToEvaluateIsAnError() {
        RetrievalEvaluator evaluator = new RetrievalEvaluator(new ScriptedSearch());

        assertThatThrownBy(() -> evaluator.evaluate(List.of(), List.of(BM25)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no eval items");
        assertThatThrownBy(() -> evaluator.evaluate(List.of(item("q1", "a")), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no search modes");
    }

    @Test
    void itemWithoutRelevantArticlesCannotBeMade() {
        assertThatThrownBy(() -> new EvalItem("q1", Conversation.ofCustomerText("hi"), Set.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("q1");
    }

    /** An item whose customer question is its id, so the scripted search can tell items apart. */
    private static EvalItem item(String id, String... relevant) {
        return new EvalItem(id, Conversation.ofCustomerText(id), Set.of(relevant));
    }

    private static String describe(KnowledgeQuery query) {
        return query.mode() + " " + query.conversation().latestCustomerTurn().orElseThrow().text();
    }
}
