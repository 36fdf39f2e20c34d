package io.agentassist.core.review;

import java.util.Locale;

/**
 * What became of a suggestion, the headline of the review dashboard. A sent reply falls into a bucket by its
 * edit ratio: the character-level edit distance from the suggestion to the reply sent, divided by the longer
 * length ({@link io.agentassist.core.approval.EditDistance#ratio}; 0 = unchanged, 1 = nothing kept).
 *
 * <p><b>Why {@value #LIGHT_EDIT_LIMIT} separates light from heavy edits.</b> The ratio counts characters, so the
 * fixes that make a suggestion right without rewriting it weigh little. On an e-mail reply of 291
 * characters (greeting, four sentences, sign-off): putting the customer's name into the greeting is 0.02,
 * correcting "14 days" to "30 days" under 0.01, adding a sentence of 64 characters 0.18, rewording one of the
 * four sentences 0.18; replacing two of them is 0.39. Up to one character in five the agent corrected,
 * completed or reworded the suggestion; past that they replaced a good part of the answer, and the suggestion
 * gave a start, not the reply. {@code UsageBucketTest} pins these examples.
 * The limit is inclusive: a ratio of exactly 0.2 is light.
 *
 * <p>A suggestion the agent discarded is {@link #DISCARDED}. Superseded suggestions (the customer wrote
 * again before the agent acted) and approved replies not yet delivered are in no bucket: the agent did not
 * judge the former, and the latter are not sent yet.
 */
public enum UsageBucket {
    /** Sent exactly as suggested (edit ratio 0). */
    AS_IS,
    /** Sent after edits of at most {@link #LIGHT_EDIT_LIMIT} of the text. */
    LIGHT,
    /** Sent after edits of more than {@link #LIGHT_EDIT_LIMIT} of the text. */
    HEAVY,
    /** Thrown away by the agent. */
    DISCARDED;

    /** The largest edit ratio that still counts as a light edit. */
    public static final double LIGHT_EDIT_LIMIT = 0.2;

    /** The bucket of a reply sent with this edit ratio. */
    public static UsageBucket ofSent(double editRatio) {
        if (!(editRatio >= 0.0)) {
            throw new IllegalArgumentException("an edit ratio is 0 or more, was " + editRatio);
        }
        if (editRatio == 0.0) {
            return AS_IS;
        }
        return editRatio <= LIGHT_EDIT_LIMIT ? LIGHT : HEAVY;
    }

    /** {@code as_is}, {@code light}, {@code heavy}, {@code discarded}: for CSV and JSON. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code as is}, {@code lightly edited}, …: for people. */
    public String label() {
        return switch (this) {
            case AS_IS -> "used as is";
            case LIGHT -> "lightly edited";
            case HEAVY -> "heavily edited";
            case DISCARDED -> "discarded";
        };
    }
}
