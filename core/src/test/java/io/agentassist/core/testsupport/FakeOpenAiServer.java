package io.agentassist.core.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scripted OpenAI-compatible chat endpoint on {@code 127.0.0.1} and an ephemeral port, for tests of anything
 * that talks to a language model. It serves {@code POST /v1/chat/completions} in the real wire format: a JSON
 * {@code chat.completion}, or, when the request says {@code "stream": true}, server-sent events of
 * {@code chat.completion.chunk}s, a last chunk with the {@code finish_reason}, a usage chunk when
 * {@code stream_options.include_usage} asks for one, and {@code data: [DONE]}.
 *
 * <p>Each request takes the next {@link FakeResponse} from a queue the test fills; a request that finds the
 * queue empty gets HTTP 418 with an error naming the problem. {@code GET /v1/models} answers only once a test
 * called {@link #listModels} (until then it is an unknown URL, as on servers without a model list), and
 * {@link #requireApiKey} makes every request with another key fail with 401, as OpenAI does. Every request is recorded, its JSON body parsed,
 * so a test can assert exactly what the client sent.
 *
 * <pre>{@code
 * try (var server = FakeOpenAiServer.start()) {
 *     server.enqueue(status(429).retryAfter(Duration.ofSeconds(1)), stream("Hello", " there"));
 *     var model = new OpenAiCompatibleModel(new ModelSettings(server.baseUrl(), "sk-test", "gpt-test",
 *             Duration.ofSeconds(5), 2));
 *     ... model.stream(prompt, observer, new Cancellation()) ...
 *     assertThat(server.requests()).hasSize(2);
 *     assertThat(server.lastRequest().json().path("stream").asBoolean()).isTrue();
 * }
 * }</pre>
 *
 * <p>Thread safe. {@link #close()} stops the server at once: delayed and held responses are abandoned.
 */
public final class FakeOpenAiServer implements AutoCloseable {

    /** The path the client must call; anything else gets a 404. */
    public static final String CHAT_COMPLETIONS = "/v1/chat/completions";
    /** The model list, served once {@link #listModels} was called. */
    public static final String MODELS = "/v1/models";

    private static final Duration LONGEST_HOLD = Duration.ofSeconds(30);

    private final ObjectMapper json = new ObjectMapper();
    private final Queue<FakeResponse> script = new ConcurrentLinkedQueue<>();
    private final Queue<FakeResponse> streamingScript = new ConcurrentLinkedQueue<>();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger completionIds = new AtomicInteger();
    private final CountDownLatch heldStreams = new CountDownLatch(1);
    private final AtomicInteger answering = new AtomicInteger();
    private volatile List<String> listedModels;
    private volatile String requiredApiKey;
    private final HttpServer server;
    private final ExecutorService handlers;

    private FakeOpenAiServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        handlers = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "fake-openai-server");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(handlers);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts a server on the loopback address and a free port. */
    public static FakeOpenAiServer start() {
        try {
            return new FakeOpenAiServer();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the fake OpenAI server", e);
        }
    }

    /** The base URL to configure a client with, {@code http://127.0.0.1:PORT/v1}. */
    public String baseUrl() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort()
                + "/v1";
    }

    /** Adds answers to the end of the script, one per future request. */
    public FakeOpenAiServer enqueue(FakeResponse... responses) {
        script.addAll(List.of(responses));
        return this;
    }

    /**
     * Adds answers for streaming requests ({@code "stream": true}) only: they are taken before the common
     * script. For callers that make a blocking and a streaming call at the same time (the window summarises and
     * drafts at once), so which request comes first does not matter.
     */
    public FakeOpenAiServer enqueueForStreaming(FakeResponse... responses) {
        streamingScript.addAll(List.of(responses));
        return this;
    }

    /**
     * Answers {@code GET /v1/models} with these model ids in OpenAI's format ({@code {"object": "list",
     * "data": [{"id": ...}]}}), as OpenAI, Ollama, vLLM and LM Studio do. Takes nothing from the script.
     */
    public FakeOpenAiServer listModels(String... ids) {
        listedModels = List.of(ids);
        return this;
    }

    /**
     * From now on, a request without {@code Authorization: Bearer key} gets OpenAI's 401 {@code invalid_api_key}
     * answer, whose message repeats the key it was given (OpenAI's shows part of it), and takes nothing from
     * the script.
     */
    public FakeOpenAiServer requireApiKey(String key) {
        requiredApiKey = key;
        return this;
    }

    /** Scripted answers no request has taken yet. */
    public int remaining() {
        return script.size() + streamingScript.size();
    }

    /** Every request received so far, in arrival order. */
    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    public RecordedRequest lastRequest() {
        if (requests.isEmpty()) {
            throw new IllegalStateException("the fake OpenAI server has received no request");
        }
        return requests.getLast();
    }

    /** Waits, at most {@code bound}, until at least {@code count} requests have arrived. */
    public boolean awaitRequests(int count, Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (requests.size() < count) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    /**
     * Waits, at most {@code bound}, until no answer is being sent: every delayed answer sent, every held stream
     * released and written out (or dropped by its client).
     */
    public boolean awaitIdle(Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (answering.get() > 0) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    /** Lets every stream scripted with {@link FakeResponse#holdAfter} send its remaining tokens. */
    public void releaseHeldStreams() {
        heldStreams.countDown();
    }

    @Override
    public void close() {
        heldStreams.countDown();
        server.stop(0);
        handlers.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        answering.incrementAndGet();
        try {
            answer(exchange);
        } finally {
            answering.decrementAndGet();
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        RecordedRequest request = record(exchange);
        String key = requiredApiKey;
        if (key != null && !request.header("Authorization").orElse("").equals("Bearer " + key)) {
            String given = request.header("Authorization").orElse("").replaceFirst("^Bearer ", "");
            sendError(exchange, 401, "invalid_request_error", "invalid_api_key",
                    given.isEmpty() ? "You didn't provide an API key." : "Incorrect API key provided: " + given + ".");
            return;
        }
        List<String> models = listedModels;
        if (models != null && request.method().equals("GET") && request.path().equals(MODELS)) {
            sendModels(exchange, models);
            return;
        }
        if (!request.method().equals("POST") || !request.path().equals(CHAT_COMPLETIONS)) {
            sendError(exchange, 404, "invalid_request_error", "unknown_url",
                    "Unknown request URL: " + request.method() + " " + request.path());
            return;
        }
        FakeResponse response = request.body().contains("\"stream\":true") || request.body().contains("\"stream\" : true")
                ? Optional.ofNullable(streamingScript.poll()).orElseGet(script::poll) : script.poll();
        if (response == null) {
            sendError(exchange, 418, "fake_server_error", "script_exhausted",
                    "FakeOpenAiServer has no scripted response left for request #" + requests.size());
            return;
        }
        if (!pause(response.delay)) {
            return;
        }
        switch (response.kind) {
            case STATUS -> sendStatus(exchange, response);
            case INVALID_JSON -> sendInvalidJson(exchange, request);
            case TEXT -> {
                if (request.streaming()) {
                    sendStream(exchange, request, response);
                } else {
                    sendCompletion(exchange, request, response);
                }
            }
        }
    }

    private RecordedRequest record(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        JsonNode parsed;
        try {
            parsed = body.isBlank() ? MissingNode.getInstance() : json.readTree(body);
        } catch (IOException notJson) {
            parsed = MissingNode.getInstance();
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers
                .computeIfAbsent(name.toLowerCase(Locale.ROOT), key -> new ArrayList<>()).addAll(values));
        RecordedRequest request = new RecordedRequest(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                headers, body, parsed);
        requests.add(request);
        return request;
    }

    private void sendCompletion(HttpExchange exchange, RecordedRequest request, FakeResponse response)
            throws IOException {
        ObjectNode completion = envelope(request, response, "chat.completion");
        ObjectNode choice = completion.putArray("choices").addObject();
        choice.put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", response.text());
        choice.putNull("logprobs");
        choice.put("finish_reason", response.finishReason);
        completion.set("usage", usage(request, response.tokens.size()));
        if (response.cutAfter >= 0) {
            byte[] bytes = json.writeValueAsBytes(completion);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes, 0, bytes.length / 2);
            exchange.getResponseBody().flush();
            throw new IOException("FakeOpenAiServer cut the body half-way");
        }
        sendJson(exchange, 200, completion);
    }

    private void sendStream(HttpExchange exchange, RecordedRequest request, FakeResponse response)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        String id = nextId();
        sendEvent(out, chunk(request, response, id, delta -> delta.put("role", "assistant").put("content", "")));
        List<String> tokens = response.tokens;
        for (int i = 0; i <= tokens.size(); i++) {
            if (i == response.cutAfter) {
                // Leaving the handler by an exception makes the JDK server drop the connection without the
                // chunked body's terminator: to the client, the stream breaks mid-way.
                throw new IOException("FakeOpenAiServer cut the stream after " + i + " tokens");
            }
            if (i == response.errorEventAfter) {
                ObjectNode error = json.createObjectNode();
                error.putObject("error").put("message", response.errorMessage).put("type", "server_error");
                out.write(("event: error\ndata: " + json.writeValueAsString(error) + "\n\n")
                        .getBytes(StandardCharsets.UTF_8));
                out.flush();
                exchange.close();
                return;
            }
            if (i == response.holdAfter && !hold()) {
                return;
            }
            if (i < tokens.size()) {
                String token = tokens.get(i);
                sendEvent(out, chunk(request, response, id, delta -> delta.put("content", token)));
            }
        }
        ObjectNode last = chunk(request, response, id, delta -> {
        });
        ((ObjectNode) last.withArray("choices").get(0)).put("finish_reason", response.finishReason);
        sendEvent(out, last);
        if (request.json().path("stream_options").path("include_usage").asBoolean(false)) {
            ObjectNode usage = envelope(request, response, "chat.completion.chunk");
            usage.put("id", id);
            usage.putArray("choices");
            usage.set("usage", usage(request, tokens.size()));
            sendEvent(out, usage);
        }
        out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
        exchange.close();
    }

    private ObjectNode chunk(RecordedRequest request, FakeResponse response, String id,
            java.util.function.Consumer<ObjectNode> delta) {
        ObjectNode chunk = envelope(request, response, "chat.completion.chunk");
        chunk.put("id", id);
        ArrayNode choices = chunk.putArray("choices");
        ObjectNode choice = choices.addObject();
        choice.put("index", 0);
        delta.accept(choice.putObject("delta"));
        choice.putNull("logprobs");
        choice.putNull("finish_reason");
        return chunk;
    }

    private ObjectNode envelope(RecordedRequest request, FakeResponse response, String object) {
        ObjectNode node = json.createObjectNode();
        node.put("id", nextId());
        node.put("object", object);
        node.put("created", Instant.now().getEpochSecond());
        node.put("model", response.model.orElse(request.json().path("model").asText("fake-model")));
        node.put("system_fingerprint", "fp_fake");
        return node;
    }

    private ObjectNode usage(RecordedRequest request, int completionTokens) {
        int promptTokens = 0;
        for (JsonNode message : request.json().path("messages")) {
            promptTokens += message.path("content").asText("").split("\\s+").length;
        }
        ObjectNode usage = json.createObjectNode();
        usage.put("prompt_tokens", promptTokens);
        usage.put("completion_tokens", completionTokens);
        usage.put("total_tokens", promptTokens + completionTokens);
        return usage;
    }

    private void sendModels(HttpExchange exchange, List<String> ids) throws IOException {
        ObjectNode list = json.createObjectNode();
        list.put("object", "list");
        ArrayNode data = list.putArray("data");
        for (String id : ids) {
            data.addObject().put("id", id).put("object", "model").put("created", 1_700_000_000L)
                    .put("owned_by", "fake");
        }
        sendJson(exchange, 200, list);
    }

    private void sendStatus(HttpExchange exchange, FakeResponse response) throws IOException {
        response.retryAfter.ifPresent(wait -> exchange.getResponseHeaders().set("Retry-After",
                Long.toString((wait.toMillis() + 999) / 1000)));
        int code = response.status;
        String type = code == 429 ? "requests" : code >= 500 ? "server_error" : "invalid_request_error";
        String errorCode = switch (code) {
            case 401 -> "invalid_api_key";
            case 404 -> "model_not_found";
            case 429 -> "rate_limit_exceeded";
            default -> null;
        };
        sendError(exchange, code, type, errorCode, response.errorMessage);
    }

    private void sendInvalidJson(HttpExchange exchange, RecordedRequest request) throws IOException {
        if (request.streaming()) {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            out.write("data: {\"id\": \"chatcmpl-broken\", \"choices\": [\n\n".getBytes(StandardCharsets.UTF_8));
            out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
            exchange.close();
        } else {
            byte[] body = "{\"id\": \"chatcmpl-broken\", \"object\": \"chat.completion\", \"choices\": [<html>"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        }
    }

    private void sendError(HttpExchange exchange, int code, String type, String errorCode, String message)
            throws IOException {
        ObjectNode body = json.createObjectNode();
        ObjectNode error = body.putObject("error");
        error.put("message", message);
        error.put("type", type);
        error.putNull("param");
        if (errorCode == null) {
            error.putNull("code");
        } else {
            error.put("code", errorCode);
        }
        sendJson(exchange, code, body);
    }

    private void sendJson(HttpExchange exchange, int code, JsonNode body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(code, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private void sendEvent(OutputStream out, JsonNode chunk) throws IOException {
        out.write(("data: " + json.writeValueAsString(chunk) + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private String nextId() {
        return "chatcmpl-fake-" + completionIds.incrementAndGet();
    }

    /** False when the server closed while waiting. */
    private boolean pause(Duration delay) {
        if (delay.isZero()) {
            return true;
        }
        try {
            Thread.sleep(delay);
            return true;
        } catch (InterruptedException closing) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** False when the server closed while holding. */
    private boolean hold() {
        try {
            return heldStreams.await(LONGEST_HOLD.toMillis(), TimeUnit.MILLISECONDS)
                    && !Thread.currentThread().isInterrupted() && !handlers.isShutdown();
        } catch (InterruptedException closing) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
