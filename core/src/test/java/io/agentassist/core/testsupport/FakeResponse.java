package io.agentassist.core.testsupport;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One scripted answer of {@link FakeOpenAiServer}. Immutable: the modifiers return a changed copy.
 *
 * <p>The answer's content does not fix its wire format: the request does. A {@link #reply reply} asked for with
 * {@code "stream": true} is streamed as one token; a {@link #stream stream} asked for without it comes back as
 * one JSON completion of the joined tokens. {@link #errorEventAfter} and {@link #holdAfter} only act on a
 * streaming request; {@link #cutAfter} on a blocking one drops the connection half-way through the JSON body.
 *
 * <pre>{@code
 * reply("Your parcel left the depot.")
 * stream("Your ", "parcel ", "left.")
 * stream("Your ", "parcel ", "left.").cutAfter(2)          // connection dropped after two tokens
 * status(429).retryAfter(Duration.ofSeconds(1))            // OpenAI-style error body, Retry-After: 1
 * status(500)
 * reply("late").delayedBy(Duration.ofSeconds(5))           // nothing at all for five seconds
 * invalidJson()
 * }</pre>
 */
public final class FakeResponse {

    enum Kind {
        TEXT,
        STATUS,
        INVALID_JSON
    }

    final Kind kind;
    final List<String> tokens;
    final String finishReason;
    final Optional<String> model;
    final int status;
    final Optional<Duration> retryAfter;
    final String errorMessage;
    final Duration delay;
    final int cutAfter;
    final int errorEventAfter;
    final int holdAfter;

    private FakeResponse(Kind kind, List<String> tokens, String finishReason, Optional<String> model, int status,
            Optional<Duration> retryAfter, String errorMessage, Duration delay, int cutAfter, int errorEventAfter,
            int holdAfter) {
        this.kind = kind;
        this.tokens = List.copyOf(tokens);
        this.finishReason = finishReason;
        this.model = model;
        this.status = status;
        this.retryAfter = retryAfter;
        this.errorMessage = errorMessage;
        this.delay = delay;
        this.cutAfter = cutAfter;
        this.errorEventAfter = errorEventAfter;
        this.holdAfter = holdAfter;
    }

    private static FakeResponse text(List<String> tokens) {
        return new FakeResponse(Kind.TEXT, tokens, "stop", Optional.empty(), 200, Optional.empty(), "",
                Duration.ZERO, -1, -1, -1);
    }

    /** A successful completion with this text (streamed as a single token when streaming was asked for). */
    public static FakeResponse reply(String text) {
        return text(List.of(text));
    }

    /** A successful completion streamed as these tokens, one SSE chunk each. */
    public static FakeResponse stream(String... tokens) {
        return text(List.of(tokens));
    }

    /**
     * An HTTP error with an OpenAI-style body: {@code {"error": {"message", "type", "param", "code"}}}. The
     * type and code follow what OpenAI sends for 401, 403, 404, 429 and 5xx.
     */
    public static FakeResponse status(int code) {
        if (code < 400 || code > 599) {
            throw new IllegalArgumentException("an error status is 4xx or 5xx, not " + code);
        }
        return new FakeResponse(Kind.STATUS, List.of(), "stop", Optional.empty(), code, Optional.empty(),
                defaultErrorMessage(code), Duration.ZERO, -1, -1, -1);
    }

    /** HTTP 200 whose body is not JSON (or, when streaming, an SSE chunk that is not JSON). */
    public static FakeResponse invalidJson() {
        return new FakeResponse(Kind.INVALID_JSON, List.of(), "stop", Optional.empty(), 200, Optional.empty(), "",
                Duration.ZERO, -1, -1, -1);
    }

    /** Sends a {@code Retry-After} header in whole seconds (rounded up) with this error. */
    public FakeResponse retryAfter(Duration wait) {
        requireKind(Kind.STATUS, "retryAfter");
        return new FakeResponse(kind, tokens, finishReason, model, status, Optional.of(wait), errorMessage, delay,
                cutAfter, errorEventAfter, holdAfter);
    }

    /** The {@code error.message} of this error's body. */
    public FakeResponse message(String message) {
        requireKind(Kind.STATUS, "message");
        return new FakeResponse(kind, tokens, finishReason, model, status, retryAfter, message, delay, cutAfter,
                errorEventAfter, holdAfter);
    }

    /** Waits this long before sending anything, status line included: a client with a shorter timeout gives up. */
    public FakeResponse delayedBy(Duration wait) {
        return new FakeResponse(kind, tokens, finishReason, model, status, retryAfter, errorMessage, wait, cutAfter,
                errorEventAfter, holdAfter);
    }

    /** The {@code finish_reason} of the completion, {@code "stop"} unless told. */
    public FakeResponse finishReason(String reason) {
        requireKind(Kind.TEXT, "finishReason");
        return new FakeResponse(kind, tokens, reason, model, status, retryAfter, errorMessage, delay, cutAfter,
                errorEventAfter, holdAfter);
    }

    /** The {@code model} the completion says answered; by default the one the request named. */
    public FakeResponse model(String answeringModel) {
        return new FakeResponse(kind, tokens, finishReason, Optional.of(answeringModel), status, retryAfter,
                errorMessage, delay, cutAfter, errorEventAfter, holdAfter);
    }

    /** Streams this many tokens, then drops the connection without ending the chunked body. */
    public FakeResponse cutAfter(int sentTokens) {
        requireStreamFault(sentTokens, "cutAfter");
        return new FakeResponse(kind, tokens, finishReason, model, status, retryAfter, errorMessage, delay,
                sentTokens, errorEventAfter, holdAfter);
    }

    /** Streams this many tokens, then an {@code event: error} SSE event with this message, and ends. */
    public FakeResponse errorEventAfter(int sentTokens, String message) {
        requireStreamFault(sentTokens, "errorEventAfter");
        return new FakeResponse(kind, tokens, finishReason, model, status, retryAfter, message, delay, cutAfter,
                sentTokens, holdAfter);
    }

    /**
     * Streams this many tokens, then holds the connection open until {@link FakeOpenAiServer#releaseHeldStreams()}
     * or the server closes, then sends the rest.
     */
    public FakeResponse holdAfter(int sentTokens) {
        requireStreamFault(sentTokens, "holdAfter");
        return new FakeResponse(kind, tokens, finishReason, model, status, retryAfter, errorMessage, delay, cutAfter,
                errorEventAfter, sentTokens);
    }

    String text() {
        return String.join("", tokens);
    }

    private void requireKind(Kind wanted, String modifier) {
        if (kind != wanted) {
            throw new IllegalStateException(modifier + " does not apply to a " + kind + " response");
        }
    }

    private void requireStreamFault(int sentTokens, String modifier) {
        requireKind(Kind.TEXT, modifier);
        if (sentTokens < 0 || sentTokens > tokens.size()) {
            throw new IllegalArgumentException(
                    modifier + "(" + sentTokens + ") but the stream has " + tokens.size() + " tokens");
        }
    }

    private static String defaultErrorMessage(int code) {
        return switch (code) {
            case 401 -> "Incorrect API key provided.";
            case 403 -> "You are not allowed to use this model.";
            case 404 -> "The model does not exist or you do not have access to it.";
            case 429 -> "Rate limit reached for requests. Please try again later.";
            default -> code >= 500 ? "The server had an error while processing your request." : "Bad request.";
        };
    }

    @Override
    public String toString() {
        return switch (kind) {
            case TEXT -> "text" + tokens;
            case STATUS -> "status " + status;
            case INVALID_JSON -> "invalid JSON";
        } + (delay.isZero() ? "" : " after " + delay);
    }
}
