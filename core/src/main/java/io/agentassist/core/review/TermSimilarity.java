package io.agentassist.core.review;

import io.agentassist.core.assist.offline.Terms;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Question similarity without a model: the Jaccard index of two questions' content words, the words they
 * share divided by the words either uses. 0 when either question has no content word.
 *
 * <p>Words are {@link Terms#of offline retrieval's}: lower-cased, stop words and pleasantries out ("hi",
 * "please", "help", "still"), lightly stemmed ("charged", "charges" → "charg"), a few support phrasings
 * joined ("money back" → "refund"). Example: "Why was I charged twice for my order?" ({charg, twice, order})
 * and "I've been charged two times for one order" ({charg, two, tim, order}) share 2 of 5 words: 0.4.
 *
 * <p>Chosen by measurement on the Banking77 training questions over a cosine of the same words (binary, or
 * weighted by inverse document frequency) and over an IDF-weighted Jaccard: plain Jaccard grouped the
 * questions of one intent best or as well as any of them at its best threshold, and is the simplest to
 * explain (the figures are in {@code regression/gap-grouping-banking77.json}).
 */
public final class TermSimilarity implements QuestionSimilarity {

    @Override
    public Pairwise prepare(List<String> questions) {
        Map<String, Integer> ids = new HashMap<>();
        int[][] terms = new int[questions.size()][];
        for (int i = 0; i < questions.size(); i++) {
            Set<String> words = Terms.of(questions.get(i));
            terms[i] = words.stream().mapToInt(word -> ids.computeIfAbsent(word, w -> ids.size())).sorted().toArray();
        }
        return (a, b) -> jaccard(terms[a], terms[b]);
    }

    /** Jaccard index of two sorted sets of term ids. */
    static double jaccard(int[] x, int[] y) {
        if (x.length == 0 || y.length == 0) {
            return 0.0;
        }
        int shared = 0;
        for (int i = 0, j = 0; i < x.length && j < y.length; ) {
            if (x[i] == y[j]) {
                shared++;
                i++;
                j++;
            } else if (x[i] < y[j]) {
                i++;
            } else {
                j++;
            }
        }
        return shared / (double) (x.length + y.length - shared);
    }
}
