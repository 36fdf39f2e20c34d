package io.agentassist.knowledge.search;

import io.agentassist.knowledge.index.IndexFields;
import io.agentassist.knowledge.index.KnowledgeAnalyzers;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

/**
 * Every name the knowledge base knows (article titles and {@code entity}/{@code product} metadata, as
 * normalised focus keys), with an inverse lookup from words — exact, compound and with small typos — to the
 * names that contain them. Word weights are inverse name frequencies, so "house" or "restaurant", shared by
 * many names, count for little when a mention is scored.
 */
final class NameCatalog {
    /** One known name: its normalised key (also the indexed focus term) and its words. */
    record Name(String key, List<String> tokens, double totalWeight) {
    }

    private final Map<String, Name> names = new HashMap<>();
    private final Map<String, Double> tokenWeights = new HashMap<>();
    /** Name words (and joined neighbouring words, "guest"+"house") to the names that contain them. */
    private final Map<String, Set<Name>> namesByForm = new HashMap<>();
    /** Deletion variants of name forms, for typo-tolerant lookup: variant to forms. */
    private final Map<String, Set<String>> formsByDeletion = new HashMap<>();

    private NameCatalog(List<String> keys) {
        Map<String, Integer> nameFrequency = new HashMap<>();
        for (String key : keys) {
            for (String token : new HashSet<>(List.of(key.split(" ")))) {
                nameFrequency.merge(token, 1, Integer::sum);
            }
        }
        int count = Math.max(1, keys.size());
        nameFrequency.forEach((token, frequency) -> tokenWeights.put(token,
                isStopWord(token) ? 0.0 : Math.log(1.0 + (double) count / frequency)));
        for (String key : keys) {
            List<String> tokens = List.of(key.split(" "));
            double total = new LinkedHashSet<>(tokens).stream().mapToDouble(this::weight).sum();
            Name name = new Name(key, tokens, total);
            names.put(key, name);
            for (int i = 0; i < tokens.size(); i++) {
                addForm(tokens.get(i), name);
                if (i + 1 < tokens.size()) {
                    addForm(tokens.get(i) + tokens.get(i + 1), name);
                }
            }
        }
    }

    static NameCatalog of(List<String> keys) {
        return new NameCatalog(keys);
    }

    /** Reads the focus keys of an open index. */
    static NameCatalog load(IndexReader reader) throws IOException {
        List<String> keys = new ArrayList<>();
        Terms terms = MultiTerms.getTerms(reader, IndexFields.FOCUS);
        if (terms != null) {
            TermsEnum iterator = terms.iterator();
            for (BytesRef term = iterator.next(); term != null; term = iterator.next()) {
                keys.add(term.utf8ToString());
            }
        }
        return new NameCatalog(keys);
    }

    static boolean isStopWord(String token) {
        return KnowledgeAnalyzers.STOP_WORDS.contains(token);
    }

    int size() {
        return names.size();
    }

    double weight(String token) {
        return tokenWeights.getOrDefault(token, 0.0);
    }

    /** The names that contain a form (a name word, or two neighbouring name words written together). */
    Set<Name> namesWithForm(String form) {
        return namesByForm.getOrDefault(form, Set.of());
    }

    /** Whether the word is spelled exactly as a word of some name (or two of its words written together). */
    boolean isNameForm(String word) {
        return namesByForm.containsKey(word);
    }

    /** The name words and joined word pairs that a conversation word matches, exactly or nearly. */
    Set<String> formsNear(String word) {
        Set<String> forms = new HashSet<>();
        if (namesByForm.containsKey(word)) {
            forms.add(word);
            return forms; // spelled as one name's word, it is not a typo of another's ("hilton" is not "hinton")
        }
        if (word.length() >= WordSimilarity.MIN_LENGTH_FOR_ONE_EDIT) {
            for (String variant : deletions(word)) {
                for (String form : formsByDeletion.getOrDefault(variant, Set.of())) {
                    if (WordSimilarity.matches(word, form)) {
                        forms.add(form);
                    }
                }
            }
        }
        return forms;
    }

    private void addForm(String form, Name name) {
        namesByForm.computeIfAbsent(form, f -> new HashSet<>()).add(name);
        if (form.length() >= WordSimilarity.MIN_LENGTH_FOR_ONE_EDIT) {
            for (String variant : deletions(form)) {
                formsByDeletion.computeIfAbsent(variant, v -> new HashSet<>()).add(form);
            }
        }
    }

    /**
     * The word itself and every variant with one character removed (two for long words): two words
     * within the allowed edit distance always share a variant.
     */
    private static Set<String> deletions(String word) {
        Set<String> variants = new HashSet<>();
        variants.add(word);
        for (int i = 0; i < word.length(); i++) {
            String once = word.substring(0, i) + word.substring(i + 1);
            variants.add(once);
            if (word.length() >= WordSimilarity.MIN_LENGTH_FOR_TWO_EDITS) {
                for (int j = 0; j < once.length(); j++) {
                    variants.add(once.substring(0, j) + once.substring(j + 1));
                }
            }
        }
        return variants;
    }
}
