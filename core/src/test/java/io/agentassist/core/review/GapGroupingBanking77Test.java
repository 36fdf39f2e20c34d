package io.agentassist.core.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentassist.core.testsupport.Banking77;
import io.agentassist.core.testsupport.PinnedFigures;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * How well {@link GapGrouping} puts questions about the same thing together, on real customer questions: the
 * first 20 questions of each of Banking77's 77 intents (training split, {@code ../shared/datasets/banking77}),
 * 1,540 questions, each treated as a knowledge gap of its own ticket. The intents are the truth; the measure is
 * B-cubed precision and recall (for each question, the share of its group that has its intent, and the share
 * of its intent that is in its group), averaged over questions.
 *
 * <p>Banking77's intents are finer than knowledge gaps ("card_arrival" and "card_delivery_estimate" would be
 * one article), so these numbers understate how usable the groups are; they are here to catch changes. They
 * are checked in to four decimals and the test fails when they move in either direction: an improvement must
 * be recorded in {@code regression/gap-grouping-banking77.json} in the same commit as the change.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GapGroupingBanking77Test {
    private static final String EXPECTED = "/regression/gap-grouping-banking77.json";
    private static final int PER_INTENT = 20;

    private int questions;
    private int groups;
    private int largest;
    private double precision;
    private double recall;

    @BeforeAll
    void groupTheSample() throws IOException {
        List<Banking77.Query> sample = Banking77.firstOfEachCategory(Banking77.train(), PER_INTENT);
        List<GapQuestion> gaps = new ArrayList<>();
        Map<String, String> intentOfTicket = new HashMap<>();
        for (int i = 0; i < sample.size(); i++) {
            String ticket = "B-" + i;
            gaps.add(new GapQuestion(ticket, sample.get(i).text(), Instant.EPOCH.plus(Duration.ofMinutes(i))));
            intentOfTicket.put(ticket, sample.get(i).category());
        }
        long started = System.nanoTime();
        List<GapGroup> grouped = new GapGrouping().group(gaps);
        long millis = (System.nanoTime() - started) / 1_000_000;

        Map<String, Integer> intentSize = new HashMap<>();
        intentOfTicket.values().forEach(intent -> intentSize.merge(intent, 1, Integer::sum));
        double p = 0;
        double r = 0;
        for (GapGroup group : grouped) {
            Map<String, Integer> inGroup = new HashMap<>();
            group.questions().forEach(q -> inGroup.merge(intentOfTicket.get(q.ticketId()), 1, Integer::sum));
            for (GapQuestion question : group.questions()) {
                int sameIntent = inGroup.get(intentOfTicket.get(question.ticketId()));
                p += sameIntent / (double) group.count();
                r += sameIntent / (double) intentSize.get(intentOfTicket.get(question.ticketId()));
            }
            largest = Math.max(largest, group.count());
        }
        questions = gaps.size();
        groups = grouped.size();
        precision = p / questions;
        recall = r / questions;
        System.out.printf(Locale.ROOT, "Gap grouping on Banking77 (%d questions, %d intents): %d groups (largest %d), "
                        + "B-cubed precision %.4f recall %.4f F1 %.4f F0.5 %.4f, in %d ms%n", questions,
                intentSize.size(), groups, largest, precision, recall, f1(), f05(), millis);
    }

    @Test
    void metricsMatchTheCheckedInNumbersInBothDirections() throws IOException {
        PinnedFigures.read(getClass(), EXPECTED)
                .count(questions, "results", "questions")
                .count(groups, "results", "groups")
                .count(largest, "results", "largest_group")
                .figure(precision, "results", "bcubed_precision")
                .figure(recall, "results", "bcubed_recall")
                .figure(f1(), "results", "bcubed_f1")
                .figure(f05(), "results", "bcubed_f05")
                .assertNoneMoved("gap grouping metrics");
    }

    @Test
    void groupsAreFarBetterThanNoGroupingOrOneGroup() {
        // One group per question: precision 1, recall 1/20 → F1 ≈ 0.095. One group of everything: precision
        // 1/77, recall 1 → F1 ≈ 0.026.
        assertThat(f1()).isGreaterThan(0.35);
        assertThat(f05()).isGreaterThan(0.5);
        assertThat(largest).as("no common word gathers a large share of all questions").isLessThan(100);
    }

    /** F-beta with beta 0.5: precision weighs twice as much as recall. */
    private double f05() {
        return 1.25 * precision * recall / (0.25 * precision + recall);
    }

    private double f1() {
        return 2 * precision * recall / (precision + recall);
    }



}
