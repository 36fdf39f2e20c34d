package io.agentassist.knowledge.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.ext.front.matter.YamlFrontMatterBlock;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * Renders a parsed Markdown document as {@link ArticleBody} text: headings stay headings, links keep their
 * text and lose their URL, images disappear (their alt text repeats the step next to them), lists become
 * {@code - item} lines, HTML blocks go through {@link HtmlText}. Tables written with pipes (parsed as plain
 * paragraphs, as the tables extension is not used) become one row per line with the separator row dropped.
 *
 * <p>The first level-1 heading is the article title when the front matter names none, or repeats it; in
 * both cases it is left out of the body.
 */
final class MarkdownBodyRenderer {
    private static final Pattern TABLE_SEPARATOR_ROW = Pattern.compile("\\|?[\\s:|-]*-{3,}[\\s:|-]*\\|?");
    private static final Pattern INLINE_TAG = Pattern.compile("</?\\s*([a-zA-Z][a-zA-Z0-9]*)[^>]*>");
    /** Inline elements whose content is never text (as in {@link HtmlText#REMOVED}). */
    private static final Set<String> DROPPED_INLINE = Set.of("script", "style", "noscript", "template", "iframe",
            "object", "svg", "textarea", "select", "button", "canvas");
    private static final List<String> INLINE_FORMATTING = List.of(
            "a", "abbr", "b", "code", "em", "i", "kbd", "mark", "s", "small", "span", "strong", "sub", "sup", "u");

    private final String knownTitle;
    private final ArticleBody.Builder body = new ArticleBody.Builder();
    private String headingTitle = "";
    private boolean firstH1Seen;

    /** @param knownTitle the front-matter title, or empty when there is none */
    MarkdownBodyRenderer(String knownTitle) {
        this.knownTitle = knownTitle;
    }

    /** The rendered body and, when the title came from the first {@code # heading}, that title. */
    record Rendered(String body, String headingTitle) {
    }

    Rendered render(Node document) {
        for (Node child = document.getFirstChild(); child != null; child = child.getNext()) {
            block(child);
        }
        return new Rendered(body.build(), headingTitle);
    }

    private void block(Node node) {
        switch (node) {
            case YamlFrontMatterBlock _ -> {
            }
            case LinkReferenceDefinition _ -> {
            }
            case ThematicBreak _ -> body.endParagraph();
            case Heading heading -> heading(heading);
            case Paragraph paragraph -> body.paragraph(paragraphText(paragraph));
            case ListBlock list -> {
                body.endParagraph();
                list(list);
                body.endParagraph();
            }
            case FencedCodeBlock code -> body.preformatted(code.getLiteral());
            case IndentedCodeBlock code -> body.preformatted(code.getLiteral());
            case HtmlBlock html -> html(html.getLiteral());
            case BlockQuote quote -> children(quote);
            default -> children(node);
        }
    }

    private void children(Node parent) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
            block(child);
        }
    }

    private void heading(Heading heading) {
        String text = ArticleBody.collapseSpaces(inline(heading));
        if (heading.getLevel() == 1 && !firstH1Seen) {
            firstH1Seen = true;
            if (knownTitle.isBlank()) {
                headingTitle = text;
                return;
            }
            if (text.equalsIgnoreCase(knownTitle.strip())) {
                return;
            }
        }
        body.heading(heading.getLevel(), text);
    }

    private void html(String literal) {
        Element fragment = Jsoup.parseBodyFragment(literal).body();
        HtmlText.removeNonContent(fragment);
        body.endParagraph();
        HtmlText.appendTo(body, fragment);
    }

    /**
     * A list as one paragraph of item lines. Nested items follow their parent as lines of their own, not
     * indented: a passage is read as text, and HTML lists come out the same way.
     */
    private void list(ListBlock list) {
        int number = list instanceof OrderedList ordered && ordered.getMarkerStartNumber() != null
                ? ordered.getMarkerStartNumber() : 1;
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            if (!(item instanceof ListItem)) {
                continue;
            }
            String marker = list instanceof OrderedList ? (number++) + ". " : "- ";
            boolean first = true;
            for (Node child = item.getFirstChild(); child != null; child = child.getNext()) {
                if (child instanceof ListBlock nested) {
                    list(nested);
                    continue;
                }
                String text = ArticleBody.collapseSpaces(child instanceof HtmlBlock html
                        ? Jsoup.parseBodyFragment(html.getLiteral()).text()
                        : inline(child).replace('\n', ' '));
                if (text.isEmpty()) {
                    continue;
                }
                body.text((first ? marker : "") + text).endLine();
                first = false;
            }
        }
    }

    /**
     * A paragraph's text. Soft line breaks are joined into one line, except in a pipe table, whose rows
     * stay lines.
     */
    private String paragraphText(Paragraph paragraph) {
        String text = inline(paragraph);
        List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        if (lines.size() < 2 || !lines.stream().allMatch(l -> l.startsWith("|"))) {
            return String.join(" ", lines);
        }
        List<String> rows = new ArrayList<>();
        for (String line : lines) {
            if (TABLE_SEPARATOR_ROW.matcher(line).matches()) {
                continue;
            }
            String row = line.replaceAll("^\\|", "").replaceAll("\\|$", "");
            List<String> cells = new ArrayList<>();
            for (String cell : row.split("(?<!\\\\)\\|")) {
                cells.add(ArticleBody.collapseSpaces(cell).replaceAll("[;\\s]+$", ""));
            }
            rows.add(String.join(" | ", cells));
        }
        return String.join("\n", rows);
    }

    /** The plain text of inline content: links keep their text, images and tags leave nothing. */
    private static String inline(Node parent) {
        return new InlineText().of(parent);
    }

    /**
     * Collects inline text. Inline HTML leaves no text, but tags that separate words still separate them
     * ({@code <br>}; the end of a list item inside a table cell, so {@code <li>a</li><li>b</li>} reads
     * "a; b"). The content of inline elements that are code or hidden ({@code <script>},
     * {@code <span style="display:none">}) is dropped up to their closing tag, as in {@link HtmlText}.
     */
    private static final class InlineText {
        private final StringBuilder text = new StringBuilder();
        private String droppingUntilEndOf;

        String of(Node parent) {
            append(parent);
            return text.toString();
        }

        private void append(Node parent) {
            for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
                if (node instanceof HtmlInline html) {
                    tag(html.getLiteral());
                } else if (droppingUntilEndOf != null) {
                    append(node);
                } else {
                    switch (node) {
                        case Text t -> text.append(t.getLiteral());
                        case Code code -> text.append(code.getLiteral());
                        case SoftLineBreak _, HardLineBreak _ -> text.append('\n');
                        case Image _ -> {
                        }
                        default -> append(node);
                    }
                }
            }
        }

        private void tag(String literal) {
            Matcher m = INLINE_TAG.matcher(literal);
            if (!m.matches()) {
                return;
            }
            String name = m.group(1).toLowerCase(Locale.ROOT);
            boolean closing = literal.startsWith("</");
            if (droppingUntilEndOf != null) {
                if (closing && name.equals(droppingUntilEndOf)) {
                    droppingUntilEndOf = null;
                }
                return;
            }
            if (!closing && !literal.endsWith("/>") && isDropped(name, literal)) {
                droppingUntilEndOf = name;
            } else if (closing && name.equals("li")) {
                text.append("; ");
            } else if (!INLINE_FORMATTING.contains(name)) {
                text.append(' ');
            }
        }

        private static boolean isDropped(String name, String literal) {
            return Jsoup.parseBodyFragment(literal.replaceFirst("(?s)^<\\s*" + name, "<span")).body()
                    .select(HtmlText.REMOVED).size() > 0 || DROPPED_INLINE.contains(name);
        }
    }
}
