package io.agentassist.core.review;

import io.agentassist.core.model.Feedback;
import java.util.List;
import java.util.Locale;

/**
 * The agent's verdict on a suggestion: their latest thumbs up or down, or none. An agent may change their
 * mind (thumbs up, then down once they read it properly), so the latest feedback counts.
 */
public enum Rating {
    HELPFUL,
    NOT_HELPFUL,
    NONE;

    /** The rating of feedback listed oldest first, as the stores list it. */
    public static Rating of(List<Feedback> feedbackOldestFirst) {
        if (feedbackOldestFirst.isEmpty()) {
            return NONE;
        }
        return feedbackOldestFirst.getLast().helpful() ? HELPFUL : NOT_HELPFUL;
    }

    /** {@code helpful}, {@code not_helpful}, {@code none}: for CSV, JSON and the command line. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Accepts the {@link #id()} forms and {@code not-helpful}, any case. */
    public static Rating parse(String value) {
        String id = value == null ? "" : value.strip().toLowerCase(Locale.ROOT).replace('-', '_');
        for (Rating rating : values()) {
            if (rating.id().equals(id)) {
                return rating;
            }
        }
        throw new IllegalArgumentException("unknown rating \"" + value + "\": expected helpful, not_helpful or none");
    }
}
