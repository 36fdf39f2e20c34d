package io.agentassist.core.review;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Groups knowledge-gap questions that ask about the same thing, so a team lead sees "card not arrived: 14
 * times" instead of fourteen lines.
 *
 * <p><b>How.</b> Questions that are the same after lower-casing and collapsing white space are one wording.
 * Wordings are clustered bottom-up with average linkage: repeatedly the two most similar groups are merged,
 * the similarity of two groups being the mean similarity of their questions (each wording weighted by how
 * often it was asked), until no two groups are at least {@code threshold} alike. Average linkage is used
 * because it neither chains unrelated questions through one bridging question (single linkage) nor splits
 * a topic because two of its questions share no word (complete linkage). The merges are found with the
 * nearest-neighbour-chain algorithm: time grows with the square of the number of wordings, and so does
 * memory (four bytes per pair: 50 MB for 5,000 distinct wordings, a month of a busy team's gaps).
 *
 * <p><b>Deterministic.</b> Questions are ordered by time, ticket and text before anything else, ties between
 * equally similar groups go to the lower index, and the similarity is symmetric, so the same log always
 * gives the same groups with the same numbers.
 *
 * <p>The default similarity is {@link TermSimilarity} with {@link #DEFAULT_THRESHOLD}; a sentence-embedding
 * similarity ({@link QuestionSimilarity#cosineOf}) needs its own threshold.
 */
public final class GapGrouping {

    /**
     * The least average similarity at which two groups of questions merge, for {@link TermSimilarity}: on
     * average, one content word in three shared. Chosen on the Banking77 training questions (the questions of
     * one intent should form one group) by B-cubed F0.5, which counts precision twice as much as recall: a
     * group that mixes two problems yields an article that mixes two answers, while a problem split in two
     * groups only costs the lead a second line. 0.3 is within 0.006 of the best F0.5 in samples of 10, 20 and
     * 40 questions per intent (best at 0.3, 0.275 and 0.275). Lower thresholds gather one problem better but
     * let a common word ("card", "top up") pull unrelated questions into one large group (at 0.2: F1 best, but
     * a group of 193 of 1,540 questions). See {@code regression/gap-grouping-banking77.json}.
     */
    public static final double DEFAULT_THRESHOLD = 0.3;

    private static final Pattern SPACE = Pattern.compile("\\s+");

    private final QuestionSimilarity similarity;
    private final double threshold;

    /** Term similarity and {@link #DEFAULT_THRESHOLD}. */
    public GapGrouping() {
        this(QuestionSimilarity.terms(), DEFAULT_THRESHOLD);
    }

    public GapGrouping(QuestionSimilarity similarity, double threshold) {
        this.similarity = Objects.requireNonNull(similarity, "similarity");
        if (!(threshold > 0.0 && threshold <= 1.0)) {
            throw new IllegalArgumentException("the grouping threshold must be above 0 and at most 1, was " + threshold);
        }
        this.threshold = threshold;
    }

    public double threshold() {
        return threshold;
    }

    /** The groups, largest first (ties: first seen first, then by representative), numbered from 1. */
    public List<GapGroup> group(List<GapQuestion> gaps) {
        List<GapQuestion> ordered = gaps.stream()
                .sorted(Comparator.comparing(GapQuestion::at).thenComparing(GapQuestion::ticketId)
                        .thenComparing(GapQuestion::question))
                .toList();
        Map<String, List<GapQuestion>> byWording = new LinkedHashMap<>();
        for (GapQuestion gap : ordered) {
            byWording.computeIfAbsent(normalize(gap.question()), k -> new ArrayList<>()).add(gap);
        }
        List<List<GapQuestion>> wordings = List.copyOf(byWording.values());
        int n = wordings.size();
        if (n == 0) {
            return List.of();
        }
        List<String> texts = wordings.stream().map(w -> w.getFirst().question()).toList();
        QuestionSimilarity.Pairwise pairwise = similarity.prepare(texts);
        Similarities pairs = new Similarities(n);
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                pairs.set(i, j, (float) pairwise.between(i, j));
            }
        }
        int[] weights = wordings.stream().mapToInt(List::size).toArray();
        int[] clusterOf = cluster(pairs, weights.clone());
        Map<Integer, List<Integer>> members = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            members.computeIfAbsent(clusterOf[i], k -> new ArrayList<>()).add(i);
        }
        List<GapGroup> groups = new ArrayList<>();
        for (List<Integer> cluster : members.values()) {
            groups.add(toGroup(cluster, wordings, weights, pairwise));
        }
        groups.sort(Comparator.comparingInt(GapGroup::count).reversed()
                .thenComparing(GapGroup::firstSeen)
                .thenComparing(GapGroup::representative));
        List<GapGroup> numbered = new ArrayList<>(groups.size());
        for (int i = 0; i < groups.size(); i++) {
            GapGroup g = groups.get(i);
            numbered.add(new GapGroup(i + 1, g.representative(), g.variants(), g.questions(), g.ticketIds(),
                    g.firstSeen(), g.lastSeen()));
        }
        return numbered;
    }

    /**
     * Average-linkage clustering by nearest-neighbour chain, cut at the threshold. Returns for each wording
     * the index of the wording its cluster is named by. {@code sims} is overwritten (Lance-Williams updates).
     */
    private int[] cluster(Similarities sims, int[] sizes) {
        int n = sizes.length;
        boolean[] active = new boolean[n];
        java.util.Arrays.fill(active, true);
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        Deque<Integer> chain = new ArrayDeque<>();
        int remaining = n;
        while (remaining > 1) {
            if (chain.isEmpty()) {
                for (int i = 0; i < n; i++) {
                    if (active[i]) {
                        chain.push(i);
                        break;
                    }
                }
            }
            int a = chain.peek();
            Integer previous = chain.size() >= 2 ? secondOf(chain) : null;
            int best = -1;
            float bestSim = Float.NEGATIVE_INFINITY;
            if (previous != null) {
                best = previous;
                bestSim = sims.get(a, previous);
            }
            for (int c = 0; c < n; c++) {
                if (c != a && active[c]) {
                    float s = sims.get(a, c);
                    if (s > bestSim || (s == bestSim && previous == null && c < best)) {
                        best = c;
                        bestSim = s;
                    }
                }
            }
            if (previous != null && best == previous) {
                chain.pop();
                chain.pop();
                int keep = Math.min(a, best);
                int gone = Math.max(a, best);
                if (bestSim >= threshold) {
                    parent[find(parent, gone)] = find(parent, keep);
                }
                for (int c = 0; c < n; c++) {
                    if (active[c] && c != keep && c != gone) {
                        float merged = (float) ((sizes[keep] * (double) sims.get(keep, c)
                                + sizes[gone] * (double) sims.get(gone, c)) / (sizes[keep] + sizes[gone]));
                        sims.set(keep, c, merged);
                    }
                }
                sizes[keep] += sizes[gone];
                active[gone] = false;
                remaining--;
            } else {
                chain.push(best);
            }
        }
        int[] clusterOf = new int[n];
        for (int i = 0; i < n; i++) {
            clusterOf[i] = find(parent, i);
        }
        return clusterOf;
    }

    private static int secondOf(Deque<Integer> chain) {
        var it = chain.iterator();
        it.next();
        return it.next();
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /**
     * The representative is the wording with the highest summed similarity to the group's other questions
     * (each asked copy counting), ties to the most asked, then the earliest.
     */
    private static GapGroup toGroup(List<Integer> cluster, List<List<GapQuestion>> wordings, int[] weights,
                                    QuestionSimilarity.Pairwise pairs) {
        int representative = cluster.getFirst();
        double bestCentrality = Double.NEGATIVE_INFINITY;
        for (int i : cluster) {
            double centrality = weights[i] - 1;
            for (int j : cluster) {
                if (j != i) {
                    centrality += weights[j] * pairs.between(i, j);
                }
            }
            if (centrality > bestCentrality + 1e-9
                    || (Math.abs(centrality - bestCentrality) <= 1e-9 && weights[i] > weights[representative])) {
                representative = i;
                bestCentrality = centrality;
            }
        }
        int rep = representative;
        List<Integer> variantOrder = new ArrayList<>(cluster);
        variantOrder.sort(Comparator.<Integer>comparingInt(i -> i == rep ? 0 : 1)
                .thenComparing(Comparator.<Integer>comparingInt(i -> weights[i]).reversed())
                .thenComparing(i -> wordings.get(i).getFirst().at()));
        List<GapQuestion> questions = new ArrayList<>();
        cluster.forEach(i -> questions.addAll(wordings.get(i)));
        questions.sort(Comparator.comparing(GapQuestion::at).thenComparing(GapQuestion::ticketId)
                .thenComparing(GapQuestion::question));
        LinkedHashSet<String> tickets = new LinkedHashSet<>();
        questions.forEach(q -> tickets.add(q.ticketId()));
        return new GapGroup(1, wordings.get(rep).getFirst().question().strip(),
                variantOrder.stream().map(i -> wordings.get(i).getFirst().question().strip()).toList(), questions,
                List.copyOf(tickets), questions.getFirst().at(), questions.getLast().at());
    }

    static String normalize(String question) {
        return SPACE.matcher(question.strip().toLowerCase(Locale.ROOT)).replaceAll(" ");
    }

    /** Symmetric similarities of n items, upper triangle only: n(n-1)/2 floats. */
    private static final class Similarities {
        private final int n;
        private final float[] values;

        Similarities(int n) {
            this.n = n;
            this.values = new float[Math.toIntExact((long) n * (n - 1) / 2)];
        }

        float get(int a, int b) {
            return values[index(a, b)];
        }

        void set(int a, int b, float value) {
            values[index(a, b)] = value;
        }

        private int index(int a, int b) {
            int i = Math.min(a, b);
            int j = Math.max(a, b);
            if (i == j) {
                throw new IllegalArgumentException("no similarity of a question with itself");
            }
            // Rows 0..i-1 hold (n-1) + (n-2) + ... + (n-i) values.
            return (int) ((long) i * (2L * n - i - 1) / 2 + (j - i - 1));
        }
    }
}
