package io.agentassist.core.assist.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Every expected value here was worked out by hand; the comments show the counting. */
class RougeTest {
    private static final double EPS = 1e-9;

    @Test
    void oneChangedWordCostsOneUnigramTwoBigramsAndOneCommonSubsequenceToken() {
        // the cat sat on the mat / the cat lay on the mat: 6 tokens each
        // unigrams shared: the×2, cat, on, mat = 5 → P = R = 5/6
        // bigrams shared: "the cat", "on the", "the mat" = 3 of 5 → P = R = 3/5
        // LCS: the cat on the mat = 5 → P = R = 5/6
        Rouge.Scores s = Rouge.score("the cat sat on the mat", "the cat lay on the mat");
        assertThat(s.rouge1()).isCloseTo(5.0 / 6, within(EPS));
        assertThat(s.rouge2()).isCloseTo(3.0 / 5, within(EPS));
        assertThat(s.rougeL()).isCloseTo(5.0 / 6, within(EPS));
    }

    @Test
    void precisionAndRecallDifferWhenTheLengthsDo() {
        // a b c d / a c e: unigrams shared a, c → P = 2/4, R = 2/3 → F = 2·(1/2·2/3)/(1/2+2/3) = 4/7
        // bigrams ab bc cd / ac ce: none → 0; LCS "a c" = 2 → 4/7 again
        Rouge.Scores s = Rouge.score("a b c d", "a c e");
        assertThat(s.rouge1()).isCloseTo(4.0 / 7, within(EPS));
        assertThat(s.rouge2()).isZero();
        assertThat(s.rougeL()).isCloseTo(4.0 / 7, within(EPS));
    }

    @Test
    void repeatedWordsCountOnlyAsOftenAsInTheReference() {
        // the the the / the cat: overlap min(3, 1) = 1 → P = 1/3, R = 1/2 → F = 2/5
        assertThat(Rouge.score("the the the", "the cat").rouge1()).isCloseTo(0.4, within(EPS));
    }

    @Test
    void commonSubsequenceNeedNotBeContiguousButMustKeepItsOrder() {
        // x a y b z c / a b c → LCS 3: P = 3/6, R = 3/3 → F = 2/3; c b a / a b c → LCS 1: F = 1/3
        assertThat(Rouge.score("x a y b z c", "a b c").rougeL()).isCloseTo(2.0 / 3, within(EPS));
        assertThat(Rouge.score("c b a", "a b c").rougeL()).isCloseTo(1.0 / 3, within(EPS));
    }

    @Test
    void tokensAreLowerCasedRunsOfLettersAndDigitsSoSpeakerTagsBecomeWords() {
        assertThat(Rouge.tokens("#Person1#'s Order-No. 42!")).containsExactly("person1", "s", "order", "no", "42");
        assertThat(Rouge.score("Hello, WORLD.", "hello world").rouge2()).isCloseTo(1.0, within(EPS));
    }

    @Test
    void nothingInCommonOrNothingAtAllScoresZero() {
        assertThat(Rouge.score("alpha beta", "gamma delta")).isEqualTo(new Rouge.Scores(0, 0, 0));
        assertThat(Rouge.score("", "gamma delta")).isEqualTo(new Rouge.Scores(0, 0, 0));
        assertThat(Rouge.score("single", "single")).isEqualTo(new Rouge.Scores(1, 0, 1));
    }
}
