package io.agentassist.knowledge.ingest;

import java.util.regex.Pattern;

/**
 * Removes Jekyll and kramdown syntax that a plain CommonMark parser would leave in the text: kramdown
 * attribute lists ({@code {:target="_blank"}}, {@code {: .note}}, {@code {:toc}}), {@code {::nomarkdown}}
 * markers, and Liquid tags and output ({@code {% include x.md %}}, {@code {{ site.baseurl }}}). Help
 * centres built with Jekyll (GitHub Pages) are full of these, and an agent must never be shown them.
 *
 * <p>This works on the Markdown source before parsing, so the HTML that {@code {::nomarkdown}} wraps is then
 * parsed as HTML. It does not spare code spans: a help article that teaches Liquid syntax would lose it,
 * which is acceptable for a support knowledge base.
 */
final class JekyllResidue {
    /** {@code * TOC} followed by {@code {:toc}}: kramdown's table-of-contents placeholder, not content. */
    private static final Pattern TOC_PLACEHOLDER =
            Pattern.compile("(?m)^[ \\t]*[-*+][ \\t]+TOC[ \\t]*\\r?\\n[ \\t]*\\{:toc\\}[ \\t]*$");
    private static final Pattern LIQUID_COMMENT =
            Pattern.compile("(?s)\\{%-?\\s*comment\\s*-?%\\}.*?\\{%-?\\s*endcomment\\s*-?%\\}");
    private static final Pattern LIQUID_TAG = Pattern.compile("(?s)\\{%.*?%\\}");
    private static final Pattern LIQUID_OUTPUT = Pattern.compile("(?s)\\{\\{.*?\\}\\}");
    /** Attribute lists and extension markers: {@code {:...}}, {@code {::nomarkdown}}, {@code {:/}}. */
    private static final Pattern KRAMDOWN_MARKER = Pattern.compile("\\{:[^}\\n]*\\}");

    private JekyllResidue() {
    }

    static String strip(String markdown) {
        String text = TOC_PLACEHOLDER.matcher(markdown).replaceAll("");
        text = LIQUID_COMMENT.matcher(text).replaceAll("");
        text = LIQUID_TAG.matcher(text).replaceAll("");
        text = LIQUID_OUTPUT.matcher(text).replaceAll("");
        return KRAMDOWN_MARKER.matcher(text).replaceAll("");
    }
}
