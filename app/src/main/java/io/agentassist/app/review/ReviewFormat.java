package io.agentassist.app.review;

import io.agentassist.core.model.FlagKind;
import io.agentassist.core.review.Rating;
import io.agentassist.core.review.Rubric;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/** How the review modes write figures for people: "12 %", "1 min 30 s", "Tue 03 Mar 14:05". */
public final class ReviewFormat {
    private static final DateTimeFormatter SENT = DateTimeFormatter.ofPattern("EEE dd MMM HH:mm", Locale.ENGLISH);

    private ReviewFormat() {
    }

    /** An edit ratio as a percentage of the text changed: {@code 0 %}, {@code 4 %}, {@code 52 %}. */
    public static String percent(double ratio) {
        return Math.round(ratio * 100) + " %";
    }

    /** {@code 45 s}, {@code 2 min 05 s}, {@code 1 h 03 min}; "–" when there is none. */
    public static String duration(Optional<Duration> duration) {
        return duration.map(ReviewFormat::duration).orElse("–");
    }

    public static String duration(Duration duration) {
        long seconds = Math.max(0, Math.round(duration.toMillis() / 1000.0));
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", seconds / 3600, seconds % 3600 / 60);
    }

    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("dd MMM HH:mm", Locale.ENGLISH);

    /** "03 Nov 14:05", for the table. */
    public static String shortTime(Instant at, ZoneId zone) {
        return SHORT.format(at.atZone(zone));
    }

    /** "as is", "light", "heavy", "discarded": the usage bucket in a narrow column. */
    public static String bucket(io.agentassist.core.review.UsageBucket bucket) {
        return switch (bucket) {
            case AS_IS -> "as is";
            case LIGHT -> "light";
            case HEAVY -> "heavy";
            case DISCARDED -> "discarded";
        };
    }

    /** "49s", "3m 35s", "1h 03m": a duration in a narrow column. */
    public static String compact(Duration duration) {
        long seconds = Math.max(0, Math.round(duration.toMillis() / 1000.0));
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%dm %02ds", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%dh %02dm", seconds / 3600, seconds % 3600 / 60);
    }

    public static String sentAt(Instant at, ZoneId zone) {
        return SENT.format(at.atZone(zone));
    }

    /** {@code UNCITED_CLAIM} as "uncited claim". */
    public static String flag(FlagKind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** "helpful", "not helpful", "–". */
    public static String rating(Rating rating) {
        return switch (rating) {
            case HELPFUL -> "helpful";
            case NOT_HELPFUL -> "not helpful";
            case NONE -> "–";
        };
    }

    /** "4.5 (5/4/4/5)": the mean, then accuracy / policy / tone / completeness. */
    public static String rubric(Rubric rubric) {
        return String.format(Locale.ROOT, "%.1f (%d/%d/%d/%d)", rubric.average(), rubric.accuracy(),
                rubric.policyCompliance(), rubric.tone(), rubric.completeness());
    }
}
