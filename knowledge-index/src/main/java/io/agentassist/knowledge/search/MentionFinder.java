package io.agentassist.knowledge.search;

import io.agentassist.knowledge.search.NameCatalog.Name;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the names a piece of text mentions. A mention is a run of words that lines up with a name's words
 * in order, tolerating small typos, "guest house" for "guesthouse" (and back), skipped little words and one
 * skipped name word ("Bridge House" for "Bridge Guest House"). A run counts when
 * <ul>
 *   <li>its words carry at least {@link #MIN_COVERAGE} of the name's weight, so "house" alone never names
 *       "Hobsons House", and</li>
 *   <li>it has two content words, or one word that is rare outside the name's own articles, so an
 *       everyday word that happens to be a name ("worth", "place") does not trigger a match.</li>
 * </ul>
 * When several names are mentioned, those with the best coverage win ("the Gonville and the Lensfield").
 */
final class MentionFinder {
    static final double MIN_COVERAGE = 0.65;

    /** Tells whether a word is distinctive of a name (rare in articles of other names). */
    interface Distinctiveness {
        boolean isDistinctive(String word, Name name);
    }

    private final NameCatalog catalog;
    private final Distinctiveness distinctiveness;

    MentionFinder(NameCatalog catalog, Distinctiveness distinctiveness) {
        this.catalog = catalog;
        this.distinctiveness = distinctiveness;
    }

    /** The best-covered names the words mention, empty when none qualifies. */
    Set<Name> mentionedIn(List<String> words) {
        Set<String> formsInText = new HashSet<>();
        for (int i = 0; i < words.size(); i++) {
            formsInText.addAll(catalog.formsNear(words.get(i)));
            // two words written apart that a name writes together ("guest house"): exact only, like the alignment
            if (i + 1 < words.size() && catalog.isNameForm(words.get(i) + words.get(i + 1))) {
                formsInText.add(words.get(i) + words.get(i + 1));
            }
        }
        Set<Name> candidates = new HashSet<>();
        for (String form : formsInText) {
            candidates.addAll(catalog.namesWithForm(form));
        }
        Map<Name, Double> accepted = new HashMap<>();
        for (Name name : candidates) {
            if (name.totalWeight() == 0 || reachableWeight(name, formsInText) < MIN_COVERAGE * name.totalWeight()) {
                continue; // even a perfect alignment could not cover enough of the name: skip the costly part
            }
            List<String> matched = bestRun(words, name);
            double coverage = new HashSet<>(matched).stream().mapToDouble(catalog::weight).sum() / name.totalWeight();
            if (coverage >= MIN_COVERAGE && specificEnough(matched, name)) {
                accepted.put(name, coverage);
            }
        }
        double best = accepted.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        Set<Name> winners = new HashSet<>();
        accepted.forEach((name, coverage) -> {
            if (coverage >= best - 1e-9) {
                winners.add(name);
            }
        });
        return winners;
    }

    /** An upper bound of a name's matched weight: its words that appear in the text in any form. */
    private double reachableWeight(Name name, Set<String> formsInText) {
        List<String> tokens = name.tokens();
        Set<String> reachable = new HashSet<>();
        for (int t = 0; t < tokens.size(); t++) {
            String token = tokens.get(t);
            boolean joinedWithNext = t + 1 < tokens.size() && formsInText.contains(token + tokens.get(t + 1));
            boolean joinedWithPrevious = t > 0 && formsInText.contains(tokens.get(t - 1) + token);
            if (formsInText.contains(token) || joinedWithNext || joinedWithPrevious) {
                reachable.add(token);
            }
        }
        return reachable.stream().mapToDouble(catalog::weight).sum();
    }

    private boolean specificEnough(List<String> matched, Name name) {
        Set<String> content = new HashSet<>();
        for (String word : matched) {
            if (!NameCatalog.isStopWord(word)) {
                content.add(word);
            }
        }
        if (content.size() >= 2) {
            return true;
        }
        for (String word : content) {
            if (distinctiveness.isDistinctive(word, name)) {
                return true;
            }
        }
        return false;
    }

    /** The name words matched by the best-weighted run of text words lined up with the name. */
    private List<String> bestRun(List<String> words, Name name) {
        List<String> tokens = name.tokens();
        List<String> best = List.of();
        double bestWeight = 0;
        for (int start = 0; start < words.size(); start++) {
            for (int nameStart = 0; nameStart < tokens.size(); nameStart++) {
                List<String> run = run(words, start, tokens, nameStart);
                double weight = new HashSet<>(run).stream().mapToDouble(catalog::weight).sum();
                if (weight > bestWeight) {
                    bestWeight = weight;
                    best = run;
                }
            }
        }
        return best;
    }

    /**
     * Whether a text word is a name word: equal, or a near spelling when the text word is not itself spelled
     * exactly as a word of some name, so "Hilton" never also reads as a typo of "Hinton".
     */
    private boolean sameWord(String word, String token) {
        return word.equals(token) || (!catalog.isNameForm(word) && WordSimilarity.matches(word, token));
    }

    private List<String> run(List<String> words, int w, List<String> tokens, int t) {
        List<String> matched = new ArrayList<>();
        boolean skippedNameWord = false;
        while (w < words.size() && t < tokens.size()) {
            String word = words.get(w);
            String token = tokens.get(t);
            if (sameWord(word, token)) {
                matched.add(token);
                w++;
                t++;
            } else if (w + 1 < words.size() && (word + words.get(w + 1)).equals(token)) {
                matched.add(token);
                w += 2;
                t++;
            } else if (t + 1 < tokens.size() && word.equals(token + tokens.get(t + 1))) {
                matched.add(token);
                matched.add(tokens.get(t + 1));
                w++;
                t += 2;
            } else if (!matched.isEmpty() && NameCatalog.isStopWord(token)) {
                t++;
            } else if (!matched.isEmpty() && NameCatalog.isStopWord(word)) {
                w++;
            } else if (!matched.isEmpty() && !skippedNameWord && t + 1 < tokens.size()
                    && sameWord(word, tokens.get(t + 1))) {
                skippedNameWord = true;
                t++;
            } else {
                break;
            }
        }
        return matched;
    }
}
