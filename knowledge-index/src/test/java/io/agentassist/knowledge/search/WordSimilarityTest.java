package io.agentassist.knowledge.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordSimilarityTest {

    @Test
    void equalWordsMatchWhateverTheirLength() {
        assertThat(WordSimilarity.matches("inn", "inn")).isTrue();
        assertThat(WordSimilarity.matches("a", "a")).isTrue();
        assertThat(WordSimilarity.matches("accommodation", "accommodation")).isTrue();
    }

    @Test
    void wordsShorterThanFiveLettersMustBeEqual() {
        assertThat(WordSimilarity.matches("wok", "woks")).isFalse();
        assertThat(WordSimilarity.matches("park", "bark")).isFalse();
        assertThat(WordSimilarity.matches("tang", "tank")).isFalse();
        assertThat(WordSimilarity.matches("four", "fours")).as("the shorter word decides").isFalse();
    }

    @Test
    void wordsOfFiveToSevenLettersMayDifferByOneEdit() {
        assertThat(WordSimilarity.matches("accorn", "acorn")).as("one letter too many").isTrue();
        assertThat(WordSimilarity.matches("hobsns", "hobsons")).as("one letter missing").isTrue();
        assertThat(WordSimilarity.matches("hilton", "hinton")).as("one letter replaced").isTrue();
        assertThat(WordSimilarity.matches("guest", "guests")).isTrue();
    }

    @Test
    void wordsOfFiveToSevenLettersMayNotDifferByTwoEdits() {
        assertThat(WordSimilarity.matches("acorn", "acron")).as("a swap is two edits").isFalse();
        assertThat(WordSimilarity.matches("hobsons", "hbsns")).isFalse();
        assertThat(WordSimilarity.matches("castle", "cattles")).isFalse();
    }

    @Test
    void wordsOfEightLettersOrMoreMayDifferByTwoEdits() {
        assertThat(WordSimilarity.matches("accomodation", "accommodation")).isTrue();
        assertThat(WordSimilarity.matches("lensfeild", "lensfield")).as("a swap").isTrue();
        assertThat(WordSimilarity.matches("gunvilla", "gonville")).as("two letters replaced").isTrue();
        assertThat(WordSimilarity.matches("lensfld", "lensfield")).as("two letters missing, shorter word of seven")
                .isFalse();
    }

    @Test
    void wordsOfEightLettersOrMoreMayNotDifferByThreeEdits() {
        assertThat(WordSimilarity.matches("lansfeild", "lensfield")).isFalse();
        assertThat(WordSimilarity.matches("gonville", "gonvilleabc")).isFalse();
    }

    @Test
    void matchingIsSymmetric() {
        String[][] pairs = {{"accorn", "acorn"}, {"lensfeild", "lensfield"}, {"acron", "acorn"}, {"wok", "woks"}};
        for (String[] pair : pairs) {
            assertThat(WordSimilarity.matches(pair[0], pair[1])).as(pair[0] + "/" + pair[1])
                    .isEqualTo(WordSimilarity.matches(pair[1], pair[0]));
        }
    }

    @Test
    void distanceIsLevenshteinAndStopsCountingPastTheLimit() {
        assertThat(WordSimilarity.distance("kitten", "sitting", 5)).isEqualTo(3);
        assertThat(WordSimilarity.distance("acorn", "acron", 5)).isEqualTo(2);
        assertThat(WordSimilarity.distance("", "abc", 5)).isEqualTo(3);
        assertThat(WordSimilarity.distance("aaaaaaaa", "bbbbbbbb", 2)).isEqualTo(3);
    }
}
