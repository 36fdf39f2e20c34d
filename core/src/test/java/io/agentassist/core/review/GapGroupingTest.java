package io.agentassist.core.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GapGroupingTest {
    static final Instant T0 = Instant.parse("2026-02-16T09:00:00Z");

    /** Questions of the kind a bank's knowledge base misses, worded as customers word them. */
    static List<GapQuestion> realistic() {
        String[] questions = {
                "My new card still hasn't arrived, it's been two weeks.",             // card arrival
                "Why is my top-up still pending?",                                     // top-up pending
                "When will my new card arrive?",                                       // card arrival
                "What exchange rate do you use for payments in dollars?",              // exchange rate
                "My top-up has been pending for hours, what is going on?",             // top-up pending
                "I ordered my card 10 days ago and it has not arrived",               // card arrival
                "Which exchange rate applies when I pay in USD?",                      // exchange rate
                "Can I change the PIN of my card at an ATM?",                          // PIN
                "Top-up pending since this morning",                                   // top-up pending
                "When will my new card arrive?",                                       // card arrival, asked again
        };
        List<GapQuestion> gaps = new ArrayList<>();
        for (int i = 0; i < questions.length; i++) {
            gaps.add(new GapQuestion("T-" + (i + 1), questions[i], T0.plusSeconds(3600L * i)));
        }
        return gaps;
    }

    @Test
    void questionsAboutTheSameProblemFormOneGroupLargestFirst() {
        List<GapGroup> groups = new GapGrouping().group(realistic());

        // Cards: "When will my new card arrive?" {new, card, arriv} (asked twice) and T-1 {new, card, arriv, two,
        // week} share 3 of 5 words (0.6). T-6 {order, card, 10, day, ago, arriv} shares 2 of 9 with T-1 and 2 of 7
        // with the other: weighted by how often each was asked, (0.222 + 2 × 0.286) / 3 = 0.265 < 0.3, so it
        // stays apart. Top-up: {top, pend}, {top, pend, hour, going}, {top, pend, sinc, morn}.
        assertThat(groups).extracting(GapGroup::number, GapGroup::count, GapGroup::ticketIds).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, 3, List.of("T-1", "T-3", "T-10")),
                org.assertj.core.groups.Tuple.tuple(2, 3, List.of("T-2", "T-5", "T-9")),
                org.assertj.core.groups.Tuple.tuple(3, 2, List.of("T-4", "T-7")),
                org.assertj.core.groups.Tuple.tuple(4, 1, List.of("T-6")),
                org.assertj.core.groups.Tuple.tuple(5, 1, List.of("T-8")));
        GapGroup cards = groups.getFirst();
        // The twice-asked wording is most like the rest: 1 + 0.6 against T-1's 2 × 0.6.
        assertThat(cards.representative()).isEqualTo("When will my new card arrive?");
        assertThat(cards.variants()).containsExactly("When will my new card arrive?",
                "My new card still hasn't arrived, it's been two weeks.");
        assertThat(cards.firstSeen()).isEqualTo(T0);
        assertThat(cards.lastSeen()).isEqualTo(T0.plusSeconds(3600L * 9));
    }

    @Test
    void theSameLogInAnyOrderGivesTheSameGroups() {
        List<GapGroup> expected = new GapGrouping().group(realistic());
        for (long seed = 1; seed <= 5; seed++) {
            List<GapQuestion> shuffled = new ArrayList<>(realistic());
            Collections.shuffle(shuffled, new Random(seed));

            assertThat(new GapGrouping().group(shuffled)).isEqualTo(expected);
        }
    }

    @Test
    void theSameWordingIsOneQuestionWhateverItsCaseAndSpacing() {
        List<GapQuestion> gaps = List.of(new GapQuestion("A", "Where is my refund?", T0),
                new GapQuestion("B", "  where is MY   refund? ", T0.plusSeconds(1)),
                new GapQuestion("C", "???", T0.plusSeconds(2)));

        List<GapGroup> groups = new GapGrouping().group(gaps);

        assertThat(groups).extracting(GapGroup::count).containsExactly(2, 1);
        assertThat(groups.getFirst().variants()).containsExactly("Where is my refund?");
        assertThat(groups.get(1).representative()).as("no content word: a group of its own").isEqualTo("???");
        assertThat(new GapGrouping().group(List.of())).isEmpty();
    }

    @Test
    void termSimilarityIsTheShareOfContentWordsInCommon() {
        QuestionSimilarity.Pairwise similarity = new TermSimilarity().prepare(List.of(
                "Why was I charged twice for my order?", "I've been charged two times for one order",
                "Hello, thanks!"));

        // {charg, twice, order} and {charg, two, tim, order}: 2 shared of 5.
        assertThat(similarity.between(0, 1)).isEqualTo(0.4);
        assertThat(similarity.between(1, 0)).isEqualTo(0.4);
        assertThat(similarity.between(0, 2)).as("only stop words").isZero();
    }

    @Test
    void anInjectedEmbeddingGroupsByTheCosineOfItsVectors() {
        QuestionSimilarity embedded = QuestionSimilarity.cosineOf(question -> question.contains("card")
                ? new float[] {1, 0.1f} : new float[] {0.1f, 1});

        List<GapGroup> groups = new GapGrouping(embedded, 0.9).group(realistic());

        // Five questions mention a card (T-1, T-3, T-6, T-8, T-10), five do not.
        assertThat(groups).extracting(GapGroup::count).containsExactly(5, 5);
        assertThat(groups.getFirst().ticketIds()).containsExactly("T-1", "T-3", "T-6", "T-8", "T-10");
        assertThatThrownBy(() -> new GapGrouping(embedded, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
