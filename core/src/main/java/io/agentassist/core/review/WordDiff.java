package io.agentassist.core.review;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the agent changed, word by word: the suggestion and the reply sent cut into words, numbers, runs of
 * white space and single punctuation marks, and compared with Myers' algorithm (java-diff-utils). Reading the
 * {@link Op#EQUAL} and {@link Op#DELETE} tokens in order gives back the suggestion exactly; {@link Op#EQUAL}
 * and {@link Op#INSERT} give the reply sent, so a view can show either side or both.
 *
 * <p>Within a changed passage the deleted text comes before the inserted text, and a space that happens to
 * stand between two changes is folded into them ("14 days" → "30 working days" reads as one change, not as
 * "14"→"30", kept " ", inserted "working "); line breaks are never folded. Numbers are single tokens ("10.50"), so a corrected amount shows
 * as one replaced number.
 */
public record WordDiff(List<Token> tokens) {

    /** What happened to a token on the way from the suggestion to the reply sent. */
    public enum Op {
        EQUAL,
        DELETE,
        INSERT
    }

    /** A piece of text: one or more adjacent tokens with the same fate. */
    public record Token(Op op, String text) {
        public Token {
            Objects.requireNonNull(op, "op");
            Objects.requireNonNull(text, "text");
        }
    }

    private static final Pattern TOKEN = Pattern.compile(
            "\\p{N}+(?:[.,:]\\p{N}+)*|[\\p{L}\\p{M}\\p{N}_]+(?:['’][\\p{L}\\p{M}]+)*|\\s+|(?s).");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]");

    public WordDiff {
        tokens = List.copyOf(tokens);
    }

    public static WordDiff between(String suggestion, String sent) {
        List<String> from = tokenize(suggestion == null ? "" : suggestion);
        List<String> to = tokenize(sent == null ? "" : sent);
        List<Token> raw = new ArrayList<>();
        int position = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(from, to).getDeltas()) {
            int start = delta.getSource().getPosition();
            for (String token : from.subList(position, start)) {
                raw.add(new Token(Op.EQUAL, token));
            }
            delta.getSource().getLines().forEach(token -> raw.add(new Token(Op.DELETE, token)));
            delta.getTarget().getLines().forEach(token -> raw.add(new Token(Op.INSERT, token)));
            position = start + delta.getSource().size();
        }
        for (String token : from.subList(position, from.size())) {
            raw.add(new Token(Op.EQUAL, token));
        }
        return new WordDiff(merge(foldSpacesBetweenChanges(raw)));
    }

    /** The suggestion, rebuilt from the diff. */
    public String original() {
        return join(Op.DELETE);
    }

    /** The reply sent, rebuilt from the diff. */
    public String revised() {
        return join(Op.INSERT);
    }

    public boolean unchanged() {
        return tokens.stream().allMatch(token -> token.op() == Op.EQUAL);
    }

    /** Words (and numbers) the agent left as suggested. */
    public int wordsKept() {
        return words(Op.EQUAL);
    }

    public int wordsDeleted() {
        return words(Op.DELETE);
    }

    public int wordsInserted() {
        return words(Op.INSERT);
    }

    static List<String> tokenize(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(text);
        while (matcher.find()) {
            tokens.add(matcher.group());
        }
        return tokens;
    }

    private String join(Op changed) {
        StringBuilder text = new StringBuilder();
        tokens.stream().filter(token -> token.op() == Op.EQUAL || token.op() == changed)
                .forEach(token -> text.append(token.text()));
        return text.toString();
    }

    private int words(Op op) {
        int count = 0;
        for (Token token : tokens) {
            if (token.op() == op) {
                for (String piece : tokenize(token.text())) {
                    if (WORD.matcher(piece).lookingAt()) {
                        count++;
                    }
                }
            }
        }
        return count;
    }

    /**
     * White space kept between two changed tokens becomes part of both changes. Line breaks stay kept, so the
     * paragraphs of the reply stay visible.
     */
    private static List<Token> foldSpacesBetweenChanges(List<Token> raw) {
        List<Token> out = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            Token token = raw.get(i);
            boolean between = i > 0 && i + 1 < raw.size()
                    && raw.get(i - 1).op() != Op.EQUAL && raw.get(i + 1).op() != Op.EQUAL;
            if (token.op() == Op.EQUAL && between && token.text().isBlank() && token.text().indexOf('\n') < 0) {
                out.add(new Token(Op.DELETE, token.text()));
                out.add(new Token(Op.INSERT, token.text()));
            } else {
                out.add(token);
            }
        }
        return out;
    }

    /** Joins neighbours: kept text into one token, and each changed passage into one deletion then one insertion. */
    private static List<Token> merge(List<Token> raw) {
        List<Token> out = new ArrayList<>();
        StringBuilder equal = new StringBuilder();
        StringBuilder deleted = new StringBuilder();
        StringBuilder inserted = new StringBuilder();
        for (Token token : raw) {
            if (token.op() == Op.EQUAL) {
                flushChange(out, deleted, inserted);
                equal.append(token.text());
            } else {
                if (!equal.isEmpty()) {
                    out.add(new Token(Op.EQUAL, equal.toString()));
                    equal.setLength(0);
                }
                (token.op() == Op.DELETE ? deleted : inserted).append(token.text());
            }
        }
        flushChange(out, deleted, inserted);
        if (!equal.isEmpty()) {
            out.add(new Token(Op.EQUAL, equal.toString()));
        }
        return out;
    }

    private static void flushChange(List<Token> out, StringBuilder deleted, StringBuilder inserted) {
        if (!deleted.isEmpty()) {
            out.add(new Token(Op.DELETE, deleted.toString()));
            deleted.setLength(0);
        }
        if (!inserted.isEmpty()) {
            out.add(new Token(Op.INSERT, inserted.toString()));
            inserted.setLength(0);
        }
    }
}
