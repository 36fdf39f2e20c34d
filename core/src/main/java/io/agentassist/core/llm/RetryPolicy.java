package io.agentassist.core.llm;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When to try a model call again: after HTTP 429 and 5xx only, at most {@code maxRetries} more times. The wait
 * before retry {@code n} (1-based) is exponential with jitter: a random time between half and all of
 * {@code min(maxBackoff, initialBackoff * 2^(n-1))}, so clients that failed together do not come back together.
 * A {@code Retry-After} the endpoint sends is honoured instead, unless it asks for more than
 * {@code longestRetryAfter}: then the call fails at once rather than keep the agent waiting.
 */
public record RetryPolicy(int maxRetries, Duration initialBackoff, Duration maxBackoff, Duration longestRetryAfter) {

    public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(500);
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(8);
    public static final Duration DEFAULT_LONGEST_RETRY_AFTER = Duration.ofSeconds(30);

    public RetryPolicy {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be 0 or more, not " + maxRetries);
        }
        requirePositive(initialBackoff, "initialBackoff");
        requirePositive(maxBackoff, "maxBackoff");
        Objects.requireNonNull(longestRetryAfter, "longestRetryAfter");
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("maxBackoff " + maxBackoff + " is less than initialBackoff "
                    + initialBackoff);
        }
    }

    /** The default waits with this many retries. */
    public static RetryPolicy withRetries(int maxRetries) {
        return new RetryPolicy(maxRetries, DEFAULT_INITIAL_BACKOFF, DEFAULT_MAX_BACKOFF,
                DEFAULT_LONGEST_RETRY_AFTER);
    }

    /**
     * How long to wait before retry number {@code retry} (1 for the first retry): the endpoint's
     * {@code Retry-After} when it sent one, otherwise the jittered exponential backoff.
     */
    public Duration delayBefore(int retry, Optional<Duration> retryAfter, RandomGenerator random) {
        if (retry < 1) {
            throw new IllegalArgumentException("retries count from 1, not " + retry);
        }
        if (retryAfter.isPresent()) {
            return retryAfter.get().isNegative() ? Duration.ZERO : retryAfter.get();
        }
        long ceiling = initialBackoff.toMillis();
        for (int i = 1; i < retry && ceiling < maxBackoff.toMillis(); i++) {
            ceiling *= 2;
        }
        ceiling = Math.min(ceiling, maxBackoff.toMillis());
        long floor = ceiling / 2;
        return Duration.ofMillis(floor + random.nextLong(ceiling - floor + 1));
    }

    /** True when the endpoint asks for a longer wait than this policy is willing to make the agent sit out. */
    public boolean isTooLong(Duration retryAfter) {
        return retryAfter.compareTo(longestRetryAfter) > 0;
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, not " + duration);
        }
    }
}
