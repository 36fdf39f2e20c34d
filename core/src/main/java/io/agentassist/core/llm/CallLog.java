package io.agentassist.core.llm;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one INFO line every model call leaves: prompt id and version, model, mode, outcome, latency and
 * attempts; a retry leaves one more. Never the API key, never the prompt or the answer text (only its length).
 */
final class CallLog {

    private static final Logger LOG = LoggerFactory.getLogger(LanguageModel.class.getPackageName() + ".calls");

    private final ChatPrompt prompt;
    private final String model;
    private final String mode;
    private final long startNanos = System.nanoTime();

    CallLog(ChatPrompt prompt, String model, String mode) {
        this.prompt = prompt;
        this.model = model;
        this.mode = mode;
    }

    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    void succeeded(ModelReply reply, int attempts) {
        LOG.info("model call ok prompt={} version={} model={} mode={} latency_ms={} attempts={} finish={} chars={}",
                prompt.promptId(), prompt.promptVersion(), reply.model(), mode, reply.latency().toMillis(), attempts,
                reply.finishReason(), reply.text().length());
    }

    void failed(ModelCallException error, int attempts) {
        LOG.info("model call {} prompt={} version={} model={} mode={} latency_ms={} attempts={} error={}",
                error.kind(), prompt.promptId(), prompt.promptVersion(), model, mode, elapsed().toMillis(), attempts,
                error.getMessage());
    }

    void cancelled(int attempts) {
        LOG.info("model call CANCELLED prompt={} version={} model={} mode={} latency_ms={} attempts={}",
                prompt.promptId(), prompt.promptVersion(), model, mode, elapsed().toMillis(), attempts);
    }

    void retrying(int attempt, Failure failure, Duration wait) {
        LOG.info("model call retrying prompt={} version={} model={} mode={} failed_attempt={} after={} wait_ms={}"
                + " error={}", prompt.promptId(), prompt.promptVersion(), model, mode, attempt, failure.kind(),
                wait.toMillis(), failure.error().getMessage());
    }
}
