package io.agentassist.core.llm;

import static io.agentassist.core.testsupport.FakeResponse.reply;
import static io.agentassist.core.testsupport.FakeResponse.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.agentassist.core.llm.ModelConnectionReport.Listing;
import io.agentassist.core.llm.ModelConnectionReport.Problem;
import io.agentassist.core.testsupport.FakeOpenAiServer;
import io.agentassist.core.testsupport.FakeResponse;
import io.agentassist.core.testsupport.RecordedRequest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class ModelConnectionCheckTest {

    private static final String KEY = "sk-check-0123456789abcdef";

    private FakeOpenAiServer server;
    private final ModelConnectionCheck check = new ModelConnectionCheck(Duration.ofSeconds(5));

    @BeforeEach
    void startServer() {
        server = FakeOpenAiServer.start();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private ModelSettings settings(String key, String model) {
        return new ModelSettings(server.baseUrl(), key, model, Duration.ofSeconds(30), 2);
    }

    @Test
    void aListedModelThatAnswersIsOkWithItsLatency() {
        server.listModels("gpt-4o-mini", "gpt-4o").enqueue(reply("OK"));

        ModelConnectionReport report = check.check(settings(KEY, "gpt-4o-mini"));

        assertThat(report.ok()).isTrue();
        assertThat(report.problem()).isEqualTo(Problem.NONE);
        assertThat(report.reachable()).isTrue();
        assertThat(report.httpStatus()).hasValue(200);
        assertThat(report.listing()).isEqualTo(Listing.LISTED);
        assertThat(report.listedModels()).containsExactly("gpt-4o-mini", "gpt-4o");
        assertThat(report.latency()).isPositive().isLessThan(Duration.ofSeconds(5));
        assertThat(report.message()).startsWith("Connected to " + server.baseUrl() + ": model 'gpt-4o-mini' answered in ")
                .endsWith(" ms.");
    }

    @Test
    void itSendsOneCheapChatCompletionWithTheBearerKey() {
        server.listModels("gpt-4o-mini").enqueue(reply("OK"));

        check.check(settings(KEY, "gpt-4o-mini"));

        List<RecordedRequest> requests = server.requests();
        assertThat(requests).extracting(RecordedRequest::method, RecordedRequest::path).containsExactly(
                org.assertj.core.groups.Tuple.tuple("GET", FakeOpenAiServer.MODELS),
                org.assertj.core.groups.Tuple.tuple("POST", FakeOpenAiServer.CHAT_COMPLETIONS));
        RecordedRequest chat = requests.get(1);
        assertThat(chat.header("Authorization")).contains("Bearer " + KEY);
        assertThat(chat.json().path("model").asText()).isEqualTo("gpt-4o-mini");
        assertThat(chat.json().path("max_tokens").asInt()).isEqualTo(1);
        assertThat(chat.json().path("messages")).hasSize(1);
        assertThat(chat.streaming()).isFalse();
    }

    @Test
    void aServerWithoutAModelListIsCheckedByTheChatCompletionAlone() {
        server.enqueue(reply("OK"));

        ModelConnectionReport report = check.check(settings("", "llama3.1"));

        assertThat(report.ok()).isTrue();
        assertThat(report.listing()).isEqualTo(Listing.NOT_SUPPORTED);
        assertThat(server.lastRequest().header("Authorization")).as("no key, no header").isEmpty();
    }

    @Test
    void ollamaListingTheModelAsLatestCountsAsListed() {
        server.listModels("llama3.1:latest", "qwen2.5:7b").enqueue(reply("OK"));

        assertThat(check.check(settings("", "llama3.1")).listing()).isEqualTo(Listing.LISTED);
    }

    @Test
    void aModelTheListDoesNotNameButThatAnswersIsOkWithANote() {
        server.listModels("gpt-4o", "gpt-4o-mini").enqueue(reply("OK"));

        ModelConnectionReport report = check.check(settings(KEY, "my-azure-deployment"));

        assertThat(report.ok()).isTrue();
        assertThat(report.listing()).isEqualTo(Listing.NOT_LISTED);
        assertThat(report.message()).contains("not in the server's model list");
    }

    @Test
    void aRefusedKeyIsUnauthorizedAndTheMessageNeverRepeatsIt() {
        server.requireApiKey("sk-the-right-one").listModels("gpt-4o-mini");

        ModelConnectionReport report = check.check(settings(KEY, "gpt-4o-mini"));

        assertThat(report.problem()).isEqualTo(Problem.UNAUTHORIZED);
        assertThat(report.httpStatus()).hasValue(401);
        assertThat(report.message()).startsWith("401 Unauthorized: the API key was refused")
                .contains("Incorrect API key provided: ****").doesNotContain(KEY);
        assertThat(server.requests()).as("no chat completion after a refused key").hasSize(1);
    }

    @Test
    void aMissingKeyIsUnauthorizedWithAMessageSayingNoneIsSet() {
        server.enqueue(status(401));

        ModelConnectionReport report = check.check(settings("", "gpt-4o-mini"));

        assertThat(report.problem()).isEqualTo(Problem.UNAUTHORIZED);
        assertThat(report.message()).isEqualTo("401 Unauthorized: the server wants an API key and none is set");
    }

    @Test
    void anUnknownModelIsNamedWithTheModelsTheServerLists() {
        server.listModels("llama3.1:8b", "qwen2.5:7b").enqueue(status(404));

        ModelConnectionReport report = check.check(settings("", "x"));

        assertThat(report.problem()).isEqualTo(Problem.MODEL_NOT_FOUND);
        assertThat(report.httpStatus()).hasValue(404);
        assertThat(report.message()).startsWith("model 'x' not found; the server lists: llama3.1:8b, qwen2.5:7b");
    }

    @Test
    void anUnknownModelOnAServerWithoutAListSaysWhatToCheck() {
        server.enqueue(status(404).message("The model `x` does not exist."));

        ModelConnectionReport report = check.check(settings("", "x"));

        assertThat(report.problem()).isEqualTo(Problem.MODEL_NOT_FOUND);
        assertThat(report.message()).startsWith("model 'x' not found, or no chat completions at " + server.baseUrl())
                .contains("The model `x` does not exist.", "/v1");
    }

    @Test
    void aPortNobodyListensOnIsConnectionRefusedWithAHintNamingTheServer() throws IOException {
        String url;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            url = "http://127.0.0.1:" + socket.getLocalPort() + "/v1";
        }

        ModelConnectionReport report = check.check(new ModelSettings(url, "", "llama3.1", Duration.ofSeconds(5), 0),
                "Ollama");

        assertThat(report.problem()).isEqualTo(Problem.UNREACHABLE);
        assertThat(report.reachable()).isFalse();
        assertThat(report.httpStatus()).isEmpty();
        assertThat(report.message()).isEqualTo("connection refused at " + url + " — is Ollama running?");
    }

    @Test
    void anAnswerSlowerThanTheTimeoutIsATimeoutWithinTheBound() {
        server.enqueue(reply("late").delayedBy(Duration.ofSeconds(5)));
        var impatient = new ModelConnectionCheck(Duration.ofMillis(300));

        long started = System.nanoTime();
        ModelConnectionReport report = impatient.check(settings("", "llama3.1"));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        assertThat(report.problem()).isEqualTo(Problem.TIMEOUT);
        assertThat(report.reachable()).as("the model list answered").isTrue();
        assertThat(report.message()).isEqualTo(server.baseUrl() + " did not answer within 0.3 s");
    }

    @Test
    void aReasoningModelThatRefusesMaxTokensIsAskedAgainWithMaxCompletionTokens() {
        server.enqueue(status(400).message("Unsupported parameter: 'max_tokens' is not supported with this model. "
                + "Use 'max_completion_tokens' instead."), reply(""));

        ModelConnectionReport report = check.check(settings(KEY, "o3-mini"));

        assertThat(report.ok()).isTrue();
        assertThat(server.lastRequest().json().path("max_completion_tokens").asInt()).isEqualTo(1);
        assertThat(server.lastRequest().json().has("max_tokens")).isFalse();
    }

    @Test
    void rateLimitingAndServerErrorsSayWhatTheServerSaid() {
        server.enqueue(status(429).message("You exceeded your current quota."), status(503));

        ModelConnectionReport limited = check.check(settings(KEY, "gpt-4o-mini"));
        ModelConnectionReport failed = check.check(settings(KEY, "gpt-4o-mini"));

        assertThat(limited.problem()).isEqualTo(Problem.RATE_LIMITED);
        assertThat(limited.message()).startsWith("429 Too Many Requests").contains("You exceeded your current quota.");
        assertThat(failed.problem()).isEqualTo(Problem.SERVER_ERROR);
        assertThat(failed.message()).startsWith("HTTP 503 from " + server.baseUrl());
    }

    @Test
    void aBaseUrlWithoutTheApiPathSaysWhereToLook() {
        ModelConnectionReport report = check.check(new ModelSettings(server.baseUrl().replace("/v1", ""), "",
                "llama3.1", Duration.ofSeconds(5), 0));

        assertThat(report.problem()).isEqualTo(Problem.MODEL_NOT_FOUND);
        assertThat(report.listing()).isEqualTo(Listing.NOT_SUPPORTED);
        assertThat(report.message()).contains("ends where the API starts (often /v1)");
    }

    @Test
    void anAnswerThatIsNotAChatCompletionIsABadResponse() {
        server.enqueue(FakeResponse.invalidJson());

        ModelConnectionReport report = check.check(settings("", "llama3.1"));

        assertThat(report.problem()).isEqualTo(Problem.BAD_RESPONSE);
        assertThat(report.message()).contains("not with a chat completion");
    }

    @Test
    void offlineSettingsHaveNothingToCheck() {
        assertThatThrownBy(() -> check.check(ModelSettings.unconfigured()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("offline");
    }

    @Test
    void theCheckLeavesOneInfoLineWithoutTheKey() {
        server.requireApiKey("sk-other").listModels("m");
        Logger logger = (Logger) LoggerFactory.getLogger(ModelConnectionCheck.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        Level level = logger.getLevel();
        logger.setLevel(Level.INFO);
        logger.addAppender(appender);
        try {
            check.check(settings(KEY, "m"));
        } finally {
            logger.detachAppender(appender);
            logger.setLevel(level);
        }

        assertThat(appender.list).singleElement().satisfies(event -> assertThat(event.getFormattedMessage())
                .contains(server.baseUrl(), "UNAUTHORIZED", "401").doesNotContain(KEY));
    }
}
