package io.agentassist.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentassist.knowledge.ingest.Article;
import io.agentassist.knowledge.ingest.Chunk;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BenchIndexTest {
    private static final List<Chunk> CHUNKS = IntStream.range(0, 7)
            .mapToObj(i -> new Chunk("a" + i, "a" + i + "#0", "Title " + i, "", 0,
                    "Passage " + i + " starts here. It goes on."))
            .toList();

    @Test
    void syntheticArticlesReuseEachChunkOnceThenJoinPairs() {
        List<Article> articles = BenchIndex.syntheticArticles(CHUNKS, 7);

        assertThat(articles).extracting(Article::id).containsExactly(
                "bench-0", "bench-1", "bench-2", "bench-3", "bench-4", "bench-5", "bench-6");
        assertThat(articles).extracting(Article::body).containsExactlyElementsOf(
                CHUNKS.stream().map(Chunk::text).toList());
        assertThat(articles.get(3).title()).isEqualTo("Title 3");
    }

    @Test
    void pastTheSourceEveryPassageIsStillDistinctRealText() {
        int m = CHUNKS.size();
        List<Article> articles = BenchIndex.syntheticArticles(CHUNKS, m * (m + 1));

        assertThat(articles).extracting(Article::body).doesNotHaveDuplicates();
        Article eighth = articles.get(m);
        assertThat(eighth.title()).isEqualTo("Title 0");
        assertThat(eighth.body()).startsWith(CHUNKS.get(0).text() + "\n\n")
                .endsWith(CHUNKS.get((m * 7919 + 13) % m).text());
    }

    @Test
    void theFingerprintFollowsTheText() {
        var source = new BenchIndex.Source(CHUNKS, 7, List.of());
        var same = new BenchIndex.Source(List.copyOf(CHUNKS), 7, List.of());
        List<Chunk> edited = new java.util.ArrayList<>(CHUNKS);
        edited.set(3, new Chunk("a3", "a3#0", "Title 3", "", 0, "Passage 3 was edited."));

        assertThat(same.fingerprint()).isEqualTo(source.fingerprint());
        assertThat(new BenchIndex.Source(edited, 7, List.of()).fingerprint()).isNotEqualTo(source.fingerprint());
    }
}
