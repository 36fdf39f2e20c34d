package io.agentassist.core.approval;

/**
 * Levenshtein distance between two texts, counted in characters: the fewest single-character insertions,
 * deletions and substitutions that turn one into the other.
 *
 * <p><b>Why characters and not words.</b> The figure answers "how much did the agent change the suggestion?".
 * The changes that matter most are often tiny: "14 days" corrected to "30 days", a wrong name fixed, a "not"
 * added. At character level such a fix weighs one or two; at word level it weighs the same as rewriting a
 * whole word, and counting words needs a tokenizer that behaves differently per language (German compounds,
 * Chinese without spaces). Characters need no language knowledge and no tokenizer, and the ratio
 * ({@link #ratio}) makes long and short replies comparable.
 *
 * <p>A "character" is a Unicode code point, not a Java {@code char}: an emoji or a letter outside the Basic
 * Multilingual Plane counts as one, as the agent sees it. Texts are compared exactly as given (case, spaces
 * and line breaks count), because the audit records what was really sent. Time is proportional to the
 * product of the two lengths and memory to the shorter one, which is fine for replies of a few thousand
 * characters.
 */
public final class EditDistance {
    private EditDistance() {
    }

    /** The number of code-point insertions, deletions and substitutions that turn {@code from} into {@code to}. */
    public static int between(String from, String to) {
        int[] a = from.codePoints().toArray();
        int[] b = to.codePoints().toArray();
        if (a.length < b.length) {
            int[] swap = a;
            a = b;
            b = swap;
        }
        // Two rows of the classic table over the shorter text; distance is symmetric, so swapping is allowed.
        int[] previous = new int[b.length + 1];
        int[] current = new int[b.length + 1];
        for (int j = 0; j <= b.length; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length; i++) {
            current[0] = i;
            for (int j = 1; j <= b.length; j++) {
                int substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                int deletion = previous[j] + 1;
                int insertion = current[j - 1] + 1;
                current[j] = Math.min(substitution, Math.min(deletion, insertion));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length];
    }

    /**
     * {@link #between distance} divided by the length of the longer text, in code points: 0 for no change,
     * 1 when nothing of the suggestion was kept. Two empty texts are 0 apart.
     */
    public static double ratio(String from, String to) {
        int longer = Math.max(from.codePointCount(0, from.length()), to.codePointCount(0, to.length()));
        return longer == 0 ? 0.0 : (double) between(from, to) / longer;
    }
}
