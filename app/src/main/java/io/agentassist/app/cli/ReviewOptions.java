package io.agentassist.app.cli;

import io.agentassist.core.model.Channel;
import io.agentassist.core.model.FlagKind;
import io.agentassist.core.review.DateRange;
import io.agentassist.core.review.Rating;
import io.agentassist.core.review.ReviewFilter;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/** Options the {@code review} commands share, and their converters: bad input is a usage error naming it. */
final class ReviewOptions {
    private ReviewOptions() {
    }

    /** {@code --from}, {@code --to} and {@code --zone}. */
    static final class Dates {
        @Option(names = "--from", paramLabel = "YYYY-MM-DD", converter = DateConverter.class,
                description = "First day, included.")
        LocalDate from;

        @Option(names = "--to", paramLabel = "YYYY-MM-DD", converter = DateConverter.class,
                description = "Last day, included.")
        LocalDate to;

        @Option(names = "--zone", paramLabel = "ZONE", converter = ZoneConverter.class,
                description = "Time zone the days are read in, e.g. Europe/Berlin or UTC (default: this "
                        + "computer's).")
        ZoneId zone;

        ZoneId zone() {
            return zone != null ? zone : ZoneId.systemDefault();
        }

        /** The range; {@code required} makes a missing end a usage error, as a required option would be. */
        DateRange range(CommandSpec spec, boolean required) {
            if (required && (from == null || to == null)) {
                List<String> missing = new java.util.ArrayList<>();
                if (from == null) {
                    missing.add("'--from=YYYY-MM-DD'");
                }
                if (to == null) {
                    missing.add("'--to=YYYY-MM-DD'");
                }
                throw new ParameterException(spec.commandLine(), "Missing required option"
                        + (missing.size() > 1 ? "s: " : ": ") + String.join(", ", missing));
            }
            if (from != null && to != null && from.isAfter(to)) {
                throw new ParameterException(spec.commandLine(), "--from " + from + " is after --to " + to);
            }
            return new DateRange(Optional.ofNullable(from), Optional.ofNullable(to), zone());
        }
    }

    /** {@code --agent}, {@code --channel}, {@code --flag}, {@code --rating}. */
    static final class Narrowing {
        @Option(names = "--agent", paramLabel = "NAME", split = ",",
                description = "Only replies approved by this agent; repeat or separate with commas for several.")
        List<String> agents = List.of();

        @Option(names = "--channel", paramLabel = "CHANNEL", converter = ChannelConverter.class,
                description = "Only email or chat.")
        Channel channel;

        @Option(names = "--flag", paramLabel = "KIND", converter = FlagKindConverter.class,
                description = "Only suggestions that carried a flag of this kind, e.g. COMMITMENT.")
        FlagKind flag;

        @Option(names = "--rating", paramLabel = "RATING", converter = RatingConverter.class,
                description = "Only suggestions whose agent's latest feedback was helpful, not_helpful or none.")
        Rating rating;

        ReviewFilter filter(DateRange range) {
            ReviewFilter filter = ReviewFilter.all().dates(range).agents(agents);
            if (channel != null) {
                filter = filter.channel(channel);
            }
            if (flag != null) {
                filter = filter.flag(flag);
            }
            if (rating != null) {
                filter = filter.rating(rating);
            }
            return filter;
        }
    }

    static final class DateConverter implements ITypeConverter<LocalDate> {
        @Override
        public LocalDate convert(String value) {
            try {
                return LocalDate.parse(value.strip());
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("'" + value + "' is not a date: expected YYYY-MM-DD, e.g. 2026-03-02");
            }
        }
    }

    static final class ZoneConverter implements ITypeConverter<ZoneId> {
        @Override
        public ZoneId convert(String value) {
            try {
                return ZoneId.of(value.strip());
            } catch (DateTimeException e) {
                throw new TypeConversionException("'" + value + "' is not a time zone: use a name such as "
                        + "Europe/Berlin, America/New_York or UTC");
            }
        }
    }

    static final class ChannelConverter implements ITypeConverter<Channel> {
        @Override
        public Channel convert(String value) {
            try {
                return Channel.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class FlagKindConverter implements ITypeConverter<FlagKind> {
        @Override
        public FlagKind convert(String value) {
            try {
                return FlagKind.valueOf(value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("unknown flag kind '" + value + "': expected one of "
                        + Arrays.stream(FlagKind.values()).map(Enum::name).collect(Collectors.joining(", ")));
            }
        }
    }

    static final class RatingConverter implements ITypeConverter<Rating> {
        @Override
        public Rating convert(String value) {
            try {
                return Rating.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
