package io.agentassist.knowledge.ingest;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Packs the paragraphs of one section into passages of at most {@code maxChars}: whole paragraphs are
 * merged while they fit, and a paragraph that is too long on its own is cut at the largest boundary that
 * works — lines first (list items, table rows), then sentences, then words, and only for a single word
 * longer than a passage (a pasted URL or token), anywhere.
 */
final class PassageSplitter {
    private final int maxChars;
    private final Locale locale;

    PassageSplitter(int maxChars, Locale locale) {
        this.maxChars = maxChars;
        this.locale = locale;
    }

    List<String> passages(List<String> paragraphs) {
        List<String> pieces = new ArrayList<>();
        for (String paragraph : paragraphs) {
            pieces.addAll(fit(paragraph.strip()));
        }
        return pack(pieces, "\n\n");
    }

    /** One paragraph as pieces that each fit. */
    private List<String> fit(String text) {
        if (text.length() <= maxChars) {
            return text.isEmpty() ? List.of() : List.of(text);
        }
        List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        if (lines.size() > 1) {
            return pack(fitAll(lines), "\n");
        }
        List<String> sentences = sentences(text);
        if (sentences.size() > 1) {
            return pack(fitAll(sentences), " ");
        }
        return pack(words(text), " ");
    }

    private List<String> fitAll(List<String> parts) {
        List<String> pieces = new ArrayList<>();
        for (String part : parts) {
            pieces.addAll(fit(part));
        }
        return pieces;
    }

    /** Greedily joins neighbouring pieces while the result fits. */
    private List<String> pack(List<String> pieces, String joiner) {
        List<String> packed = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String piece : pieces) {
            if (!current.isEmpty() && current.length() + joiner.length() + piece.length() > maxChars) {
                packed.add(current.toString());
                current.setLength(0);
            }
            if (!current.isEmpty()) {
                current.append(joiner);
            }
            current.append(piece);
        }
        if (!current.isEmpty()) {
            packed.add(current.toString());
        }
        return packed;
    }

    private List<String> sentences(String text) {
        BreakIterator iterator = BreakIterator.getSentenceInstance(locale);
        iterator.setText(text);
        List<String> sentences = new ArrayList<>();
        int start = iterator.first();
        for (int end = iterator.next(); end != BreakIterator.DONE; start = end, end = iterator.next()) {
            String sentence = text.substring(start, end).strip();
            if (!sentence.isEmpty()) {
                sentences.add(sentence);
            }
        }
        return sentences;
    }

    /** Words, with any word longer than a passage cut into passage-sized parts. */
    private List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String word : text.split("\\s+")) {
            for (int from = 0; from < word.length(); from += maxChars) {
                words.add(word.substring(from, Math.min(word.length(), from + maxChars)));
            }
        }
        return words;
    }
}
