package io.agentassist.knowledge.ingest;

import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Turns an HTML element into {@link ArticleBody} text: headings become section headings, block elements
 * become paragraphs, list items and table rows become lines. Used for HTML files and for HTML blocks inside
 * Markdown.
 *
 * <p>Only text nodes are ever written, so attributes (event handlers, {@code javascript:} links, styles)
 * cannot reach the body. Elements whose text is code or page chrome (scripts, styles, navigation, footers,
 * forms) and content hidden from readers are removed first: hidden text in a knowledge article would reach
 * the agent's prompt without any person having seen it.
 */
final class HtmlText {
    /** Never article text, wherever they appear. */
    static final String REMOVED = "script, style, noscript, template, iframe, object, embed, svg, canvas, "
            + "nav, footer, form, button, select, input, textarea, dialog, head, link, meta, "
            + "[hidden], [aria-hidden=true], [role=navigation], [role=banner], [role=contentinfo], "
            + "[role=search], [style~=(?i)display\\s*:\\s*none], [style~=(?i)visibility\\s*:\\s*hidden]";
    /** Page chrome when outside the article's own {@code main} or {@code article}. */
    private static final Set<String> CHROME_OUTSIDE_CONTENT = Set.of("header", "aside");
    private static final Set<String> INLINE_LIST_PARENTS = Set.of("li", "td", "th", "dd");
    private static final Set<String> TABLE_PARTS = Set.of("thead", "tbody", "tfoot", "tr", "td", "th");

    private HtmlText() {
    }

    /** Removes what must never become article text from {@code root}, in place. */
    static void removeNonContent(Element root) {
        root.select(REMOVED).remove();
        for (Element element : root.select(String.join(", ", CHROME_OUTSIDE_CONTENT))) {
            if (element.closest("main, article, [role=main]") == null) {
                element.remove();
            }
        }
    }

    /** Appends the text of {@code root} (already cleaned) to {@code body}. */
    static void appendTo(ArticleBody.Builder body, Element root) {
        NodeTraversor.traverse(new Writer(body), root);
        body.endParagraph();
    }

    private static final class Writer implements NodeVisitor {
        private final ArticleBody.Builder body;
        private Element skipping;
        private int preDepth;

        Writer(ArticleBody.Builder body) {
            this.body = body;
        }

        @Override
        public void head(Node node, int depth) {
            if (skipping != null) {
                return;
            }
            if (node instanceof TextNode text) {
                if (preDepth > 0) {
                    String[] lines = text.getWholeText().split("\n", -1);
                    for (int i = 0; i < lines.length; i++) {
                        if (i > 0) {
                            body.endLine();
                        }
                        body.text(lines[i]);
                    }
                } else {
                    body.text(text.text());
                }
                return;
            }
            if (!(node instanceof Element element)) {
                return;
            }
            String tag = element.normalName();
            switch (tag) {
                case "h1", "h2", "h3", "h4", "h5", "h6" -> {
                    body.heading(tag.charAt(1) - '0', element.text());
                    skipping = element;
                }
                case "img", "video", "audio", "picture", "source", "track" -> skipping = element;
                case "br" -> body.endLine();
                case "li" -> body.listItem(isOrdered(element) ? (element.elementSiblingIndex() + 1) + ". " : "- ");
                case "tr", "dt", "dd" -> body.endLine();
                case "td", "th" -> {
                    if (element.elementSiblingIndex() > 0) {
                        body.text(" | ");
                    }
                }
                case "pre" -> {
                    breakBlock(element);
                    preDepth++;
                }
                default -> {
                    if (element.isBlock() && !TABLE_PARTS.contains(tag)) {
                        breakBlock(element);
                    }
                }
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node == skipping) {
                skipping = null;
                return;
            }
            if (skipping != null || !(node instanceof Element element)) {
                return;
            }
            String tag = element.normalName();
            if (tag.equals("pre")) {
                preDepth--;
            }
            if (tag.equals("li") || tag.equals("tr")) {
                body.endLine();
            } else if (element.isBlock() && !TABLE_PARTS.contains(tag)) {
                breakBlock(element);
            }
        }

        private static boolean isOrdered(Element item) {
            Element list = item.parent();
            return list != null && list.normalName().equals("ol");
        }

        /** Blocks inside a list item or table cell end a line; elsewhere they end a paragraph. */
        private void breakBlock(Element element) {
            Element parent = element.parent();
            boolean insideLine = false;
            for (Element e = parent; e != null; e = e.parent()) {
                if (INLINE_LIST_PARENTS.contains(e.normalName())) {
                    insideLine = true;
                    break;
                }
            }
            if (insideLine) {
                body.endLine();
            } else {
                body.endParagraph();
            }
        }
    }
}
