package io.agentassist.core.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentassist.core.llm.ModelCallException.Kind;
import io.agentassist.core.testsupport.RecordingStreamObserver;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ModelSettingsTest {

    private static final String KEY = "sk-live-0123456789abcdef";
    private static final ChatPrompt PROMPT = new ChatPrompt("summary", "1",
            List.of(new PromptMessage(PromptRole.USER, "Summarise.")), 0.0);

    @Test
    void toStringMasksTheApiKey() {
        ModelSettings settings = new ModelSettings("https://api.openai.com/v1/", KEY, "gpt-4o-mini",
                Duration.ofSeconds(30), 2);

        assertThat(settings.toString()).isEqualTo("ModelSettings[baseUrl=https://api.openai.com/v1, apiKey=****,"
                + " modelName=gpt-4o-mini, timeout=PT30S, maxRetries=2]");
        assertThat(settings.scrub("Incorrect API key provided: " + KEY)).isEqualTo(
                "Incorrect API key provided: ****");
    }

    @Test
    void withoutABaseUrlNothingIsConfigured() {
        assertThat(ModelSettings.unconfigured().isConfigured()).isFalse();
        assertThat(ModelSettings.unconfigured().maskedApiKey()).isEqualTo("(none)");
    }

    @Test
    void aBaseUrlNeedsAModelName() {
        assertThatThrownBy(() -> new ModelSettings("http://localhost:11434/v1", "", " ", Duration.ofSeconds(5), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("model name");
    }

    @Test
    void languageModelsGivesTheOfflineModelWithoutABaseUrl() {
        assertThat(LanguageModels.from(ModelSettings.unconfigured())).isInstanceOf(OfflineModel.class);
        assertThat(LanguageModels.from(new ModelSettings("http://127.0.0.1:9/v1", KEY, "m", Duration.ofSeconds(5),
                0))).isInstanceOfSatisfying(OpenAiCompatibleModel.class, model -> {
                    assertThat(model.isConfigured()).isTrue();
                    assertThat(model.modelName()).isEqualTo("m");
                });
    }

    @Test
    void theOfflineModelRefusesEveryCallAsNotConfigured() throws Exception {
        OfflineModel offline = new OfflineModel();
        RecordingStreamObserver observer = new RecordingStreamObserver();

        assertThat(offline.isConfigured()).isFalse();
        assertThat(offline.modelName()).isEmpty();
        assertThatThrownBy(() -> offline.complete(PROMPT, new Cancellation()))
                .isInstanceOfSatisfying(ModelCallException.class,
                        error -> assertThat(error.kind()).isEqualTo(Kind.NOT_CONFIGURED));
        offline.stream(PROMPT, observer, new Cancellation());
        assertThat(observer.events()).containsExactly("failed:NOT_CONFIGURED");
    }

    @Test
    void backoffGrowsExponentiallyWithJitterUpToTheCeiling() {
        RetryPolicy policy = new RetryPolicy(5, Duration.ofMillis(500), Duration.ofSeconds(2), Duration.ofSeconds(30));
        Random random = new Random(1);

        for (int i = 0; i < 50; i++) {
            assertThat(policy.delayBefore(1, Optional.empty(), random)).isBetween(Duration.ofMillis(250),
                    Duration.ofMillis(500));
            assertThat(policy.delayBefore(2, Optional.empty(), random)).isBetween(Duration.ofMillis(500),
                    Duration.ofMillis(1000));
            assertThat(policy.delayBefore(3, Optional.empty(), random)).isBetween(Duration.ofMillis(1000),
                    Duration.ofMillis(2000));
            assertThat(policy.delayBefore(9, Optional.empty(), random)).isBetween(Duration.ofMillis(1000),
                    Duration.ofMillis(2000));
        }
        assertThat(policy.delayBefore(1, Optional.of(Duration.ofSeconds(7)), random)).isEqualTo(Duration.ofSeconds(7));
        assertThat(policy.isTooLong(Duration.ofSeconds(31))).isTrue();
    }

    @Test
    void retryAfterIsReadFromMillisecondsSecondsOrADate() {
        Instant now = Instant.parse("2026-03-02T10:00:00Z");

        assertThat(RetryAfter.from(Map.of("retry-after-ms", List.of("1500"), "Retry-After", List.of("2")), now))
                .contains(Duration.ofMillis(1500));
        assertThat(RetryAfter.from(Map.of("Retry-After", List.of("2")), now)).contains(Duration.ofSeconds(2));
        assertThat(RetryAfter.from(Map.of("retry-after", List.of("0.25")), now)).contains(Duration.ofMillis(250));
        assertThat(RetryAfter.from(Map.of("Retry-After", List.of("Mon, 02 Mar 2026 10:00:05 GMT")), now))
                .contains(Duration.ofSeconds(5));
        assertThat(RetryAfter.from(Map.of("Retry-After", List.of("soon")), now)).isEmpty();
        assertThat(RetryAfter.from(Map.of(), now)).isEmpty();
    }
}
