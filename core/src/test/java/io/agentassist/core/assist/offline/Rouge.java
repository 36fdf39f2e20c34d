package io.agentassist.core.assist.offline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * ROUGE-1, ROUGE-2 and ROUGE-L F1 of a candidate summary against one reference, the way the usual
 * {@code rouge_score} package counts without stemming: text lower-cased, every run of characters other than
 * a-z and 0-9 a separator, n-gram counts clipped to the reference's, ROUGE-L from the longest common
 * subsequence of the two token sequences. F1 is 0 when nothing overlaps.
 */
final class Rouge {
    /** The three F1 scores of one summary, or means over many. */
    record Scores(double rouge1, double rouge2, double rougeL) {
    }

    private Rouge() {
    }

    static Scores score(String candidate, String reference) {
        List<String> c = tokens(candidate);
        List<String> r = tokens(reference);
        return new Scores(rougeN(c, r, 1), rougeN(c, r, 2), rougeL(c, r));
    }

    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        for (String t : text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
            if (!t.isEmpty()) {
                tokens.add(t);
            }
        }
        return tokens;
    }

    static double rougeN(List<String> candidate, List<String> reference, int n) {
        Map<List<String>, Integer> c = ngrams(candidate, n);
        Map<List<String>, Integer> r = ngrams(reference, n);
        int overlap = 0;
        for (Map.Entry<List<String>, Integer> e : c.entrySet()) {
            overlap += Math.min(e.getValue(), r.getOrDefault(e.getKey(), 0));
        }
        return f1(overlap, Math.max(0, candidate.size() - n + 1), Math.max(0, reference.size() - n + 1));
    }

    static double rougeL(List<String> candidate, List<String> reference) {
        return f1(lcs(candidate, reference), candidate.size(), reference.size());
    }

    static int lcs(List<String> a, List<String> b) {
        int[] previous = new int[b.size() + 1];
        int[] current = new int[b.size() + 1];
        for (String x : a) {
            for (int j = 1; j <= b.size(); j++) {
                current[j] = x.equals(b.get(j - 1)) ? previous[j - 1] + 1 : Math.max(previous[j], current[j - 1]);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.size()];
    }

    private static Map<List<String>, Integer> ngrams(List<String> tokens, int n) {
        Map<List<String>, Integer> counts = new HashMap<>();
        for (int i = 0; i + n <= tokens.size(); i++) {
            counts.merge(List.copyOf(tokens.subList(i, i + n)), 1, Integer::sum);
        }
        return counts;
    }

    private static double f1(int overlap, int candidateTotal, int referenceTotal) {
        if (overlap == 0) {
            return 0;
        }
        double precision = (double) overlap / candidateTotal;
        double recall = (double) overlap / referenceTotal;
        return 2 * precision * recall / (precision + recall);
    }
}
