package io.agentassist.core.assist.guardrails;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Citation markers as the model writes them: {@code [1]}, {@code [2][3]}, {@code [1, 2]}, {@code [1;2]} and
 * ranges such as {@code [1-3]}. Bracketed words ({@code [Customer Name]}, {@code [EMAIL_1]}) are not
 * markers, nor is a Markdown link text such as {@code [1](https://...)}.
 */
public final class CitationMarkers {

    /** One bracket group: numbers separated by commas, semicolons or a dash for a range. */
    private static final Pattern GROUP =
            Pattern.compile("\\[\\s*(\\d{1,3}(?:\\s*(?:[,;]|[-–])\\s*\\d{1,3})*)\\s*](?!\\()");
    private static final Pattern PART = Pattern.compile("(\\d{1,3})(?:\\s*[-–]\\s*(\\d{1,3}))?");
    /** A range wider than this is read as its two ends: nobody cites twenty passages with one marker. */
    private static final int MAX_RANGE = 20;

    private CitationMarkers() {
    }

    /** Where one bracket group stands in the text and which passage numbers it names. */
    public record Occurrence(int start, int end, List<Integer> markers) {
        public Occurrence {
            markers = List.copyOf(markers);
        }
    }

    /** The passage numbers the text cites, in order of first appearance, each once. */
    public static List<Integer> parse(String text) {
        Set<Integer> markers = new LinkedHashSet<>();
        for (Occurrence occurrence : find(text)) {
            markers.addAll(occurrence.markers());
        }
        return List.copyOf(markers);
    }

    /** Every bracket group of markers in the text, in order. */
    public static List<Occurrence> find(String text) {
        List<Occurrence> occurrences = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return occurrences;
        }
        Matcher group = GROUP.matcher(text);
        while (group.find()) {
            List<Integer> markers = new ArrayList<>();
            Matcher part = PART.matcher(group.group(1));
            while (part.find()) {
                int from = Integer.parseInt(part.group(1));
                int to = part.group(2) == null ? from : Integer.parseInt(part.group(2));
                if (to >= from && to - from <= MAX_RANGE) {
                    for (int n = from; n <= to; n++) {
                        markers.add(n);
                    }
                } else {
                    markers.add(from);
                    markers.add(to);
                }
            }
            occurrences.add(new Occurrence(group.start(), group.end(), markers));
        }
        return occurrences;
    }

    /** The text without its markers, so that {@code [2]} is not read as the number 2. */
    public static String strip(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        return GROUP.matcher(text).replaceAll("");
    }
}
