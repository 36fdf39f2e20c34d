package io.agentassist.core.assist.offline;

import io.agentassist.core.knowledge.KnowledgeHit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Chooses the passage sentences that answer a customer's question, by the words they share with it.
 *
 * <p>A question word counts more when few candidate sentences contain it (a word every passage has, such as
 * the hotel's name, tells the passages apart poorly) and less when it is generic ("bring", "last week") or a
 * number (an order number is never in the knowledge base). Relevance is the weighted share of the words of
 * the sentences that actually ask ("focus") that a passage sentence contains, plus a bonus for the story
 * around the question ("context"), which alone never makes a sentence relevant: a long e-mail would otherwise
 * be answered by whatever matches its story. The passage's title counts half, and the first sentence of a
 * passage may rely on the title alone, so an FAQ answer that does not repeat its question can still be
 * found. Better-ranked passages and earlier sentences are preferred, and a sentence that only repeats what
 * is already picked is left out.
 */
final class AnswerPicker {
    /**
     * The words of the customer's message: one set per thing they ask (each question or request is answered
     * on its own), and the story around them.
     */
    record Question(List<Set<String>> asks, Set<String> context) {
        Question {
            asks = asks.stream().filter(a -> !a.isEmpty()).map(Set::copyOf).toList();
            context = Set.copyOf(context);
        }

        /** Every word asked about. */
        Set<String> focus() {
            Set<String> focus = new LinkedHashSet<>();
            asks.forEach(focus::addAll);
            return focus;
        }

        boolean isEmpty() {
            return asks.isEmpty() && context.isEmpty();
        }
    }

    /** A sentence chosen for the reply: which passage (index into the hits) and where in it. */
    record Pick(int passage, int position, String text) {
    }

    private record Candidate(int passage, int position, String text, Set<String> terms, double relevance) {
    }

    /** Relevance is the share of the question covered, plus this much of the share of its context covered. */
    private static final double CONTEXT_BONUS = 0.3;
    /** What matching the one word of a one-word ask is worth without any word of its context. */
    private static final double LONE_WORD_FACTOR = 0.5;
    /** A sentence that points back ("It is…", "That's why…") reads worse alone, so it ranks lower. */
    private static final double POINTS_BACK_FACTOR = 0.7;
    /** In redundancy scoring, how much a question word counts next to a context word. */
    private static final double FOCUS_SHARE = 0.7;
    /** A question word found only in the passage's title or section counts this much. */
    private static final double TITLE_FACTOR = 0.5;
    /** Each place further down the retrieval ranking divides a sentence's score by 1 + this. */
    private static final double RANK_DECAY = 0.2;
    /** Each sentence further into its passage divides its score by 1 + this: answers tend to come first. */
    private static final double POSITION_DECAY = 0.05;
    /** What a question word already answered by a chosen sentence is still worth to the next one. */
    private static final double COVERED_FACTOR = 0.7;
    /** A further sentence must score at least this share of the best one. */
    private static final double KEEP_UP_WITH_BEST = 0.4;
    /** Two sentences sharing this share of their words say the same thing. */
    private static final double DUPLICATE_OVERLAP = 0.6;

    private final double minRelevance;
    private final int maxSentences;
    private final int maxPassages;

    AnswerPicker(double minRelevance, int maxSentences, int maxPassages) {
        this.minRelevance = minRelevance;
        this.maxSentences = maxSentences;
        this.maxPassages = maxPassages;
    }

    /**
     * The chosen sentences, grouped by passage: the passage of the best answer first, then the others in the
     * order they were chosen, each passage's sentences in reading order. Empty when none is relevant.
     */
    List<Pick> pick(Question question, List<KnowledgeHit> passages) {
        if (question.isEmpty() || passages.isEmpty()) {
            return List.of();
        }
        List<Candidate> raw = new ArrayList<>();
        for (int p = 0; p < passages.size(); p++) {
            List<String> sentences = PassageSentences.quotable(passages.get(p).text());
            for (int s = 0; s < sentences.size(); s++) {
                raw.add(new Candidate(p, s, sentences.get(s), Terms.of(sentences.get(s)), 0));
            }
        }
        Map<String, Double> weights = weights(question, raw);
        List<Candidate> relevant = new ArrayList<>();
        for (Candidate c : raw) {
            Set<String> title = titleTerms(passages.get(c.passage()));
            double relevance = relevance(question, weights, c.terms(), title, c.position());
            if (relevance >= minRelevance) {
                relevant.add(new Candidate(c.passage(), c.position(), c.text(), c.terms(), relevance));
            }
        }
        return choose(relevant, question, weights);
    }

    private List<Pick> choose(List<Candidate> relevant, Question question, Map<String, Double> weights) {
        Set<String> focus = question.focus();
        List<Candidate> chosen = new ArrayList<>();
        Set<Integer> passagesUsed = new HashSet<>();
        Set<String> covered = new HashSet<>();
        double best = -1;
        List<Candidate> pool = new ArrayList<>(relevant);
        while (chosen.size() < maxSentences && !pool.isEmpty()) {
            Candidate next = null;
            double nextScore = -1;
            for (Candidate c : pool) {
                double score = score(c, covered, focus, weights);
                if (score > nextScore) {
                    next = c;
                    nextScore = score;
                }
            }
            if (best < 0) {
                best = nextScore;
            } else if (nextScore < KEEP_UP_WITH_BEST * best) {
                break;
            }
            pool.remove(next);
            if (fits(next, chosen, passagesUsed)) {
                chosen.add(next);
                passagesUsed.add(next.passage());
                covered.addAll(next.terms());
            }
        }
        List<Integer> passageOrder = chosen.stream().map(Candidate::passage).distinct().toList();
        return chosen.stream()
                .sorted(Comparator.comparingInt((Candidate c) -> passageOrder.indexOf(c.passage()))
                        .thenComparingInt(Candidate::position))
                .map(c -> new Pick(c.passage(), c.position(), c.text()))
                .toList();
    }

    /** Within the passage limit and not a repetition of a sentence already chosen. */
    private boolean fits(Candidate candidate, List<Candidate> chosen, Set<Integer> passagesUsed) {
        if (passagesUsed.size() >= maxPassages && !passagesUsed.contains(candidate.passage())) {
            return false;
        }
        return chosen.stream().noneMatch(picked -> duplicates(picked, candidate));
    }

    /**
     * Relevance, discounted for the passage's rank, the sentence's place in it and for pointing back to a
     * sentence before it; question words already
     * answered by a chosen sentence count less, so a further sentence should add something. The pool is
     * scanned in rank and reading order, so ties go to the better-ranked, earlier sentence.
     */
    private static double score(Candidate c, Set<String> covered, Set<String> focus, Map<String, Double> weights) {
        double relevance = c.relevance();
        if (!covered.isEmpty()) {
            double fresh = 0;
            double total = 0;
            for (String t : c.terms()) {
                if (weights.containsKey(t)) {
                    double w = weights.get(t) * (focus.contains(t) ? FOCUS_SHARE : 1 - FOCUS_SHARE);
                    total += w;
                    fresh += covered.contains(t) ? COVERED_FACTOR * w : w;
                }
            }
            relevance = total == 0 ? relevance / 2 : relevance * fresh / total;
        }
        double standsAlone = c.position() > 0 && PassageSentences.pointsBack(c.text()) ? POINTS_BACK_FACTOR : 1;
        return standsAlone * relevance / (1 + RANK_DECAY * c.passage()) / (1 + POSITION_DECAY * c.position());
    }

    /**
     * How well the sentence answers the best-answered ask (or all of them together), plus a bonus for matching
     * the context. An ask of one word ("Is it free?") means something only with its context, so a sentence
     * that has the word but nothing of the context answers it only half.
     */
    private static double relevance(Question question, Map<String, Double> weights, Set<String> sentence,
                                    Set<String> title, int position) {
        Set<String> focus = question.focus();
        if (focus.isEmpty()) {
            return coverage(question.context(), weights, sentence, title);
        }
        if (position > 0 && focus.stream().noneMatch(sentence::contains)) {
            return 0;
        }
        double context = coverage(question.context(), weights, sentence, title);
        double best = coverage(focus, weights, sentence, title);
        for (Set<String> ask : question.asks()) {
            double covered = coverage(ask, weights, sentence, title);
            if (ask.size() == 1 && !question.context().isEmpty() && context == 0) {
                covered *= LONE_WORD_FACTOR;
            }
            best = Math.max(best, covered);
        }
        return best + CONTEXT_BONUS * context;
    }

    /** The weighted share of {@code words} the sentence contains; words only in its title count half. */
    private static double coverage(Set<String> words, Map<String, Double> weights, Set<String> sentence,
                                   Set<String> title) {
        double total = 0;
        double found = 0;
        for (String word : words) {
            double w = weights.get(word);
            total += w;
            if (sentence.contains(word)) {
                found += w;
            } else if (title.contains(word)) {
                found += TITLE_FACTOR * w;
            }
        }
        return total == 0 ? 0 : found / total;
    }

    /** Inverse "sentence frequency" among the candidates: ln(1 + N / df), a missing word counting as df 1. */
    private static Map<String, Double> weights(Question question, List<Candidate> candidates) {
        Map<String, Integer> df = new HashMap<>();
        for (Candidate c : candidates) {
            for (String t : c.terms()) {
                df.merge(t, 1, Integer::sum);
            }
        }
        int n = Math.max(1, candidates.size());
        Map<String, Double> weights = new HashMap<>();
        for (Set<String> words : List.of(question.focus(), question.context())) {
            for (String word : words) {
                weights.put(word, Terms.weight(word) * Math.log(1 + (double) n / Math.max(1, df.getOrDefault(word, 0))));
            }
        }
        return weights;
    }

    private static Set<String> titleTerms(KnowledgeHit hit) {
        return Terms.of(hit.title() + "\n" + hit.section());
    }

    private static boolean duplicates(Candidate a, Candidate b) {
        if (a.text().equalsIgnoreCase(b.text())) {
            return true;
        }
        Set<String> shared = new HashSet<>(a.terms());
        shared.retainAll(b.terms());
        int smaller = Math.min(a.terms().size(), b.terms().size());
        return smaller > 0 && shared.size() >= DUPLICATE_OVERLAP * smaller;
    }
}
