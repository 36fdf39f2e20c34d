package io.agentassist.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentassist.core.conversation.Conversation;
import io.agentassist.knowledge.ingest.Article;
import io.agentassist.knowledge.ingest.Chunk;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class KbBenchCommandTest {
    private static final List<Chunk> CHUNKS = IntStream.range(0, 7)
            .mapToObj(i -> new Chunk("a" + i, "a" + i + "#0", "Title " + i, "", 0,
                    "Passage " + i + " starts here. It goes on."))
            .toList();

    @Test
    void syntheticArticlesReuseEachChunkOnceThenJoinPairs() {
        List<Article> articles = KbBenchCommand.syntheticArticles(CHUNKS, 7);

        assertThat(articles).extracting(Article::id).containsExactly(
                "bench-0", "bench-1", "bench-2", "bench-3", "bench-4", "bench-5", "bench-6");
        assertThat(articles).extracting(Article::body).containsExactlyElementsOf(
                CHUNKS.stream().map(Chunk::text).toList());
        assertThat(articles.get(3).title()).isEqualTo("Title 3");
    }

    @Test
    void pastTheSourceEveryPassageIsStillDistinctRealText() {
        int m = CHUNKS.size();
        List<Article> articles = KbBenchCommand.syntheticArticles(CHUNKS, m * (m + 1));

        assertThat(articles).extracting(Article::body).doesNotHaveDuplicates();
        Article eighth = articles.get(m);
        assertThat(eighth.title()).isEqualTo("Title 0");
        assertThat(eighth.body()).startsWith(CHUNKS.get(0).text() + "\n\n")
                .endsWith(CHUNKS.get((m * 7919 + 13) % m).text());
    }

    @Test
    void generatedQueriesAreFirstSentencesAndRepeatable() {
        List<Conversation> first = KbBenchCommand.sentenceQueries(CHUNKS, 10);
        List<Conversation> second = KbBenchCommand.sentenceQueries(CHUNKS, 10);

        assertThat(first).hasSize(10).isEqualTo(second);
        assertThat(first).allSatisfy(q -> assertThat(q.latestCustomerTurn().orElseThrow().text())
                .matches("Passage \\d starts here\\."));
    }

    @Test
    void percentilesAreNearestRank() {
        double[] millis = IntStream.rangeClosed(1, 100).asDoubleStream().toArray();

        assertThat(KbBenchCommand.nearestRank(millis, 50)).isEqualTo(50.0);
        assertThat(KbBenchCommand.nearestRank(millis, 99)).isEqualTo(99.0);
        assertThat(KbBenchCommand.nearestRank(new double[] {3.0}, 99)).isEqualTo(3.0);
    }
}
