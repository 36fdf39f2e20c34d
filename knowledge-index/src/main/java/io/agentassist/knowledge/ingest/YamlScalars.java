package io.agentassist.knowledge.ingest;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The YAML scalar syntax {@link FrontMatterParser} needs: plain values (and what YAML refuses in them),
 * single- and double-quoted values with their escapes, and flow sequences. Errors carry the line number so
 * the skipped-file reason points the admin at the right line.
 */
final class YamlScalars {
    private static final Pattern COMMENT = Pattern.compile("[ \\t]+#.*$");
    private static final String DOUBLE_QUOTE_ESCAPES = "0abtnvfre \"/\\N_LPxuU\t";

    private YamlScalars() {
    }

    /** A plain (unquoted) scalar without its comment; rejects what YAML reads as structure. */
    static String plain(String text, int lineNo) throws InvalidFrontMatterException {
        String value = COMMENT.matcher(text).replaceFirst("").strip();
        if (value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        if ("@`%]}".indexOf(first) >= 0) {
            throw new InvalidFrontMatterException(lineNo, "a value cannot start with '" + first + "' unless quoted");
        }
        if (value.startsWith("- ")) {
            throw new InvalidFrontMatterException(lineNo, "a list item cannot follow a key on the same line");
        }
        if (value.contains(": ") || value.endsWith(":")) {
            throw new InvalidFrontMatterException(lineNo, "\"" + abbreviated(value)
                    + "\" contains \": \"; quote the value");
        }
        return value;
    }

    /** The index just after the quote or bracket that closes the one {@code text} starts with; -1 if open. */
    static int closingIndex(String text, int lineNo) throws InvalidFrontMatterException {
        char open = text.charAt(0);
        if (open == '"' || open == '\'') {
            return quoteEnd(text, 0);
        }
        Deque<Character> brackets = new ArrayDeque<>();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'') {
                int end = quoteEnd(text, i);
                if (end < 0) {
                    return -1;
                }
                i = end - 1;
            } else if (c == '[' || c == '{') {
                brackets.push(c == '[' ? ']' : '}');
            } else if (c == ']' || c == '}') {
                if (brackets.isEmpty() || brackets.pop() != c) {
                    throw new InvalidFrontMatterException(lineNo, "unexpected '" + c + "'");
                }
                if (brackets.isEmpty()) {
                    return i + 1;
                }
            }
        }
        return -1;
    }

    /** The index just after the quote closing the one at {@code start}; -1 when there is none yet. */
    static int quoteEnd(String text, int start) {
        char quote = text.charAt(start);
        for (int i = start + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote == '"' && c == '\\') {
                i++;
            } else if (c == quote) {
                if (quote == '\'' && i + 1 < text.length() && text.charAt(i + 1) == '\'') {
                    i++;
                } else {
                    return i + 1;
                }
            }
        }
        return -1;
    }

    static String doubleQuoted(String token, int lineNo) throws InvalidFrontMatterException {
        String inner = token.substring(1, token.length() - 1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = i + 1 < inner.length() ? inner.charAt(++i) : ' ';
            if (DOUBLE_QUOTE_ESCAPES.indexOf(e) < 0) {
                throw new InvalidFrontMatterException(lineNo,
                        "unknown escape \"\\" + e + "\" in a double-quoted value");
            }
            switch (e) {
                case 'n' -> out.append('\n');
                case 't', '\t' -> out.append('\t');
                case '_' -> out.append('\u00A0');
                case 'u', 'x', 'U' -> {
                    int digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                    int from = i + 1;
                    int to = from + digits;
                    if (to > inner.length() || !inner.substring(from, to).matches("[0-9A-Fa-f]+")
                            || !Character.isValidCodePoint(Integer.parseInt(inner.substring(from, to), 16))) {
                        throw new InvalidFrontMatterException(lineNo,
                                "bad \\" + e + " escape in a double-quoted value");
                    }
                    out.appendCodePoint(Integer.parseInt(inner.substring(from, to), 16));
                    i = to - 1;
                }
                case '0', 'a', 'b', 'v', 'f', 'r', 'e', 'N', 'L', 'P' -> out.append(' ');
                default -> out.append(e);
            }
        }
        return out.toString();
    }

    static String singleQuoted(String token) {
        return token.substring(1, token.length() - 1).replace("''", "'");
    }

    /** The items of a flow sequence {@code [a, "b, c", d]}; nested collections are kept as text. */
    static List<String> flowItems(String token, int lineNo) throws InvalidFrontMatterException {
        String inner = token.substring(1, token.length() - 1);
        List<String> items = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i <= inner.length(); i++) {
            char c = i < inner.length() ? inner.charAt(i) : ',';
            if ((c == '"' || c == '\'') && i < inner.length()) {
                i = quoteEnd(inner, i) - 1;
            } else if (c == '[' || c == '{') {
                depth++;
            } else if (c == ']' || c == '}') {
                depth--;
            } else if (c == ',' && depth == 0) {
                String item = inner.substring(start, i).strip();
                start = i + 1;
                if (item.startsWith("\"")) {
                    items.add(doubleQuoted(item, lineNo));
                } else if (item.startsWith("'")) {
                    items.add(singleQuoted(item));
                } else if (!item.isEmpty()) {
                    items.add(item);
                }
            }
        }
        return items;
    }

    static String abbreviated(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }

    static String describe(char open) {
        return switch (open) {
            case '"' -> "double quote";
            case '\'' -> "single quote";
            case '[' -> "'['";
            default -> "'{'";
        };
    }
}
