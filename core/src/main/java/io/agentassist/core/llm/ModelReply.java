package io.agentassist.core.llm;

import java.time.Duration;

/** What a finished model call returned, with the model that answered and how long it took. */
public record ModelReply(String text, String model, Duration latency, String finishReason) {
}
