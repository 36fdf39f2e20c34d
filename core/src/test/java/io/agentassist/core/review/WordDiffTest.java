package io.agentassist.core.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentassist.core.review.WordDiff.Op;
import io.agentassist.core.review.WordDiff.Token;
import org.junit.jupiter.api.Test;

class WordDiffTest {

    @Test
    void aCorrectedNumberIsOneReplacedWordBetweenKeptText() {
        WordDiff diff = WordDiff.between("Refunds take 14 days.", "Refunds take 30 days.");

        assertThat(diff.tokens()).containsExactly(
                new Token(Op.EQUAL, "Refunds take "),
                new Token(Op.DELETE, "14"),
                new Token(Op.INSERT, "30"),
                new Token(Op.EQUAL, " days."));
        assertThat(diff.wordsKept()).isEqualTo(3);
        assertThat(diff.wordsDeleted()).isEqualTo(1);
        assertThat(diff.wordsInserted()).isEqualTo(1);
    }

    @Test
    void aSpaceBetweenTwoChangesJoinsThemIntoOne() {
        WordDiff diff = WordDiff.between("Refunds take 14 days.", "Refunds take 30 working days.");

        assertThat(diff.tokens()).containsExactly(
                new Token(Op.EQUAL, "Refunds take "),
                new Token(Op.DELETE, "14 "),
                new Token(Op.INSERT, "30 working "),
                new Token(Op.EQUAL, "days."));
    }

    @Test
    void bothTextsAreRebuiltExactlyFromTheDiff() {
        String suggestion = "Hi there,\n\nYour parcel left our warehouse on 3 March [1]. It should arrive in 2–3 days.\n\nBest,\nSam";
        String sent = "Hi Maria,\n\nYour parcel left our warehouse on 4 March [1] and should arrive by Friday. 😊\n\nBest,\nSam";

        WordDiff diff = WordDiff.between(suggestion, sent);

        assertThat(diff.original()).isEqualTo(suggestion);
        assertThat(diff.revised()).isEqualTo(sent);
        assertThat(diff.unchanged()).isFalse();
        assertThat(diff.tokens()).contains(new Token(Op.DELETE, "there"), new Token(Op.INSERT, "Maria"));
        assertThat(diff.tokens()).as("paragraph breaks stay kept").contains(new Token(Op.EQUAL, ",\n\nYour parcel left our warehouse on "));
    }

    @Test
    void decimalNumbersAndContractionsAreSingleWords() {
        assertThat(WordDiff.tokenize("It's 10.50 EUR, isn't it?"))
                .containsExactly("It's", " ", "10.50", " ", "EUR", ",", " ", "isn't", " ", "it", "?");
        assertThat(WordDiff.between("It costs 10.50 EUR.", "It costs 12.00 EUR.").tokens())
                .contains(new Token(Op.DELETE, "10.50"), new Token(Op.INSERT, "12.00"));
    }

    @Test
    void identicalAndEmptyTextsHaveNoChanges() {
        assertThat(WordDiff.between("Same text.", "Same text.").tokens()).containsExactly(new Token(Op.EQUAL, "Same text."));
        assertThat(WordDiff.between("Same text.", "Same text.").unchanged()).isTrue();
        assertThat(WordDiff.between("", "").tokens()).isEmpty();
        assertThat(WordDiff.between("", "New.").tokens()).containsExactly(new Token(Op.INSERT, "New."));
        assertThat(WordDiff.between("Old.", null).tokens()).containsExactly(new Token(Op.DELETE, "Old."));
    }
}
