package io.agentassist.core.assist.guardrails;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CitationMarkersTest {

    @Test
    void singleAdjacentAndListedMarkersAreAllRead() {
        assertThat(CitationMarkers.parse("Refunds take 5 days [1]. Shipping is free [2][3]. Both [1, 4] and [5;6]."))
                .containsExactly(1, 2, 3, 4, 5, 6);
    }

    @Test
    void eachMarkerIsReturnedOnceInOrderOfFirstAppearance() {
        assertThat(CitationMarkers.parse("A [2]. B [1]. C [2].")).containsExactly(2, 1);
    }

    @Test
    void aRangeStandsForEveryPassageInIt() {
        assertThat(CitationMarkers.parse("See [1-3].")).containsExactly(1, 2, 3);
        assertThat(CitationMarkers.parse("See [2–4].")).containsExactly(2, 3, 4);
    }

    @Test
    void bracketedWordsPlaceholdersAndLinkTextsAreNotMarkers() {
        assertThat(CitationMarkers.parse("Dear [Customer Name], your [EMAIL_1] and [1](https://x.example) [sic]."))
                .isEmpty();
    }

    @Test
    void textWithoutMarkersHasNone() {
        assertThat(CitationMarkers.parse("Nothing to cite here.")).isEmpty();
        assertThat(CitationMarkers.parse("")).isEmpty();
        assertThat(CitationMarkers.parse(null)).isEmpty();
    }

    @Test
    void findReportsWhereEachGroupStands() {
        var occurrences = CitationMarkers.find("Free [2][3].");
        assertThat(occurrences).hasSize(2);
        assertThat(occurrences.getFirst().start()).isEqualTo(5);
        assertThat(occurrences.getFirst().markers()).containsExactly(2);
    }

    @Test
    void stripRemovesMarkersSoTheyAreNotReadAsNumbers() {
        assertThat(CitationMarkers.strip("Refunds take 5 days [1][2].")).isEqualTo("Refunds take 5 days .");
    }
}
