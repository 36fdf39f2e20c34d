package io.agentassist.core.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentassist.core.llm.ModelConnectionReport.Listing;
import io.agentassist.core.llm.ModelConnectionReport.Problem;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Test connection" for a settings screen: one look at an OpenAI-compatible endpoint that says in a sentence
 * whether the settings work and, if not, what to fix. It asks the server for its model list
 * ({@code GET {base}/models}, which OpenAI, Azure's v1 API, Ollama, vLLM and LM Studio serve) to see whether the
 * configured model is there, then sends the cheapest chat completion there is (one user word, {@code max_tokens}
 * 1) — the same request path and {@code Authorization: Bearer} header {@link OpenAiCompatibleModel} uses.
 *
 * <p>A 401 on the model list stops there. Reasoning models that refuse {@code max_tokens} are asked again with
 * {@code max_completion_tokens}. Plain {@code http://} servers are spoken to in HTTP/1.1, as
 * {@link ModelHttpClient} does. Each check leaves one INFO line on this class's logger; neither it nor the
 * report ever contains the API key (a server that repeats the key in its error is {@linkplain
 * ModelSettings#scrub scrubbed}).
 */
public final class ModelConnectionCheck {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(ModelConnectionCheck.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MOST_MODELS_NAMED = 10;
    static final String PROMPT = "Reply with OK.";

    private final Duration timeout;

    /** A check that waits at most {@link #DEFAULT_TIMEOUT} to connect, and again for each answer. */
    public ModelConnectionCheck() {
        this(DEFAULT_TIMEOUT);
    }

    public ModelConnectionCheck(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, not " + timeout);
        }
        this.timeout = timeout;
    }

    /** Checks the endpoint, calling it "the server" in hints. */
    public ModelConnectionReport check(ModelSettings settings) {
        return check(settings, "");
    }

    /**
     * Checks the endpoint. Blocks for at most a few timeouts; never throws for what the server does.
     *
     * @param serverName what to call the server in a hint ("is Ollama running?"), "" for "the server"
     * @throws IllegalArgumentException when the settings name no endpoint (offline)
     */
    public ModelConnectionReport check(ModelSettings settings, String serverName) {
        if (!settings.isConfigured()) {
            throw new IllegalArgumentException("no endpoint to check: the settings are offline");
        }
        ModelConnectionReport report;
        try (HttpClient client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build()) {
            report = new Run(client, settings, serverName == null || serverName.isBlank() ? "the server"
                    : serverName.strip()).run();
        }
        LOG.info("model connection check {} model={} problem={} status={} latency_ms={} listing={}: {}",
                settings.baseUrl(), settings.modelName(), report.problem(),
                report.httpStatus().isPresent() ? report.httpStatus().getAsInt() : "-", report.latency().toMillis(),
                report.listing(), report.message());
        return report;
    }

    /** One check's state. */
    private final class Run {
        private final HttpClient client;
        private final ModelSettings settings;
        private final String serverName;
        private final String url;
        private boolean reachable;
        private OptionalInt status = OptionalInt.empty();
        private Duration latency = Duration.ZERO;
        private Listing listing = Listing.NOT_CHECKED;
        private List<String> listed = List.of();

        Run(HttpClient client, ModelSettings settings, String serverName) {
            this.client = client;
            this.settings = settings;
            this.serverName = serverName;
            this.url = settings.baseUrl();
        }

        ModelConnectionReport run() {
            Answer models;
            try {
                models = send(request("/models").GET().build());
            } catch (IOException e) {
                return unreachable(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return report(Problem.TIMEOUT, "the check was cancelled");
            }
            if (models.status() == 401 || models.status() == 403) {
                return unauthorized(models);
            }
            readModelList(models);

            Answer chat;
            try {
                chat = send(chatRequest("max_tokens"));
                if (chat.status() == 400 && chat.body().contains("max_tokens")) {
                    chat = send(chatRequest("max_completion_tokens"));
                }
            } catch (IOException e) {
                return unreachable(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return report(Problem.TIMEOUT, "the check was cancelled");
            }
            return chatOutcome(chat);
        }

        private HttpRequest.Builder request(String path) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url + path))
                    .timeout(timeout)
                    .header("Accept", "application/json");
            if ("http".equalsIgnoreCase(URI.create(url).getScheme())) {
                builder.version(HttpClient.Version.HTTP_1_1);
            }
            if (settings.hasApiKey()) {
                builder.header("Authorization", "Bearer " + settings.apiKey());
            }
            return builder;
        }

        private HttpRequest chatRequest(String limitField) {
            ObjectNode body = JSON.createObjectNode();
            body.put("model", settings.modelName());
            body.putArray("messages").addObject().put("role", "user").put("content", PROMPT);
            body.put(limitField, 1);
            return request("/chat/completions")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
                    .build();
        }

        private Answer send(HttpRequest request) throws IOException, InterruptedException {
            long started = System.nanoTime();
            HttpResponse<String> response = client.send(request,
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            latency = Duration.ofNanos(System.nanoTime() - started);
            reachable = true;
            status = OptionalInt.of(response.statusCode());
            return new Answer(response.statusCode(), response.body() == null ? "" : response.body(),
                    response.headers().firstValue("Location").orElse(""));
        }

        private void readModelList(Answer models) {
            if (models.status() != 200) {
                listing = Listing.NOT_SUPPORTED;
                return;
            }
            try {
                JsonNode data = JSON.readTree(models.body()).path("data");
                if (!data.isArray()) {
                    listing = Listing.NOT_SUPPORTED;
                    return;
                }
                List<String> ids = new ArrayList<>();
                data.forEach(model -> {
                    if (model.path("id").isTextual()) {
                        ids.add(model.path("id").asText());
                    }
                });
                listed = List.copyOf(ids);
                listing = ids.stream().anyMatch(this::isConfiguredModel) ? Listing.LISTED : Listing.NOT_LISTED;
            } catch (IOException notJson) {
                listing = Listing.NOT_SUPPORTED;
            }
        }

        /** Ollama lists {@code llama3.1:latest} for a model asked for as {@code llama3.1}. */
        private boolean isConfiguredModel(String id) {
            String wanted = settings.modelName();
            return id.equals(wanted) || id.equals(wanted + ":latest");
        }

        private ModelConnectionReport chatOutcome(Answer chat) {
            int code = chat.status();
            String said = said(chat);
            if (code == 200) {
                if (!isChatCompletion(chat.body())) {
                    return report(Problem.BAD_RESPONSE, url + "/chat/completions answered, but not with a chat "
                            + "completion: is the base URL the API's (it usually ends in /v1)?");
                }
                String note = listing == Listing.NOT_LISTED
                        ? " It is not in the server's model list, which is normal on Azure (the list names base "
                                + "models, not deployments)."
                        : "";
                return report(Problem.NONE, "Connected to " + url + ": model '" + settings.modelName()
                        + "' answered in " + latency.toMillis() + " ms." + note);
            }
            if (code == 401 || code == 403) {
                return unauthorized(chat);
            }
            if (code == 429) {
                return report(Problem.RATE_LIMITED, "429 Too Many Requests: the key was accepted, but the endpoint "
                        + "is rate limiting it or the account has no quota left" + said);
            }
            if (code >= 500) {
                return report(Problem.SERVER_ERROR, "HTTP " + code + " from " + url + ": the server failed" + said);
            }
            if (code >= 300 && code < 400) {
                return report(Problem.BAD_RESPONSE, url + " redirects (HTTP " + code + ")"
                        + (chat.location().isEmpty() ? "" : " to " + chat.location())
                        + ": use the address it redirects to");
            }
            if (listing == Listing.NOT_LISTED) {
                return report(Problem.MODEL_NOT_FOUND, "model '" + settings.modelName()
                        + "' not found; the server lists: " + names(listed) + " (HTTP " + code + ")");
            }
            if (code == 404) {
                return report(Problem.MODEL_NOT_FOUND, "model '" + settings.modelName() + "' not found, or no chat "
                        + "completions at " + url + " (HTTP 404)" + said
                        + (listing == Listing.NOT_SUPPORTED ? "; check the model name and that the base URL ends "
                                + "where the API starts (often /v1)" : ""));
            }
            return report(Problem.BAD_RESPONSE, "HTTP " + code + ": the server rejected the request" + said);
        }

        private ModelConnectionReport unauthorized(Answer answer) {
            String said = said(answer);
            if (answer.status() == 403) {
                return report(Problem.UNAUTHORIZED, "403 Forbidden: the API key was refused for this model or "
                        + "endpoint" + said);
            }
            return report(Problem.UNAUTHORIZED, settings.hasApiKey()
                    ? "401 Unauthorized: the API key was refused" + said
                    : "401 Unauthorized: the server wants an API key and none is set");
        }

        private ModelConnectionReport unreachable(IOException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof HttpConnectTimeoutException) {
                    return report(Problem.UNREACHABLE, "no connection to " + url + " within "
                            + Failure.seconds(timeout) + ": is the address right and " + serverName + " reachable?");
                }
                if (t instanceof HttpTimeoutException) {
                    return report(Problem.TIMEOUT, url + " did not answer within " + Failure.seconds(timeout)
                            + (reachable ? "" : ": is " + serverName + " busy or starting?"));
                }
                if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
                    return report(Problem.UNREACHABLE, "unknown host '" + URI.create(url).getHost() + "' in "
                            + url + ": check the address");
                }
                if (t instanceof SSLException) {
                    return report(Problem.UNREACHABLE, "secure connection to " + url + " failed ("
                            + settings.scrub(describe(t)) + ")");
                }
                if (t instanceof NoRouteToHostException) {
                    return report(Problem.UNREACHABLE, "no route to " + url + ": check the address and network");
                }
            }
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof ConnectException) {
                    return report(Problem.UNREACHABLE, "connection refused at " + url + " — is " + serverName
                            + " running?");
                }
            }
            return report(reachable ? Problem.BAD_RESPONSE : Problem.UNREACHABLE, "the connection to " + url
                    + " failed (" + settings.scrub(describe(e)) + ")");
        }

        private String said(Answer answer) {
            String message = settings.scrub(Failure.serverMessage(answer.body()));
            return message.isEmpty() ? "" : " (the server says: " + message + ")";
        }

        private ModelConnectionReport report(Problem problem, String message) {
            return new ModelConnectionReport(problem, reachable, status, latency, listing, listed,
                    settings.scrub(message));
        }
    }

    private record Answer(int status, String body, String location) {
    }

    private static boolean isChatCompletion(String body) {
        try {
            return JSON.readTree(body).path("choices").isArray();
        } catch (IOException notJson) {
            return false;
        }
    }

    private static String names(List<String> models) {
        if (models.isEmpty()) {
            return "(none)";
        }
        String shown = String.join(", ", models.subList(0, Math.min(models.size(), MOST_MODELS_NAMED)));
        return models.size() > MOST_MODELS_NAMED
                ? shown + String.format(Locale.ROOT, " and %d more", models.size() - MOST_MODELS_NAMED)
                : shown;
    }

    private static String describe(Throwable t) {
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getSimpleName()
                : t.getClass().getSimpleName() + ": " + message.lines().findFirst().orElse("");
    }
}
