package io.agentassist.core.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RubricTest {

    @Test
    void scoresFromOneToFiveAreKeptWithTheirFieldNames() {
        Rubric rubric = new Rubric(1, 5, 3, 4);

        assertThat(rubric.scores()).containsExactly(java.util.Map.entry("accuracy", 1),
                java.util.Map.entry("policyCompliance", 5), java.util.Map.entry("tone", 3),
                java.util.Map.entry("completeness", 4));
        assertThat(rubric.average()).isEqualTo(3.25); // (1 + 5 + 3 + 4) / 4
    }

    @Test
    void aScoreOutsideOneToFiveIsRefusedNamingItsField() {
        assertThatThrownBy(() -> new Rubric(0, 3, 3, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rubric score accuracy must be from 1 to 5, was 0");
        assertThatThrownBy(() -> new Rubric(3, 6, 3, 3)).hasMessage("rubric score policyCompliance must be from 1 to 5, was 6");
        assertThatThrownBy(() -> new Rubric(3, 3, -1, 3)).hasMessage("rubric score tone must be from 1 to 5, was -1");
        assertThatThrownBy(() -> new Rubric(3, 3, 3, 10)).hasMessage("rubric score completeness must be from 1 to 5, was 10");
    }

    @Test
    void aReviewNeedsADraftAndAReviewerAndTrimsTheCoaching() {
        Rubric rubric = new Rubric(3, 3, 3, 3);
        Instant now = Instant.parse("2026-03-09T10:00:00Z");

        assertThat(new DraftReview("D1", " lena ", rubric, null, now))
                .isEqualTo(new DraftReview("D1", "lena", rubric, "", now));
        assertThatThrownBy(() -> new DraftReview(" ", "lena", rubric, "", now)).hasMessageContaining("draft");
        assertThatThrownBy(() -> new DraftReview("D1", "", rubric, "", now)).hasMessageContaining("reviewer");
    }
}
