package io.agentassist.core.llm;

import static io.agentassist.core.testsupport.FakeResponse.invalidJson;
import static io.agentassist.core.testsupport.FakeResponse.reply;
import static io.agentassist.core.testsupport.FakeResponse.status;
import static io.agentassist.core.testsupport.FakeResponse.stream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.agentassist.core.llm.ModelCallException.Kind;
import io.agentassist.core.testsupport.FakeOpenAiServer;
import io.agentassist.core.testsupport.RecordedRequest;
import io.agentassist.core.testsupport.RecordingStreamObserver;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class OpenAiCompatibleModelTest {

    private static final String KEY = "sk-test-0123456789abcdef";
    private static final Duration BOUND = Duration.ofSeconds(10);
    private static final ChatPrompt PROMPT = new ChatPrompt("reply-draft", "3", List.of(
            new PromptMessage(PromptRole.SYSTEM, "You draft replies for Acme support. Cite articles."),
            new PromptMessage(PromptRole.USER, "Where is my parcel 4711?"),
            new PromptMessage(PromptRole.ASSISTANT, "Could you confirm your postcode?"),
            new PromptMessage(PromptRole.USER, "It is 10115.")), 0.2);

    private FakeOpenAiServer server;
    private final RecordingPause pause = new RecordingPause();

    @BeforeEach
    void startServer() {
        server = FakeOpenAiServer.start();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private ModelSettings settings(int maxRetries) {
        return new ModelSettings(server.baseUrl(), KEY, "gpt-test", Duration.ofSeconds(5), maxRetries);
    }

    private OpenAiCompatibleModel model() {
        return model(settings(2));
    }

    private OpenAiCompatibleModel model(ModelSettings settings) {
        return new OpenAiCompatibleModel(settings, RetryPolicy.withRetries(settings.maxRetries()), pause,
                new Random(7));
    }

    @Test
    void completeReturnsTheTextTheModelAnswered() throws Exception {
        server.enqueue(reply("Your parcel left the depot this morning.").model("gpt-test-2025"));

        ModelReply reply = model().complete(PROMPT, new Cancellation());

        assertThat(reply.text()).isEqualTo("Your parcel left the depot this morning.");
        assertThat(reply.model()).isEqualTo("gpt-test-2025");
        assertThat(reply.finishReason()).isEqualTo("stop");
        assertThat(reply.latency()).isPositive();
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void completeSendsModelMessagesTemperatureAndTheBearerKey() throws Exception {
        server.enqueue(reply("ok"));

        model().complete(PROMPT, new Cancellation());

        RecordedRequest request = server.lastRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo(FakeOpenAiServer.CHAT_COMPLETIONS);
        assertThat(request.header("Authorization")).contains("Bearer " + KEY);
        assertThat(request.header("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("application/json"));
        JsonNode body = request.json();
        assertThat(body.path("model").asText()).isEqualTo("gpt-test");
        assertThat(body.path("temperature").asDouble()).isEqualTo(0.2);
        assertThat(body.path("stream").asBoolean(false)).isFalse();
        assertThat(roles(body)).containsExactly("system", "user", "assistant", "user");
        assertThat(contents(body)).containsExactly("You draft replies for Acme support. Cite articles.",
                "Where is my parcel 4711?", "Could you confirm your postcode?", "It is 10115.");
    }

    @Test
    void aBlankSystemMessageIsLeftOutAndAPromptWithNothingToSendIsRefused() throws Exception {
        server.enqueue(reply("ok"));
        ChatPrompt blankSystem = new ChatPrompt("reply-draft", "4", List.of(
                new PromptMessage(PromptRole.SYSTEM, " "), new PromptMessage(PromptRole.USER, "Hello?")), 0.0);

        model().complete(blankSystem, new Cancellation());

        assertThat(roles(server.lastRequest().json())).containsExactly("user");
        ChatPrompt nothing = new ChatPrompt("reply-draft", "4", List.of(), 0.0);
        assertThatThrownBy(() -> model().complete(nothing, new Cancellation()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> model().stream(nothing, new RecordingStreamObserver(), new Cancellation()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withoutAnApiKeyNoAuthorizationHeaderIsSent() throws Exception {
        server.enqueue(reply("ok"));
        ModelSettings local = new ModelSettings(server.baseUrl(), "", "llama3.1:8b", Duration.ofSeconds(5), 0);

        model(local).complete(PROMPT, new Cancellation());

        assertThat(server.lastRequest().header("Authorization")).isEmpty();
    }

    @Test
    void streamDeliversEachTokenThenCompletesWithTheFullText() throws Exception {
        server.enqueue(stream("Your ", "parcel ", "left ", "today."));
        RecordingStreamObserver observer = new RecordingStreamObserver();

        model().stream(PROMPT, observer, new Cancellation());

        assertThat(observer.awaitEnd(BOUND)).isTrue();
        assertThat(observer.events()).containsExactly("partial:Your ", "partial:parcel ", "partial:left ",
                "partial:today.", "completed:Your parcel left today.");
        assertThat(observer.reply()).hasValueSatisfying(reply -> {
            assertThat(reply.model()).isEqualTo("gpt-test");
            assertThat(reply.finishReason()).isEqualTo("stop");
        });
    }

    @Test
    void streamRequestAsksForAStreamWithUsageAndCarriesTheSamePrompt() throws Exception {
        server.enqueue(stream("ok"));
        RecordingStreamObserver observer = new RecordingStreamObserver();

        model().stream(PROMPT, observer, new Cancellation());

        assertThat(observer.awaitEnd(BOUND)).isTrue();
        JsonNode body = server.lastRequest().json();
        assertThat(body.path("stream").asBoolean()).isTrue();
        assertThat(body.path("stream_options").path("include_usage").asBoolean()).isTrue();
        assertThat(body.path("model").asText()).isEqualTo("gpt-test");
        assertThat(body.path("temperature").asDouble()).isEqualTo(0.2);
        assertThat(roles(body)).containsExactly("system", "user", "assistant", "user");
        assertThat(server.lastRequest().header("Authorization")).contains("Bearer " + KEY);
    }

    @Test
    void rateLimitedOnceIsRetriedAfterABackoffAndThenAnswered() throws Exception {
        server.enqueue(status(429), reply("Here is your answer."));

        ModelReply reply = model().complete(PROMPT, new Cancellation());

        assertThat(reply.text()).isEqualTo("Here is your answer.");
        assertThat(server.requests()).hasSize(2);
        assertThat(pause.waits()).hasSize(1);
        assertThat(pause.waits().getFirst()).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
    }

    @Test
    void retryAfterFromTheEndpointIsTheWait() throws Exception {
        server.enqueue(status(429).retryAfter(Duration.ofSeconds(2)), reply("ok"));

        model().complete(PROMPT, new Cancellation());

        assertThat(pause.waits()).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void retryAfterLongerThanThePolicyAllowsFailsAtOnceAsRateLimited() {
        server.enqueue(status(429).retryAfter(Duration.ofMinutes(2)), reply("never asked for"));

        ModelCallException error = catchThrowableOfType(ModelCallException.class,
                () -> model().complete(PROMPT, new Cancellation()));

        assertThat(error.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(error.getMessage()).contains("120 s");
        assertThat(server.requests()).hasSize(1);
        assertThat(pause.waits()).isEmpty();
    }

    @Test
    void serverErrorsOnEveryAttemptFailAsServerErrorAfterTheConfiguredRetries() {
        server.enqueue(status(500), status(502), status(503).message("upstream overloaded"));

        ModelCallException error = catchThrowableOfType(ModelCallException.class,
                () -> model(settings(2)).complete(PROMPT, new Cancellation()));

        assertThat(error.kind()).isEqualTo(Kind.SERVER_ERROR);
        assertThat(error.getMessage()).contains("HTTP 503", "upstream overloaded", "3 attempts");
        assertThat(server.requests()).hasSize(3);
        assertThat(pause.waits()).hasSize(2);
        assertThat(pause.waits().get(0)).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
        assertThat(pause.waits().get(1)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
    }

    @Test
    void unauthorizedIsNotRetriedAndNeverEchoesTheKey() {
        server.enqueue(status(401).message("Incorrect API key provided: " + KEY + "."), reply("never asked for"));

        ModelCallException error = catchThrowableOfType(ModelCallException.class,
                () -> model().complete(PROMPT, new Cancellation()));

        assertThat(error.kind()).isEqualTo(Kind.UNAUTHORIZED);
        assertThat(error.getMessage()).contains("HTTP 401", "Incorrect API key provided").doesNotContain(KEY);
        assertThat(server.requests()).hasSize(1);
        assertThat(pause.waits()).isEmpty();
    }

    @Test
    void forbiddenIsUnauthorizedToo() {
        server.enqueue(status(403));

        assertThatThrownBy(() -> model().complete(PROMPT, new Cancellation()))
                .isInstanceOfSatisfying(ModelCallException.class,
                        error -> assertThat(error.kind()).isEqualTo(Kind.UNAUTHORIZED));
    }

    @Test
    void otherClientErrorsAreBadResponsesAndNotRetried() {
        server.enqueue(status(400).message("This model's maximum context length is 8192 tokens."),
                reply("never asked for"));

        ModelCallException error = catchThrowableOfType(ModelCallException.class,
                () -> model().complete(PROMPT, new Cancellation()));

        assertThat(error.kind()).isEqualTo(Kind.BAD_RESPONSE);
        assertThat(error.getMessage()).contains("HTTP 400", "maximum context length");
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void anAnswerSlowerThanTheTimeoutFailsAsTimeoutWithinTheBound() {
        server.enqueue(reply("too late").delayedBy(Duration.ofSeconds(20)));
        ModelSettings impatient = new ModelSettings(server.baseUrl(), KEY, "gpt-test", Duration.ofMillis(300), 2);

        long start = System.nanoTime();
        ModelCallException error = catchThrowableOfType(ModelCallException.class,
                () -> model(impatient).complete(PROMPT, new Cancellation()));

        assertThat(error.kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void aStreamWhoseFirstTokenIsLateFailsAsTimeout() throws Exception {
        server.enqueue(stream("too", " late").delayedBy(Duration.ofSeconds(20)));
        ModelSettings impatient = new ModelSettings(server.baseUrl(), KEY, "gpt-test", Duration.ofMillis(300), 2);
        RecordingStreamObserver observer = new RecordingStreamObserver();

        model(impatient).stream(PROMPT, observer, new Cancellation());

        assertThat(observer.awaitEnd(Duration.ofSeconds(3))).isTrue();
        assertThat(observer.events()).containsExactly("failed:TIMEOUT");
    }

    @Test
    void aStreamThatGoesSilentMidWayFailsAsTimeoutKeepingItsText() throws Exception {
        server.enqueue(stream("Your ", "parcel ", "left.").holdAfter(2));
        ModelSettings impatient = new ModelSettings(server.baseUrl(), KEY, "gpt-test", Duration.ofSeconds(1), 2);
        RecordingStreamObserver observer = new RecordingStreamObserver();

        model(impatient).stream(PROMPT, observer, new Cancellation());

        assertThat(observer.awaitEnd(Duration.ofSeconds(5))).isTrue();
        assertThat(observer.events()).containsExactly("partial:Your ", "partial:parcel ", "failed:TIMEOUT");
        assertThat(observer.error().orElseThrow().getMessage()).contains("12 characters");
    }

    @Test
    void invalidJsonIsABadResponse() {
        server.enqueue(invalidJson(), reply("never asked for"));

        ModelCallException error = catchThrowableOfType(ModelCallException.class,
                () -> model().complete(PROMPT, new Cancellation()));

        assertThat(error.kind()).isEqualTo(Kind.BAD_RESPONSE);
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void invalidJsonInAStreamFailsItAsABadResponse() throws Exception {
        server.enqueue(invalidJson());
        RecordingStreamObserver observer = new RecordingStreamObserver();

        model().stream(PROMPT, observer, new Cancellation());

        assertThat(observer.awaitEnd(BOUND)).isTrue();
        assertThat(observer.events()).containsExactly("failed:BAD_RESPONSE");
    }

    @Test
    void aRefusedConnectionIsAConnectionFailureAndNotRetried() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        ModelSettings nobodyHome = new ModelSettings("http://127.0.0.1:" + closedPort + "/v1", KEY, "gpt-test",
                Duration.ofSeconds(2), 2);

        ModelCallException error = catchThrowableOfType(ModelCallException.class,
                () -> model(nobodyHome).complete(PROMPT, new Cancellation()));

        assertThat(error.kind()).isEqualTo(Kind.CONNECTION);
        assertThat(error.getMessage()).contains("127.0.0.1:" + closedPort);
        assertThat(pause.waits()).isEmpty();
    }

    @Test
    void aBodyCutHalfWayIsAConnectionFailure() {
        server.enqueue(reply("Your parcel left the depot this morning.").cutAfter(1), reply("never asked for"));

        ModelCallException error = catchThrowableOfType(ModelCallException.class,
                () -> model().complete(PROMPT, new Cancellation()));

        assertThat(error.kind()).isEqualTo(Kind.CONNECTION);
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void everyCallIsLoggedAtInfoWithPromptModelLatencyAndOutcomeButNeverTheKeyOrTheText() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        Level rootLevel = root.getLevel();
        root.setLevel(Level.DEBUG);
        root.addAppender(appender);
        try {
            server.enqueue(reply("Your parcel left the depot."), status(429),
                    status(401).message("Incorrect API key provided: " + KEY + "."), stream("Hel", "lo"));
            model().complete(PROMPT, new Cancellation());
            assertThatThrownBy(() -> model().complete(PROMPT, new Cancellation()))
                    .isInstanceOf(ModelCallException.class);
            RecordingStreamObserver observer = new RecordingStreamObserver();
            model().stream(PROMPT, observer, new Cancellation());
            assertThat(observer.awaitEnd(BOUND)).isTrue();
        } finally {
            root.detachAppender(appender);
            root.setLevel(rootLevel);
        }

        List<String> calls = appender.list.stream()
                .filter(event -> event.getLoggerName().equals("io.agentassist.core.llm.calls"))
                .filter(event -> event.getLevel() == Level.INFO)
                .map(ILoggingEvent::getFormattedMessage)
                .toList();
        assertThat(calls).hasSize(4);
        assertThat(calls.get(0)).startsWith("model call ok ")
                .contains("prompt=reply-draft", "version=3", "model=gpt-test", "mode=complete", "latency_ms=",
                        "attempts=1", "finish=stop");
        assertThat(calls.get(1)).startsWith("model call retrying ").contains("prompt=reply-draft", "after=RATE_LIMITED");
        assertThat(calls.get(2)).startsWith("model call UNAUTHORIZED ").contains("prompt=reply-draft", "version=3",
                "attempts=2", "latency_ms=");
        assertThat(calls.get(3)).startsWith("model call ok ").contains("mode=stream", "finish=stop");
        List<String> everything = appender.list.stream()
                .map(event -> event.getFormattedMessage() + " " + (event.getThrowableProxy() == null ? ""
                        : event.getThrowableProxy().getMessage()))
                .toList();
        assertThat(everything).noneSatisfy(line -> assertThat(line).containsAnyOf(KEY, "Where is my parcel",
                "Your parcel left the depot"));
    }

    @Test
    void aStreamCutMidWayFailsAndTheObserverKeepsThePartialText() throws Exception {
        server.enqueue(stream("Your ", "parcel ", "left ", "today.").cutAfter(2), reply("never asked for"));
        RecordingStreamObserver observer = new RecordingStreamObserver();

        model().stream(PROMPT, observer, new Cancellation());

        assertThat(observer.awaitEnd(BOUND)).isTrue();
        assertThat(observer.events()).containsExactly("partial:Your ", "partial:parcel ", "failed:CONNECTION");
        assertThat(observer.partialText()).isEqualTo("Your parcel ");
        assertThat(observer.error().orElseThrow().getMessage()).contains("after 12 characters");
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void anErrorEventMidStreamFailsTheStreamWithTheServersMessage() throws Exception {
        server.enqueue(stream("Your ", "parcel ", "left.").errorEventAfter(1, "The server is overloaded."));
        RecordingStreamObserver observer = new RecordingStreamObserver();

        model().stream(PROMPT, observer, new Cancellation());

        assertThat(observer.awaitEnd(BOUND)).isTrue();
        assertThat(observer.events()).containsExactly("partial:Your ", "failed:SERVER_ERROR");
        assertThat(observer.error().orElseThrow().getMessage()).contains("The server is overloaded.");
    }

    @Test
    void aStreamRateLimitedBeforeAnyTokenIsRetriedAndTheObserverToldSo() throws Exception {
        server.enqueue(status(429).retryAfter(Duration.ofSeconds(1)), stream("Hel", "lo"));
        RecordingStreamObserver observer = new RecordingStreamObserver();

        model().stream(PROMPT, observer, new Cancellation());

        assertThat(observer.awaitEnd(BOUND)).isTrue();
        assertThat(observer.events()).containsExactly("retrying:2", "partial:Hel", "partial:lo", "completed:Hello");
        assertThat(observer.retryReasons().getFirst()).contains("HTTP 429", "1 s");
        assertThat(pause.waits()).containsExactly(Duration.ofSeconds(1));
        assertThat(server.requests()).hasSize(2).allSatisfy(request -> assertThat(request.streaming()).isTrue());
    }

    @Test
    void aStreamFailingBeforeAnyTokenOnEveryAttemptFailsAfterTheRetries() throws Exception {
        server.enqueue(status(500), status(500));
        RecordingStreamObserver observer = new RecordingStreamObserver();

        model(settings(1)).stream(PROMPT, observer, new Cancellation());

        assertThat(observer.awaitEnd(BOUND)).isTrue();
        assertThat(observer.events()).containsExactly("retrying:2", "failed:SERVER_ERROR");
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void cancellingMidStreamEndsWithCancelledAndNothingAfterIt() throws Exception {
        server.enqueue(stream("Your ", "parcel ", "left ", "today.").holdAfter(2));
        RecordingStreamObserver observer = new RecordingStreamObserver();
        Cancellation cancellation = new Cancellation();

        model().stream(PROMPT, observer, cancellation);
        assertThat(observer.awaitPartials(2, BOUND)).isTrue();
        cancellation.cancel();

        assertThat(observer.events()).containsExactly("partial:Your ", "partial:parcel ", "cancelled");
        server.releaseHeldStreams();
        assertThat(server.awaitIdle(BOUND)).as("the rest of the stream was sent").isTrue();
        assertThat(observer.events()).containsExactly("partial:Your ", "partial:parcel ", "cancelled");
    }

    @Test
    void cancellingBeforeTheFirstTokenEndsWithCancelledAtOnce() throws Exception {
        server.enqueue(stream("late").delayedBy(Duration.ofSeconds(20)));
        RecordingStreamObserver observer = new RecordingStreamObserver();
        Cancellation cancellation = new Cancellation();

        model().stream(PROMPT, observer, cancellation);
        assertThat(server.awaitRequests(1, BOUND)).isTrue();
        cancellation.cancel();

        assertThat(observer.events()).containsExactly("cancelled");
    }

    @Test
    void cancellingABlockingCallStopsWaitingAtOnce() throws Exception {
        server.enqueue(reply("too late").delayedBy(Duration.ofSeconds(20)));
        Cancellation cancellation = new Cancellation();
        OpenAiCompatibleModel model = model();

        CompletableFuture<Throwable> outcome = CompletableFuture.supplyAsync(() -> catchThrowableOfType(
                ModelCallException.class, () -> model.complete(PROMPT, cancellation)));
        assertThat(server.awaitRequests(1, BOUND)).isTrue();
        long start = System.nanoTime();
        cancellation.cancel();

        Throwable error = outcome.get(BOUND.toSeconds(), TimeUnit.SECONDS);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(error).isInstanceOfSatisfying(ModelCallException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.CANCELLED));
    }

    @Test
    void cancellingDuringTheBackoffStopsWaitingAtOnce() throws Exception {
        server.enqueue(status(503), reply("never asked for"));
        Cancellation cancellation = new Cancellation();
        RetryPolicy slow = new RetryPolicy(2, Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(30));
        OpenAiCompatibleModel model = new OpenAiCompatibleModel(settings(2), slow);

        CompletableFuture<Throwable> outcome = CompletableFuture.supplyAsync(() -> catchThrowableOfType(
                ModelCallException.class, () -> model.complete(PROMPT, cancellation)));
        assertThat(server.awaitRequests(1, BOUND)).isTrue();
        cancellation.cancel();

        Throwable error = outcome.get(BOUND.toSeconds(), TimeUnit.SECONDS);
        assertThat(error).isInstanceOfSatisfying(ModelCallException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.CANCELLED));
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void oneCancellationServesManyCallsWithoutKeepingTheirListeners() throws Exception {
        Cancellation ticket = new Cancellation();
        server.enqueue(reply("one"), status(500), reply("two"), stream("three"));
        OpenAiCompatibleModel model = model();

        model.complete(PROMPT, ticket);
        model.complete(PROMPT, ticket);
        RecordingStreamObserver observer = new RecordingStreamObserver();
        model.stream(PROMPT, observer, ticket);
        assertThat(observer.awaitEnd(BOUND)).isTrue();

        assertThat(ticket.listenerCount()).isZero();
    }

    @Test
    void toStringNamesTheEndpointButNotTheKey() {
        assertThat(model().toString()).contains(server.baseUrl(), "gpt-test").doesNotContain(KEY);
    }

    private static List<String> roles(JsonNode body) {
        return body.path("messages").valueStream().map(message -> message.path("role").asText()).toList();
    }

    private static List<String> contents(JsonNode body) {
        return body.path("messages").valueStream().map(message -> message.path("content").asText()).toList();
    }

    /** Records the waits between attempts instead of waiting; a cancelled call stops as the real one would. */
    static final class RecordingPause implements Pause {
        private final List<Duration> waits = new CopyOnWriteArrayList<>();

        @Override
        public boolean await(Duration wait, Cancellation cancellation) {
            waits.add(wait);
            return !cancellation.isCancelled();
        }

        List<Duration> waits() {
            return List.copyOf(waits);
        }
    }
}
