package io.agentassist.core.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.TimeoutException;
import io.agentassist.core.llm.ModelCallException.Kind;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CancellationException;

/**
 * What went wrong with one attempt, read from whatever LangChain4j and the JDK threw, and whether another
 * attempt may help: only HTTP 429 and 5xx are worth retrying. Messages are for an agent to read and never
 * contain the API key.
 */
record Failure(ModelCallException error, boolean retriable, Optional<Duration> retryAfter) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int LONGEST_SERVER_MESSAGE = 300;

    Kind kind() {
        return error.kind();
    }

    static Failure cancelled() {
        return new Failure(new ModelCallException(Kind.CANCELLED, "the model call was cancelled"), false,
                Optional.empty());
    }

    static Failure of(Kind kind, String message) {
        return new Failure(new ModelCallException(kind, message), false, Optional.empty());
    }

    /** Reads a throwable from a model call made with these settings. */
    static Failure classify(Throwable thrown, ModelSettings settings) {
        List<Throwable> chain = causeChain(thrown);
        for (Throwable t : chain) {
            if (t instanceof HttpException http) {
                Optional<Duration> retryAfter = http instanceof ModelHttpException withWait
                        ? withWait.retryAfter()
                        : Optional.empty();
                return fromStatus(http.statusCode(), settings.scrub(serverMessage(http.getMessage())), retryAfter,
                        settings, thrown);
            }
        }
        for (Throwable t : chain) {
            if (t instanceof CancellationException || t instanceof InterruptedException
                    || t instanceof ModelHttpClient.CallInterruptedException) {
                return cancelled();
            }
        }
        for (Throwable t : chain) {
            if (t instanceof HttpConnectTimeoutException) {
                return failure(Kind.TIMEOUT, "could not connect to " + settings.baseUrl() + " within "
                        + seconds(settings.timeout()), thrown);
            }
            if (t instanceof HttpTimeoutException || t instanceof SocketTimeoutException
                    || t instanceof TimeoutException) {
                return failure(Kind.TIMEOUT, "the model did not answer within " + seconds(settings.timeout()),
                        thrown);
            }
        }
        for (Throwable t : chain) {
            if (t instanceof JsonProcessingException json) {
                return failure(Kind.BAD_RESPONSE, "the model's answer is not valid JSON ("
                        + settings.scrub(shorten(firstLine(json.getOriginalMessage()).replaceAll(" \\(start marker at .*", "")))
                        + ")", thrown);
            }
        }
        for (Throwable t : chain) {
            if (t instanceof ConnectException || t instanceof NoRouteToHostException
                    || t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
                return failure(Kind.CONNECTION, "could not connect to " + settings.baseUrl() + " ("
                        + describe(t) + ")", thrown);
            }
        }
        for (Throwable t : chain) {
            if (t instanceof IOException) {
                return failure(Kind.CONNECTION, "the connection to " + settings.baseUrl() + " broke ("
                        + settings.scrub(describe(t)) + ")", thrown);
            }
        }
        Optional<String> reported = reportedError(chain.getLast().getMessage());
        if (reported.isPresent()) {
            // An SSE "event: error" mid-stream: LangChain4j hands its data over as a bare RuntimeException.
            return failure(Kind.SERVER_ERROR, "the model endpoint reported an error: "
                    + settings.scrub(reported.get()), thrown);
        }
        return failure(Kind.BAD_RESPONSE, "could not read the model's answer ("
                + settings.scrub(describe(chain.getLast())) + ")", thrown);
    }

    private static Failure fromStatus(int status, String message, Optional<Duration> retryAfter,
            ModelSettings settings, Throwable thrown) {
        String said = message.isEmpty() ? "" : ": " + message;
        if (status == 401 || status == 403) {
            return failure(Kind.UNAUTHORIZED, "the model endpoint refused the API key (HTTP " + status + ")" + said,
                    thrown);
        }
        if (status == 429) {
            return new Failure(new ModelCallException(Kind.RATE_LIMITED,
                    "the model endpoint is rate limiting us (HTTP 429)" + said, thrown), true, retryAfter);
        }
        if (status >= 500) {
            return new Failure(new ModelCallException(Kind.SERVER_ERROR,
                    "the model endpoint failed (HTTP " + status + ")" + said, thrown), true, retryAfter);
        }
        if (status == 408) {
            return failure(Kind.TIMEOUT, "the model endpoint gave up waiting (HTTP 408)" + said, thrown);
        }
        if (status == 404) {
            return failure(Kind.BAD_RESPONSE, "the model endpoint has no model '" + settings.modelName()
                    + "' or no chat completions at " + settings.baseUrl() + " (HTTP 404)" + said, thrown);
        }
        return failure(Kind.BAD_RESPONSE, "the model endpoint rejected the request (HTTP " + status + ")" + said,
                thrown);
    }

    private static Failure failure(Kind kind, String message, Throwable cause) {
        return new Failure(new ModelCallException(kind, message, cause), false, Optional.empty());
    }

    /** The {@code error.message} of an OpenAI-style error body, else the start of the body. */
    static String serverMessage(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        try {
            JsonNode message = JSON.readTree(body).path("error").path("message");
            if (message.isTextual() && !message.asText().isBlank()) {
                return shorten(message.asText().strip());
            }
        } catch (IOException notJson) {
            // fall through to the raw text
        }
        return shorten(body.strip());
    }

    private static Optional<String> reportedError(String text) {
        if (text == null || !text.strip().startsWith("{")) {
            return Optional.empty();
        }
        try {
            JsonNode message = JSON.readTree(text).path("error").path("message");
            return message.isTextual() ? Optional.of(shorten(message.asText().strip())) : Optional.empty();
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }

    private static List<Throwable> causeChain(Throwable thrown) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = thrown; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    private static String describe(Throwable t) {
        String message = t.getMessage();
        return message == null || message.isBlank()
                ? t.getClass().getSimpleName()
                : t.getClass().getSimpleName() + ": " + shorten(firstLine(message));
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }

    private static String shorten(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() <= LONGEST_SERVER_MESSAGE
                ? oneLine
                : oneLine.substring(0, LONGEST_SERVER_MESSAGE) + "…";
    }

    static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(Locale.ROOT, "%.1f s",
                millis / 1000.0);
    }
}
