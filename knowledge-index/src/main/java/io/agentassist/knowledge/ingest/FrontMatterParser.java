package io.agentassist.knowledge.ingest;

import static io.agentassist.knowledge.ingest.YamlScalars.abbreviated;
import static io.agentassist.knowledge.ingest.YamlScalars.describe;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the YAML front matter at the top of a Markdown file strictly enough to reject what a YAML parser,
 * and so the site generator, would reject: an unclosed quote or bracket, an unquoted value containing
 * {@code ": "}, a tab in the indentation, a duplicate key, a missing closing {@code ---}.
 *
 * <p>Why not the values of commonmark's front-matter extension: it keeps the quotes, skips lines it does not
 * understand and drops folded scalars, so a broken file would load with a wrong title instead of being
 * reported. The extension still keeps the block out of the parsed Markdown body; both recognise the block
 * with the same opening and closing lines.
 *
 * <p>The subset read is what front matter uses: {@code key: value} with plain, single- or double-quoted
 * scalars (quoted ones may run over several lines), flow sequences {@code [a, b]}, block sequences of
 * {@code - item} lines, literal and folded block scalars ({@code |}, {@code >}) and comments. Nested
 * mappings are checked loosely and not kept.
 */
final class FrontMatterParser {
    /** The opening and closing lines as the commonmark extension recognises them. */
    private static final Pattern BEGIN = Pattern.compile("-{3}(\\s.*)?");
    private static final Pattern END = Pattern.compile("(-{3}|\\.{3})(\\s.*)?");
    private static final Pattern KEY = Pattern.compile("([A-Za-z0-9_][A-Za-z0-9_.-]*)[ \\t]*:(?:[ \\t]+(.*))?");
    private static final Pattern BLOCK_SCALAR = Pattern.compile("([|>])[1-9]?[+-]?[1-9]?(?:[ \\t]+#.*)?");

    private FrontMatterParser() {
    }

    /** The front matter of {@code text}; {@link FrontMatter#NONE} when the text does not start with one. */
    static FrontMatter parse(String text) throws InvalidFrontMatterException {
        List<String> lines = text.lines().toList();
        if (lines.isEmpty() || !BEGIN.matcher(lines.getFirst()).matches()) {
            return FrontMatter.NONE;
        }
        for (int end = 1; end < lines.size(); end++) {
            if (END.matcher(lines.get(end)).matches()) {
                return new Scanner().scan(lines.subList(1, end));
            }
        }
        throw new InvalidFrontMatterException("front matter is not closed (no \"---\" line after the opening one)");
    }

    /** What the value of the current top-level key has turned out to be so far. */
    private enum Kind { EMPTY, PLAIN, QUOTED, BLOCK, SEQUENCE, MAPPING }

    /** Where a finished value goes. */
    private enum Target { KEY, ITEM, IGNORED }

    private static final class Scanner {
        private final Map<String, FrontMatter.Field> fields = new LinkedHashMap<>();
        private final Set<String> seenKeys = new HashSet<>();
        private String key;
        private Kind kind;
        private final StringBuilder scalar = new StringBuilder();
        private final List<String> items = new ArrayList<>();
        private StringBuilder pending;
        private int pendingLine;
        private Target pendingTarget;
        private List<String> blockLines;
        private int blockIndent;
        private boolean folded;

        FrontMatter scan(List<String> lines) throws InvalidFrontMatterException {
            for (int i = 0; i < lines.size(); i++) {
                int lineNo = i + 2;
                String line = lines.get(i);
                String content = line.strip();
                int indent = indentOf(line, lineNo);
                if (pending != null) {
                    if (indent == 0 && !content.isEmpty()) {
                        throw unclosed();
                    }
                    pending.append(' ').append(content);
                    finishPending(lineNo);
                    continue;
                }
                if (blockLines != null) {
                    if (content.isEmpty() || indent > 0) {
                        blockLine(line, indent);
                        continue;
                    }
                    finishBlock();
                }
                if (content.isEmpty() || content.startsWith("#")) {
                    continue;
                }
                if (indent == 0 && !isItem(content)) {
                    topLevel(content, lineNo);
                } else {
                    nested(content, lineNo);
                }
            }
            if (pending != null) {
                throw unclosed();
            }
            finishBlock();
            finishKey();
            return new FrontMatter(fields);
        }

        private void topLevel(String content, int lineNo) throws InvalidFrontMatterException {
            finishKey();
            Matcher m = KEY.matcher(content);
            if (!m.matches()) {
                throw new InvalidFrontMatterException(lineNo, "expected \"key: value\", found \"" + abbreviated(content)
                        + "\"");
            }
            key = m.group(1);
            if (!seenKeys.add(key)) {
                throw new InvalidFrontMatterException(lineNo, "duplicate key \"" + key + "\"");
            }
            String value = m.group(2) == null ? "" : m.group(2).strip();
            kind = Kind.EMPTY;
            if (value.isEmpty() || value.startsWith("#")) {
                return;
            }
            if (BLOCK_SCALAR.matcher(value).matches()) {
                kind = Kind.BLOCK;
                blockLines = new ArrayList<>();
                blockIndent = -1;
                folded = value.startsWith(">");
                return;
            }
            value(value, lineNo, Target.KEY);
        }

        private void nested(String content, int lineNo) throws InvalidFrontMatterException {
            if (key == null) {
                throw new InvalidFrontMatterException(lineNo, "\"" + abbreviated(content) + "\" comes before any key");
            }
            boolean item = isItem(content);
            if (item && (kind == Kind.EMPTY || kind == Kind.SEQUENCE)) {
                kind = Kind.SEQUENCE;
                String itemText = content.substring(1).strip();
                if (KEY.matcher(itemText).matches()) {
                    kind = Kind.MAPPING;
                } else if (!itemText.isEmpty() && !itemText.startsWith("#")) {
                    value(itemText, lineNo, Target.ITEM);
                }
            } else if (!item && KEY.matcher(content).matches() && (kind == Kind.EMPTY || kind == Kind.MAPPING)) {
                kind = Kind.MAPPING;
                String value = KEY.matcher(content).replaceFirst("$2").strip();
                if (!value.isEmpty() && !value.startsWith("#") && !BLOCK_SCALAR.matcher(value).matches()) {
                    value(value, lineNo, Target.IGNORED);
                }
            } else if (kind == Kind.MAPPING) {
                return; // deeper levels of a nested mapping: not kept
            } else if (!item && (kind == Kind.PLAIN || kind == Kind.EMPTY)) {
                String more = YamlScalars.plain(content, lineNo);
                scalar.append(scalar.isEmpty() ? "" : " ").append(more);
                kind = Kind.PLAIN;
            } else {
                throw new InvalidFrontMatterException(lineNo, "unexpected " + (item ? "list item" : "indented line")
                        + " \"" + abbreviated(content) + "\" under \"" + key + "\"");
            }
        }

        /** A value that starts on this line; an open quote or bracket continues on the next lines. */
        private void value(String text, int lineNo, Target target) throws InvalidFrontMatterException {
            char first = text.charAt(0);
            if (first == '"' || first == '\'' || first == '[' || first == '{') {
                pending = new StringBuilder(text);
                pendingLine = lineNo;
                pendingTarget = target;
                finishPending(lineNo);
            } else {
                accept(List.of(YamlScalars.plain(text, lineNo)), Kind.PLAIN, target);
            }
        }

        private void finishPending(int lineNo) throws InvalidFrontMatterException {
            String text = pending.toString();
            int end = YamlScalars.closingIndex(text, lineNo);
            if (end < 0) {
                return;
            }
            String rest = text.substring(end).strip();
            if (!rest.isEmpty() && !rest.startsWith("#")) {
                throw new InvalidFrontMatterException(lineNo, "unexpected text \"" + abbreviated(rest)
                        + "\" after the closing " + describe(text.charAt(0)));
            }
            pending = null;
            String token = text.substring(0, end);
            switch (token.charAt(0)) {
                case '"' -> accept(List.of(YamlScalars.doubleQuoted(token, lineNo)), Kind.QUOTED, pendingTarget);
                case '\'' -> accept(List.of(YamlScalars.singleQuoted(token)), Kind.QUOTED, pendingTarget);
                case '[' -> accept(YamlScalars.flowItems(token, lineNo), Kind.SEQUENCE, pendingTarget);
                default -> {
                    if (pendingTarget == Target.KEY) {
                        kind = Kind.MAPPING;
                    }
                }
            }
        }

        /** Stores a finished value; {@code valueKind} is PLAIN, QUOTED or SEQUENCE. */
        private void accept(List<String> values, Kind valueKind, Target target) {
            switch (target) {
                case KEY -> {
                    kind = valueKind;
                    if (valueKind == Kind.SEQUENCE) {
                        items.addAll(values);
                    } else {
                        scalar.append(values.getFirst());
                    }
                }
                case ITEM -> items.addAll(values);
                case IGNORED -> {
                }
            }
        }

        private void blockLine(String line, int indent) {
            if (blockIndent < 0 && !line.isBlank()) {
                blockIndent = indent;
            }
            blockLines.add(line.isBlank() ? "" : line.substring(Math.min(indent, Math.max(blockIndent, 0))));
        }

        private void finishBlock() {
            if (blockLines == null) {
                return;
            }
            String text = folded ? String.join(" ", blockLines.stream().filter(l -> !l.isEmpty()).toList())
                    : String.join("\n", blockLines);
            scalar.append(text.strip());
            blockLines = null;
        }

        private void finishKey() {
            if (key == null) {
                return;
            }
            switch (kind) {
                case SEQUENCE -> fields.put(key, new FrontMatter.Field(items, true));
                case MAPPING -> {
                }
                default -> fields.put(key, FrontMatter.Field.scalar(scalar.toString()));
            }
            key = null;
            scalar.setLength(0);
            items.clear();
        }

        private InvalidFrontMatterException unclosed() {
            return new InvalidFrontMatterException(pendingLine,
                    describe(pending.charAt(0)) + " is never closed");
        }
    }

    private static int indentOf(String line, int lineNo) throws InvalidFrontMatterException {
        int indent = 0;
        while (indent < line.length() && Character.isWhitespace(line.charAt(indent))) {
            if (line.charAt(indent) == '\t' && !line.isBlank()) {
                throw new InvalidFrontMatterException(lineNo, "tab used for indentation (YAML allows only spaces)");
            }
            indent++;
        }
        return indent;
    }

    private static boolean isItem(String content) {
        return content.equals("-") || content.startsWith("- ");
    }
}
