package io.agentassist.core.llm;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * What {@link ModelConnectionCheck} found out about an endpoint. The message is for the agent to read and never
 * contains the API key.
 *
 * @param problem      what went wrong, {@link Problem#NONE} when the model answered
 * @param reachable    whether the server answered at all (with any HTTP status)
 * @param httpStatus   the status of the last answer, empty when there was none
 * @param latency      how long the chat completion took, or the last request when it was not sent
 * @param listing      whether the configured model is in the server's model list
 * @param listedModels the models the server lists, empty when it lists none or was not asked
 * @param message      one sentence saying what happened, e.g. {@code 401 Unauthorized: the API key was refused}
 */
public record ModelConnectionReport(Problem problem, boolean reachable, OptionalInt httpStatus, Duration latency,
        Listing listing, List<String> listedModels, String message) {

    /** Why the check failed; what the agent should look at. */
    public enum Problem {
        /** The model answered a chat completion. */
        NONE,
        /** No connection: refused, unknown host, no route, TLS failure, or no connection within the timeout. */
        UNREACHABLE,
        /** Connected, but no answer within the timeout. */
        TIMEOUT,
        /** HTTP 401 or 403: the API key is missing, wrong or lacks access. */
        UNAUTHORIZED,
        /** The server does not know the configured model. */
        MODEL_NOT_FOUND,
        /** HTTP 429: the key works but may not be used now (rate limit, no quota). */
        RATE_LIMITED,
        /** HTTP 5xx. */
        SERVER_ERROR,
        /** Anything else: another 4xx, an answer that is not a chat completion, a redirect. */
        BAD_RESPONSE
    }

    /** Whether the configured model is in the server's list ({@code GET {base}/models}). */
    public enum Listing {
        LISTED,
        /** The server lists models and this one is not among them; Azure lists base models, not deployments. */
        NOT_LISTED,
        /** The server has no model list (or refused to give it). */
        NOT_SUPPORTED,
        /** The check stopped before it got that far. */
        NOT_CHECKED
    }

    public ModelConnectionReport {
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(httpStatus, "httpStatus");
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(listing, "listing");
        listedModels = List.copyOf(listedModels);
        Objects.requireNonNull(message, "message");
    }

    /** True when a minimal chat completion worked: the settings are good to use. */
    public boolean ok() {
        return problem == Problem.NONE;
    }
}
