package io.agentassist.core.review;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * Calendar days, both ends inclusive and each optional, read in a time zone: "from 2026-03-02 to 2026-03-08
 * in Europe/Berlin" is every instant from Monday 00:00 Berlin time up to, not including, the following Monday
 * 00:00. The zone matters: a reply sent at 23:30 UTC on Sunday belongs to Monday in Berlin. A team lead reads
 * days in their own zone, so the command line uses the system zone unless told otherwise.
 */
public record DateRange(Optional<LocalDate> from, Optional<LocalDate> to, ZoneId zone) {
    public DateRange {
        from = from == null ? Optional.empty() : from;
        to = to == null ? Optional.empty() : to;
        Objects.requireNonNull(zone, "zone");
        if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
            throw new IllegalArgumentException("the range starts on " + from.get() + ", after it ends on " + to.get());
        }
    }

    /** Every day there is, in the system zone. */
    public static DateRange always() {
        return new DateRange(Optional.empty(), Optional.empty(), ZoneId.systemDefault());
    }

    /** From {@code from} to {@code to}, both inclusive. */
    public static DateRange of(LocalDate from, LocalDate to, ZoneId zone) {
        return new DateRange(Optional.of(from), Optional.of(to), zone);
    }

    public DateRange inZone(ZoneId newZone) {
        return new DateRange(from, to, newZone);
    }

    /** The first instant in the range, if it has a first day. */
    public Optional<Instant> start() {
        return from.map(day -> day.atStartOfDay(zone).toInstant());
    }

    /** The first instant after the range (exclusive), if it has a last day. */
    public Optional<Instant> end() {
        return to.map(day -> day.plusDays(1).atStartOfDay(zone).toInstant());
    }

    public boolean contains(Instant instant) {
        return start().map(s -> !instant.isBefore(s)).orElse(true) && end().map(instant::isBefore).orElse(true);
    }

    /** The day {@code instant} falls on in this range's zone. */
    public LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }

    /** "2026-03-02 to 2026-03-08", "from 2026-03-02", "up to 2026-03-08" or "all dates". */
    public String describe() {
        if (from.isPresent() && to.isPresent()) {
            return from.get() + " to " + to.get();
        }
        return from.map(d -> "from " + d).or(() -> to.map(d -> "up to " + d)).orElse("all dates");
    }
}
