package io.agentassist.core.assist.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Cuts text into sentences without a language model. Line breaks always end a sentence (list items, table
 * rows and headings are lines of their own in knowledge passages and in e-mails). Inside a line a sentence
 * ends at {@code .}, {@code !} or {@code ?} followed by a space and a capital letter, digit, quote or bracket,
 * except after a known abbreviation or a single initial, so "e.g. Visa", "Mr. Smith" and "3.5 kg" stay whole.
 */
final class Sentences {
    private static final Set<String> ABBREVIATIONS = Set.of(
            "mr", "mrs", "ms", "dr", "prof", "st", "sr", "jr", "vs", "etc", "e.g", "i.e", "eg", "ie",
            "approx", "incl", "excl", "min", "max", "fig", "dept", "inc", "ltd", "co", "corp", "ca", "cf", "jan",
            "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "wed",
            "thu", "fri", "sat", "sun", "z.b", "bzw", "usw", "ggf", "evtl", "sra", "mme", "mlle");

    /** "No. 5" is a number; "No. I have not" is an answer. */
    private static final Set<String> NUMBER_ABBREVIATIONS = Set.of("no", "nr", "nos");

    private Sentences() {
    }

    /** The sentences of {@code text}, stripped, in order; blank lines and empty pieces are dropped. */
    static List<String> split(String text) {
        List<String> sentences = new ArrayList<>();
        for (String line : text.split("\\R")) {
            splitLine(line.strip(), sentences);
        }
        return sentences;
    }

    private static void splitLine(String line, List<String> out) {
        int start = 0;
        int n = line.length();
        for (int i = 0; i < n; i++) {
            char c = line.charAt(i);
            if (c != '.' && c != '!' && c != '?' && c != '…') {
                continue;
            }
            int end = i + 1;
            while (end < n && ".!?…\"'”’)]".indexOf(line.charAt(end)) >= 0) {
                end++;
            }
            if (end >= n || !Character.isWhitespace(line.charAt(end))) {
                i = end - 1;
                continue;
            }
            int next = end;
            while (next < n && Character.isWhitespace(line.charAt(next))) {
                next++;
            }
            if (next < n && startsSentence(line.charAt(next)) && !(c == '.' && endsWithAbbreviation(line, start, i, line.charAt(next)))) {
                add(line.substring(start, end), out);
                start = next;
            }
            i = end - 1;
        }
        add(line.substring(start), out);
    }

    private static boolean startsSentence(char c) {
        return Character.isUpperCase(c) || Character.isDigit(c) || "\"'“‘([¿¡-*•".indexOf(c) >= 0;
    }

    /** Whether the word before the full stop at {@code dot} is an abbreviation or a single initial. */
    private static boolean endsWithAbbreviation(String line, int start, int dot, char following) {
        int w = dot;
        while (w > start && !Character.isWhitespace(line.charAt(w - 1)) && line.charAt(w - 1) != '(') {
            w--;
        }
        String word = line.substring(w, dot).toLowerCase(Locale.ROOT);
        if (NUMBER_ABBREVIATIONS.contains(word)) {
            return Character.isDigit(following);
        }
        return (word.length() == 1 && Character.isLetter(word.charAt(0))) || ABBREVIATIONS.contains(word);
    }

    private static void add(String sentence, List<String> out) {
        String s = sentence.strip();
        if (!s.isEmpty()) {
            out.add(s);
        }
    }
}
