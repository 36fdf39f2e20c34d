package io.agentassist.core.tickets;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain text from the HTML of a mail that has no text/plain part. Deliberately simple (no HTML parser in core):
 * scripts, styles, comments and {@code <blockquote>} (where mail clients put the quoted history) are dropped,
 * block ends and {@code <br>} become line breaks, list items get a dash, tags go, and entities are decoded.
 */
final class HtmlText {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.DOTALL;
    private static final Pattern INVISIBLE = Pattern.compile(
            "<!--.*?-->|<(head|script|style|title)\\b[^>]*>.*?</\\1\\s*>", FLAGS);
    private static final Pattern BLOCKQUOTE_TAG = Pattern.compile("<(/?)blockquote\\b[^>]*>", FLAGS);
    private static final Pattern LINE_BREAK = Pattern.compile(
            "<br\\s*/?>|</(p|div|tr|h[1-6]|ul|ol|table|pre)\\s*>|<(p|div|tr|h[1-6]|ul|ol|table|pre)\\b[^>]*>", FLAGS);
    private static final Pattern LIST_ITEM = Pattern.compile("<li\\b[^>]*>", FLAGS);
    private static final Pattern TAG = Pattern.compile("<[^>]*>", FLAGS);
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");
    private static final Map<String, String> NAMED = Map.of("amp", "&", "lt", "<", "gt", ">", "quot", "\"",
            "apos", "'", "nbsp", " ", "ndash", "–", "mdash", "—", "hellip", "…", "euro", "€");

    private HtmlText() {
    }

    static String toText(String html) {
        String text = withoutBlockquotes(INVISIBLE.matcher(html).replaceAll(""));
        text = text.replaceAll("\\s+", " ");
        text = LINE_BREAK.matcher(text).replaceAll("\n");
        text = LIST_ITEM.matcher(text).replaceAll("\n- ");
        text = TAG.matcher(text).replaceAll("");
        text = decodeEntities(text);
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            out.append(line.replace('\u00a0', ' ').replaceAll("[ \\t]+", " ").strip()).append('\n');
        }
        return out.toString().replaceAll("\n{3,}", "\n\n").strip();
    }

    /** Drops every {@code <blockquote>} with its content, nested ones included; an unclosed one runs to the end. */
    private static String withoutBlockquotes(String html) {
        StringBuilder out = new StringBuilder();
        Matcher tag = BLOCKQUOTE_TAG.matcher(html);
        int depth = 0;
        int copiedUpTo = 0;
        while (tag.find()) {
            boolean closing = !tag.group(1).isEmpty();
            if (!closing) {
                if (depth == 0) {
                    out.append(html, copiedUpTo, tag.start());
                }
                depth++;
            } else if (depth > 0) {
                depth--;
                if (depth == 0) {
                    copiedUpTo = tag.end();
                }
            }
        }
        if (depth == 0) {
            out.append(html, copiedUpTo, html.length());
        }
        return out.toString();
    }

    private static String decodeEntities(String text) {
        Matcher m = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(decode(m.group(1), m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String decode(String entity, String original) {
        try {
            if (entity.startsWith("#x") || entity.startsWith("#X")) {
                return Character.toString(Integer.parseInt(entity.substring(2), 16));
            }
            if (entity.startsWith("#")) {
                return Character.toString(Integer.parseInt(entity.substring(1)));
            }
        } catch (IllegalArgumentException e) {
            return original;
        }
        return NAMED.getOrDefault(entity.toLowerCase(java.util.Locale.ROOT), original);
    }
}
