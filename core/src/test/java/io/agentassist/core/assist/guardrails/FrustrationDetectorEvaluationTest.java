package io.agentassist.core.assist.guardrails;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentassist.core.testsupport.AirlineSentiment;
import io.agentassist.core.testsupport.AirlineSentiment.Tweet;
import io.agentassist.core.testsupport.PinnedFigures;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * How well {@link FrustrationDetector} separates negative customer tweets from neutral and positive ones, on
 * the real development half of Twitter US Airline Sentiment ({@code ../shared/datasets/airline-sentiment}).
 * "Negative" there includes plain problem reports ("my flight is delayed"), which the detector deliberately
 * does not flag, so recall is modest by design and precision is what matters: a frustration flag agents can
 * trust.
 *
 * <p>The metrics are checked in to four decimals and the test fails when they move in either direction, as
 * the retrieval regression does: an improvement must be recorded in {@code regression/airline-frustration-dev.json}
 * in the same commit as the change that caused it. Only this development half may be used for tuning.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FrustrationDetectorEvaluationTest {

    private static final String EXPECTED = "/regression/airline-frustration-dev.json";

    private int truePositives;
    private int falsePositives;
    private int falseNegatives;
    private int trueNegatives;

    @BeforeAll
    void evaluate() throws IOException {
        List<Tweet> tweets = AirlineSentiment.dev();
        FrustrationDetector detector = new FrustrationDetector();
        for (Tweet tweet : tweets) {
            boolean flagged = detector.assess(tweet.text()).frustrated();
            if (flagged && tweet.negative()) {
                truePositives++;
            } else if (flagged) {
                falsePositives++;
            } else if (tweet.negative()) {
                falseNegatives++;
            } else {
                trueNegatives++;
            }
        }
        System.out.printf(Locale.ROOT, "Frustration on airline-sentiment dev (%d tweets, %d negative): "
                        + "precision %.4f recall %.4f F1 %.4f (TP %d, FP %d, FN %d, TN %d); flagging every tweet "
                        + "would give precision %.4f%n",
                tweets.size(), truePositives + falseNegatives, precision(), recall(), f1(),
                truePositives, falsePositives, falseNegatives, trueNegatives, baseRate());
    }

    @Test
    void metricsMatchTheCheckedInNumbersInBothDirections() throws IOException {
        PinnedFigures.read(getClass(), EXPECTED)
                .count(truePositives, "results", "true_positives")
                .count(falsePositives, "results", "false_positives")
                .count(falseNegatives, "results", "false_negatives")
                .count(trueNegatives, "results", "true_negatives")
                .figure(precision(), "results", "precision")
                .figure(recall(), "results", "recall")
                .figure(f1(), "results", "f1")
                .assertNoneMoved("frustration metrics");
    }

    @Test
    void flagsAreTrustworthyAndCatchAUsefulShare() {
        assertThat(precision()).as("precision").isGreaterThanOrEqualTo(0.90);
        assertThat(precision()).as("precision well above flagging everyone").isGreaterThan(baseRate() + 0.25);
        assertThat(recall()).as("recall").isGreaterThanOrEqualTo(0.30);
    }

    private double precision() {
        return truePositives / (double) (truePositives + falsePositives);
    }

    private double recall() {
        return truePositives / (double) (truePositives + falseNegatives);
    }

    private double f1() {
        return 2 * precision() * recall() / (precision() + recall());
    }

    private double baseRate() {
        int all = truePositives + falsePositives + falseNegatives + trueNegatives;
        return (truePositives + falseNegatives) / (double) all;
    }



}
