package io.agentassist.knowledge.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RankingMetricsTest {

    private static final List<String> ELEVEN = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k");

    @Test
    void duplicateChunksKeepTheRankOfTheFirstOccurrence() {
        List<String> chunksByRank = List.of("a", "b", "a", "c", "b", "d");

        assertThat(RankingMetrics.distinctArticles(chunksByRank, 10)).containsExactly("a", "b", "c", "d");
    }

    @Test
    void duplicatesDoNotUseUpTheTopTen() {
        // twelve chunks but only ten distinct articles: the relevant "j" is chunk 12 yet article 10
        List<String> chunksByRank = List.of("a", "a", "b", "c", "d", "b", "e", "f", "g", "h", "i", "j", "k");

        List<String> ranking = RankingMetrics.distinctArticles(chunksByRank, 10);

        assertThat(ranking).hasSize(10).endsWith("j");
        assertThat(RankingMetrics.reciprocalRankAt(ranking, Set.of("j"), 10)).isEqualTo(0.1);
    }

    @Test
    void successCountsOnlyTheFirstKArticles() {
        List<String> ranking = List.of("a", "b", "c", "d", "e", "f");
        Set<String> relevant = Set.of("c");

        assertThat(RankingMetrics.foundWithin(ranking, relevant, 1)).isFalse();
        assertThat(RankingMetrics.foundWithin(ranking, relevant, 3)).isTrue();
        assertThat(RankingMetrics.foundWithin(ranking, relevant, 5)).isTrue();
        assertThat(RankingMetrics.foundWithin(List.of("c"), relevant, 1)).isTrue();
    }

    @Test
    void relevantArticleAtRankElevenDoesNotCount() {
        Set<String> relevant = Set.of("k");

        assertThat(RankingMetrics.distinctArticles(ELEVEN, 10)).doesNotContain("k");
        assertThat(RankingMetrics.foundWithin(ELEVEN, relevant, 10)).isFalse();
        assertThat(RankingMetrics.recallAt(ELEVEN, relevant, 10)).isZero();
        assertThat(RankingMetrics.reciprocalRankAt(ELEVEN, relevant, 10)).isZero();
    }

    @Test
    void recallIsTheShareOfRelevantArticlesFound() {
        // relevant b (rank 2) and e (rank 5) are found, z is not: 2 of 3
        List<String> ranking = List.of("a", "b", "c", "d", "e");

        assertThat(RankingMetrics.recallAt(ranking, Set.of("b", "e", "z"), 10)).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(RankingMetrics.recallAt(ranking, Set.of("b", "e", "z"), 2)).isCloseTo(1.0 / 3, within(1e-12));
    }

    @Test
    void recallCountsEachRelevantArticleOnce() {
        // a ranking that was not deduplicated lists "a" twice; it is still one of the two relevant articles
        List<String> undeduplicated = List.of("a", "a", "b");

        assertThat(RankingMetrics.recallAt(undeduplicated, Set.of("a", "c"), 10)).isEqualTo(0.5);
    }

    @Test
    void reciprocalRankUsesTheFirstOfSeveralRelevantArticles() {
        List<String> ranking = List.of("a", "b", "c", "d");

        assertThat(RankingMetrics.reciprocalRankAt(ranking, Set.of("d", "c"), 10)).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(RankingMetrics.reciprocalRankAt(ranking, Set.of("a", "d"), 10)).isEqualTo(1.0);
        assertThat(RankingMetrics.reciprocalRankAt(ranking, Set.of("z"), 10)).isZero();
    }

    @Test
    void emptyRankingScoresZero() {
        assertThat(RankingMetrics.foundWithin(List.of(), Set.of("a"), 5)).isFalse();
        assertThat(RankingMetrics.recallAt(List.of(), Set.of("a"), 10)).isZero();
        assertThat(RankingMetrics.reciprocalRankAt(List.of(), Set.of("a"), 10)).isZero();
    }

    @Test
    void queryWithoutRelevantArticlesCannotBeScored() {
        assertThatThrownBy(() -> RankingMetrics.recallAt(List.of("a"), Set.of(), 10))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
