package io.agentassist.knowledge.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one plain-text form of {@link Article#body()} that every reader writes and the {@link Chunker} reads,
 * so the chunker never needs to know where an article came from.
 *
 * <p>Paragraphs are separated by a blank line. A section heading is a paragraph of its own written as in
 * Markdown, {@code ## Heading} (one to six {@code #}), which keeps the structure visible to a person reading
 * the body and lets bodies from JSON Lines or text files carry headings the same way. Lines inside a
 * paragraph (list items, table rows) are kept as lines.
 */
final class ArticleBody {
    private static final Pattern HEADING = Pattern.compile("^(#{1,6})[ \\t]+(.*?)(?:[ \\t]+#+)?[ \\t]*$");
    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n[ \\t]*\\n");
    private static final Pattern SPACES = Pattern.compile("[ \\t\\x0B\\f\\u00A0\\u2007\\u202F]+");

    private ArticleBody() {
    }

    /** A heading (empty for text before the first heading) and the paragraphs under it. */
    record Section(String heading, List<String> paragraphs) {
        Section {
            paragraphs = List.copyOf(paragraphs);
        }
    }

    /** Splits a body into sections; sections without any paragraph are left out. */
    static List<Section> sections(String body) {
        List<Section> sections = new ArrayList<>();
        String heading = "";
        List<String> paragraphs = new ArrayList<>();
        for (String block : PARAGRAPH_BREAK.split(body.replace("\r\n", "\n").replace('\r', '\n'))) {
            String paragraph = block.strip();
            if (paragraph.isEmpty()) {
                continue;
            }
            int firstLineEnd = paragraph.indexOf('\n');
            String firstLine = firstLineEnd < 0 ? paragraph : paragraph.substring(0, firstLineEnd);
            Matcher m = HEADING.matcher(firstLine);
            if (m.matches()) {
                if (!paragraphs.isEmpty()) {
                    sections.add(new Section(heading, paragraphs));
                }
                heading = m.group(2).strip();
                paragraphs = new ArrayList<>();
                paragraph = firstLineEnd < 0 ? "" : paragraph.substring(firstLineEnd + 1).strip();
                if (paragraph.isEmpty()) {
                    continue;
                }
            }
            paragraphs.add(paragraph);
        }
        if (!paragraphs.isEmpty()) {
            sections.add(new Section(heading, paragraphs));
        }
        return sections;
    }

    /** Collapses runs of spaces and tabs to one space and strips the ends: how every reader cleans a line. */
    static String collapseSpaces(String text) {
        return SPACES.matcher(text).replaceAll(" ").strip();
    }

    /**
     * Writes a body in this form. Readers append inline text to the current line, end lines and paragraphs,
     * and add headings; empty lines and paragraphs disappear, so readers need not track what they emitted.
     */
    static final class Builder {
        private final StringBuilder body = new StringBuilder();
        private final List<String> lines = new ArrayList<>();
        private final StringBuilder line = new StringBuilder();
        private String pendingMarker = "";

        /** Appends inline text to the current line; runs of whitespace become one space. */
        Builder text(String text) {
            if (!pendingMarker.isEmpty() && !text.isBlank() && line.isEmpty()) {
                line.append(pendingMarker);
                pendingMarker = "";
            }
            line.append(text.replace('\n', ' ').replace('\r', ' '));
            return this;
        }

        /**
         * Ends the current line and puts {@code marker} ({@code "- "}, {@code "2. "}) in front of the next
         * text, so a list item whose text comes later (inside a nested paragraph) still gets its marker and
         * an item without text leaves no stray marker.
         */
        Builder listItem(String marker) {
            endLine();
            pendingMarker = marker;
            return this;
        }

        /** Ends the current line; the next text starts a new line in the same paragraph. */
        Builder endLine() {
            String finished = collapseSpaces(line.toString());
            line.setLength(0);
            if (!finished.isEmpty()) {
                lines.add(finished);
            }
            return this;
        }

        /** Ends the current paragraph. */
        Builder endParagraph() {
            endLine();
            pendingMarker = "";
            if (!lines.isEmpty()) {
                appendBlock(String.join("\n", lines));
                lines.clear();
            }
            return this;
        }

        /** A whole paragraph at once; it is cleaned line by line. */
        Builder paragraph(String text) {
            endParagraph();
            for (String l : text.split("\n", -1)) {
                text(l).endLine();
            }
            return endParagraph();
        }

        /** Text whose line layout matters (code): kept as is apart from trailing spaces and blank lines. */
        Builder preformatted(String text) {
            endParagraph();
            String kept = text.lines().map(String::stripTrailing).filter(l -> !l.isBlank())
                    .reduce((a, b) -> a + "\n" + b).orElse("");
            if (!kept.isEmpty()) {
                appendBlock(kept);
            }
            return this;
        }

        /** A section heading; {@code level} 1 to 6 as in HTML. Blank headings are dropped. */
        Builder heading(int level, String text) {
            endParagraph();
            String clean = collapseSpaces(text.replace('\n', ' '));
            if (!clean.isEmpty()) {
                appendBlock("#".repeat(Math.clamp(level, 1, 6)) + " " + clean);
            }
            return this;
        }

        String build() {
            endParagraph();
            return body.toString();
        }

        private void appendBlock(String block) {
            if (!body.isEmpty()) {
                body.append("\n\n");
            }
            body.append(block);
        }
    }
}
