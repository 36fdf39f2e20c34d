package io.agentassist.core.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Figures measured on real data and checked in as JSON ({@code src/test/resources/regression/*.json}), compared
 * in both directions: a figure that got better fails as surely as one that got worse, so every change that moves
 * one updates the file in the same commit. Counts compare exactly, rates to four decimals. All differences are
 * collected and reported together.
 */
public final class PinnedFigures {
    private final String resource;
    private final JsonNode root;
    private final List<String> moved = new ArrayList<>();

    private PinnedFigures(String resource, JsonNode root) {
        this.resource = resource;
        this.root = root;
    }

    /** Reads {@code resource} from {@code owner}'s class path. */
    public static PinnedFigures read(Class<?> owner, String resource) throws IOException {
        try (InputStream in = owner.getResourceAsStream(resource)) {
            assertThat(in).as("checked-in expected figures %s", resource).isNotNull();
            return new PinnedFigures(resource, new ObjectMapper().readTree(in));
        }
    }

    /** The whole file, for what is not a figure (the size of the data measured, say). */
    public JsonNode root() {
        return root;
    }

    /** A count at {@code path} (e.g. "results", "true_positives"), compared exactly. */
    public PinnedFigures count(int actual, String... path) {
        int want = at(path).asInt(-1);
        if (want != actual) {
            moved.add(label(path) + ": expected " + want + ", got " + actual);
        }
        return this;
    }

    /** A rate or score at {@code path}, compared to four decimals. */
    public PinnedFigures figure(double actual, String... path) {
        String want = fourDecimals(at(path).asDouble(Double.NaN));
        String got = fourDecimals(actual);
        if (!want.equals(got)) {
            moved.add(label(path) + ": expected " + want + ", got " + got);
        }
        return this;
    }

    /** Fails naming every figure that moved, and the file to update when the change is intended. */
    public void assertNoneMoved(String what) {
        assertThat(moved).as("%s moved; if the change is intended, update %s in the same commit", what, resource)
                .isEmpty();
    }

    private JsonNode at(String... path) {
        JsonNode node = root;
        for (String step : path) {
            node = node.path(step);
        }
        return node;
    }

    /** The path without its "results" prefix: "hybrid success@1", "precision". */
    private static String label(String... path) {
        List<String> steps = Arrays.asList(path);
        return String.join(" ", !steps.isEmpty() && steps.getFirst().equals("results")
                ? steps.subList(1, steps.size()) : steps);
    }

    private static String fourDecimals(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }
}
