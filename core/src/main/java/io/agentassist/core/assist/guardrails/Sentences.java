package io.agentassist.core.assist.guardrails;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a reply into sentences the way a reader sees them: every line stands alone (a greeting line, a
 * sign-off, a list item), and within a line a sentence ends at {@code . ! ?} followed by a space. Citation
 * markers written after the full stop ({@code "... 14 days. [1] Next"}) stay with the sentence they close,
 * and abbreviations such as "e.g." or "Mr." do not end a sentence. Shared by every check of a draft and by
 * the tone tools, so a draft is cut into sentences the same way wherever it is read.
 */
public final class Sentences {

    /** A sentence and where it stands in the text it came from. */
    public record Sentence(String text, int start, int end) {
    }

    private static final Set<String> ABBREVIATIONS = Set.of("e.g", "i.e", "etc", "mr", "mrs", "ms", "dr", "no",
            "nr", "approx", "vs", "inc", "ltd", "co", "st", "jr", "sr", "dept", "incl", "min", "max", "ca", "p.m",
            "a.m", "fig", "ref", "tel", "ext");
    private static final Pattern LEADING_MARKERS =
            Pattern.compile("\\G(?:\\s*\\[\\s*\\d{1,3}(?:\\s*[,;\\-–]\\s*\\d{1,3})*\\s*])+");

    private Sentences() {
    }

    /** The sentences of {@code text} as strings, in order. */
    public static List<String> texts(String text) {
        return split(text).stream().map(Sentence::text).toList();
    }

    public static List<Sentence> split(String text) {
        List<Sentence> sentences = new ArrayList<>();
        if (text == null) {
            return sentences;
        }
        int lineStart = 0;
        while (lineStart <= text.length()) {
            int newline = text.indexOf('\n', lineStart);
            int lineEnd = newline < 0 ? text.length() : newline;
            splitLine(text, lineStart, lineEnd, sentences);
            if (newline < 0) {
                break;
            }
            lineStart = newline + 1;
        }
        return sentences;
    }

    private static void splitLine(String text, int from, int to, List<Sentence> out) {
        int start = from;
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (c == '.' || c == '!' || c == '?' || c == '…') {
                int end = i + 1;
                while (end < to && ".!?…\"'”’)".indexOf(text.charAt(end)) >= 0) {
                    end++;
                }
                Matcher markers = LEADING_MARKERS.matcher(text).region(end, to);
                if (markers.lookingAt()) {
                    end = markers.end();
                    while (end < to && ".!?".indexOf(text.charAt(end)) >= 0) {
                        end++;
                    }
                }
                boolean atLineEnd = end >= to || text.substring(end, to).isBlank();
                boolean spaceFollows = end < to && Character.isWhitespace(text.charAt(end));
                boolean sentenceEnds = spaceFollows && !isAbbreviation(text, start, i)
                        && nextStartsSentence(text, end, to);
                if (atLineEnd || sentenceEnds) {
                    add(text, start, end, out);
                    start = end;
                    i = end;
                    continue;
                }
            }
            i++;
        }
        add(text, start, to, out);
    }

    private static boolean isAbbreviation(String text, int sentenceStart, int dot) {
        if (text.charAt(dot) != '.') {
            return false;
        }
        int wordStart = dot;
        while (wordStart > sentenceStart && !Character.isWhitespace(text.charAt(wordStart - 1))
                && text.charAt(wordStart - 1) != '(') {
            wordStart--;
        }
        String word = text.substring(wordStart, dot).toLowerCase(Locale.ROOT);
        if (word.length() == 1 && Character.isLetter(word.charAt(0))) {
            return true; // an initial: "J. Smith"
        }
        if (wordStart == sentenceStart && word.matches("\\d{1,2}")) {
            return true; // a numbered list item: "1. Pack the lamp"
        }
        return ABBREVIATIONS.contains(word);
    }

    private static boolean nextStartsSentence(String text, int from, int to) {
        int j = from;
        while (j < to && Character.isWhitespace(text.charAt(j))) {
            j++;
        }
        if (j >= to) {
            return true;
        }
        char next = text.charAt(j);
        return !Character.isLowerCase(next);
    }

    private static void add(String text, int start, int end, List<Sentence> out) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (end > start) {
            out.add(new Sentence(text.substring(start, end), start, end));
        }
    }
}
