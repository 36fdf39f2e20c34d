package io.agentassist.core.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Expected values worked out by hand, so the audit figures mean what their Javadoc says. */
class EditDistanceTest {

    @Test
    void identicalTextsAreZeroApart() {
        assertThat(EditDistance.between("Your refund is on its way.", "Your refund is on its way.")).isZero();
        assertThat(EditDistance.ratio("Your refund is on its way.", "Your refund is on its way.")).isZero();
    }

    @Test
    void theDistanceToOrFromAnEmptyTextIsTheOtherTextsLength() {
        assertThat(EditDistance.between("", "thanks")).isEqualTo(6);
        assertThat(EditDistance.between("thanks", "")).isEqualTo(6);
        assertThat(EditDistance.between("", "")).isZero();
    }

    @Test
    void kittenBecomesSittingInThreeSteps() {
        // k→s, e→i, +g
        assertThat(EditDistance.between("kitten", "sitting")).isEqualTo(3);
    }

    @Test
    void aSubstitutionAnInsertionAndADeletionEachCostOne() {
        assertThat(EditDistance.between("14 days", "30 days")).isEqualTo(2);
        assertThat(EditDistance.between("refund", "refunds")).isEqualTo(1);
        assertThat(EditDistance.between("refunds", "refund")).isEqualTo(1);
        assertThat(EditDistance.between("flaw", "lawn")).isEqualTo(2);
    }

    @Test
    void caseSpacesAndLineBreaksCount() {
        assertThat(EditDistance.between("Hello", "hello")).isEqualTo(1);
        assertThat(EditDistance.between("a b", "a  b")).isEqualTo(1);
        assertThat(EditDistance.between("a\nb", "a\r\nb")).isEqualTo(1);
    }

    @Test
    void aLetterOutsideTheBasicPlaneCountsAsOneCharacter() {
        // "😀" is two Java chars (a surrogate pair) but one character to the agent.
        assertThat(EditDistance.between("Thanks", "Thanks 😀")).isEqualTo(2);
        assertThat(EditDistance.between("😀", "😃")).isEqualTo(1);
        assertThat(EditDistance.ratio("😀", "😃")).isEqualTo(1.0);
    }

    @Test
    void theDistanceIsTheSameInBothDirections() {
        assertThat(EditDistance.between("Sunday", "Saturday")).isEqualTo(3);
        assertThat(EditDistance.between("Saturday", "Sunday")).isEqualTo(3);
    }

    @Test
    void theRatioIsTheDistanceOverTheLongerText() {
        assertThat(EditDistance.ratio("kitten", "sitting")).isCloseTo(3.0 / 7, within(1e-12));
        assertThat(EditDistance.ratio("abc", "")).isEqualTo(1.0);
        assertThat(EditDistance.ratio("abcd", "wxyz")).isEqualTo(1.0);
    }

    @Test
    void twoEmptyTextsHaveRatioZero() {
        assertThat(EditDistance.ratio("", "")).isZero();
    }

    @Test
    void theAuditKeepsDistanceAndRatioTogether() {
        assertThat(EditAudit.between("14 days", "30 days")).isEqualTo(new EditAudit(2, 2.0 / 7));
    }
}
