package io.agentassist.core.llm;

import dev.langchain4j.exception.HttpException;
import java.time.Duration;
import java.util.Optional;

/**
 * An HTTP error answer that keeps what LangChain4j's own {@link HttpException} drops: how long the endpoint
 * asked us to wait ({@code Retry-After}). LangChain4j wraps it (as the cause of a {@code RateLimitException}, say)
 * and we find it again in the cause chain.
 */
final class ModelHttpException extends HttpException {

    private final transient Optional<Duration> retryAfter;

    ModelHttpException(int statusCode, String body, Optional<Duration> retryAfter) {
        super(statusCode, body);
        this.retryAfter = retryAfter;
    }

    Optional<Duration> retryAfter() {
        return retryAfter;
    }
}
