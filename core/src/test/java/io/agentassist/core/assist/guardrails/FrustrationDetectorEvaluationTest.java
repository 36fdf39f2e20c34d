package io.agentassist.core.assist.guardrails;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentassist.core.testsupport.AirlineSentiment;
import io.agentassist.core.testsupport.AirlineSentiment.Tweet;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
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
        JsonNode expected = readExpected();
        List<String> moved = new ArrayList<>();
        compare(moved, "true_positives", expected, truePositives);
        compare(moved, "false_positives", expected, falsePositives);
        compare(moved, "false_negatives", expected, falseNegatives);
        compare(moved, "true_negatives", expected, trueNegatives);
        compare(moved, "precision", expected, precision());
        compare(moved, "recall", expected, recall());
        compare(moved, "f1", expected, f1());
        assertThat(moved)
                .as("frustration metrics moved; if the change is intended, update %s in the same commit", EXPECTED)
                .isEmpty();
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

    private static void compare(List<String> moved, String name, JsonNode expected, int actual) {
        int want = expected.path(name).asInt(-1);
        if (want != actual) {
            moved.add(name + ": expected " + want + ", got " + actual);
        }
    }

    private static void compare(List<String> moved, String name, JsonNode expected, double actual) {
        String want = String.format(Locale.ROOT, "%.4f", expected.path(name).asDouble(Double.NaN));
        String got = String.format(Locale.ROOT, "%.4f", actual);
        if (!want.equals(got)) {
            moved.add(name + ": expected " + want + ", got " + got);
        }
    }

    private static JsonNode readExpected() throws IOException {
        try (InputStream in = FrustrationDetectorEvaluationTest.class.getResourceAsStream(EXPECTED)) {
            assertThat(in).as("checked-in expected metrics %s", EXPECTED).isNotNull();
            return new ObjectMapper().readTree(in).path("results");
        }
    }
}
