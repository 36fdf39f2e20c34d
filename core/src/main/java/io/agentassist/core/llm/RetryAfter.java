package io.agentassist.core.llm;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads how long an endpoint asks us to wait before trying again. OpenAI and Azure OpenAI send
 * {@code retry-after-ms} (milliseconds) and {@code retry-after} (seconds); HTTP also allows a date in
 * {@code Retry-After}. The millisecond header wins when both are there, being the more precise.
 */
final class RetryAfter {

    private RetryAfter() {
    }

    static Optional<Duration> from(Map<String, List<String>> headers, Instant now) {
        Optional<Duration> millis = header(headers, "retry-after-ms").flatMap(value -> number(value, 1));
        if (millis.isPresent()) {
            return millis;
        }
        return header(headers, "retry-after").flatMap(value -> number(value, 1000).or(() -> date(value, now)));
    }

    private static Optional<String> header(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream()
                .filter(entry -> entry.getKey() != null && entry.getKey().equalsIgnoreCase(name))
                .flatMap(entry -> entry.getValue().stream())
                .map(String::strip)
                .filter(value -> !value.isEmpty())
                .findFirst();
    }

    private static Optional<Duration> number(String value, long millisPerUnit) {
        try {
            BigDecimal amount = new BigDecimal(value);
            if (amount.signum() < 0) {
                return Optional.empty();
            }
            long millis = amount.multiply(BigDecimal.valueOf(millisPerUnit)).setScale(0, RoundingMode.CEILING)
                    .longValueExact();
            return Optional.of(Duration.ofMillis(millis));
        } catch (NumberFormatException | ArithmeticException notANumber) {
            return Optional.empty();
        }
    }

    private static Optional<Duration> date(String value, Instant now) {
        try {
            Instant when = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(now, when);
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException notADate) {
            return Optional.empty();
        }
    }
}
