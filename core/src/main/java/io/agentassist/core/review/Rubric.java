package io.agentassist.core.review;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A team lead's scores for one sent reply, each a whole number from 1 (poor) to 5 (excellent):
 * <ul>
 *   <li>{@code accuracy}: the facts are right and match the knowledge base;</li>
 *   <li>{@code policyCompliance}: nothing was promised or done that policy does not allow;</li>
 *   <li>{@code tone}: the register suits the customer and the channel;</li>
 *   <li>{@code completeness}: every question the customer asked is answered.</li>
 * </ul>
 */
public record Rubric(int accuracy, int policyCompliance, int tone, int completeness) {
    public static final int LOWEST = 1;
    public static final int HIGHEST = 5;

    /** @throws IllegalArgumentException naming the first score outside 1 to 5 */
    public Rubric {
        check("accuracy", accuracy);
        check("policyCompliance", policyCompliance);
        check("tone", tone);
        check("completeness", completeness);
    }

    /** The four scores by field name, in the order above. */
    public Map<String, Integer> scores() {
        Map<String, Integer> scores = new LinkedHashMap<>();
        scores.put("accuracy", accuracy);
        scores.put("policyCompliance", policyCompliance);
        scores.put("tone", tone);
        scores.put("completeness", completeness);
        return scores;
    }

    /** The mean of the four scores. */
    public double average() {
        return (accuracy + policyCompliance + tone + completeness) / 4.0;
    }

    private static void check(String field, int score) {
        if (score < LOWEST || score > HIGHEST) {
            throw new IllegalArgumentException("rubric score " + field + " must be from " + LOWEST + " to " + HIGHEST
                    + ", was " + score);
        }
    }
}
