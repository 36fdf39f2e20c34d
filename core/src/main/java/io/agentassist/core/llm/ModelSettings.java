package io.agentassist.core.llm;

import java.time.Duration;
import java.util.Objects;

/**
 * Where the language model lives and how patiently to call it. Without a base URL nothing is configured and
 * the product works offline ({@link LanguageModels#from} gives an {@link OfflineModel}).
 *
 * <p>{@link #toString()} never shows the API key.
 *
 * @param baseUrl    the OpenAI-compatible endpoint up to and including its version path, e.g.
 *                   {@code https://api.openai.com/v1}; "" when not configured. See {@link OpenAiCompatibleModel}
 *                   for the URLs of other servers.
 * @param apiKey     sent as {@code Authorization: Bearer ...}; "" sends no such header (local servers)
 * @param modelName  the model, or the deployment name on Azure
 * @param timeout    how long one attempt may wait to connect, and then for the first byte of the answer
 * @param maxRetries further attempts after a 429 or 5xx answer; 0 tries once
 */
public record ModelSettings(String baseUrl, String apiKey, String modelName, Duration timeout, int maxRetries) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    public static final int DEFAULT_MAX_RETRIES = 2;

    public ModelSettings {
        baseUrl = stripTrailingSlashes(Objects.requireNonNullElse(baseUrl, "").strip());
        apiKey = Objects.requireNonNullElse(apiKey, "").strip();
        modelName = Objects.requireNonNullElse(modelName, "").strip();
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, not " + timeout);
        }
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be 0 or more, not " + maxRetries);
        }
        if (!baseUrl.isEmpty() && modelName.isEmpty()) {
            throw new IllegalArgumentException("a model name is needed with base URL " + baseUrl);
        }
    }

    /** Nothing configured: offline. */
    public static ModelSettings unconfigured() {
        return new ModelSettings("", "", "", DEFAULT_TIMEOUT, DEFAULT_MAX_RETRIES);
    }

    public boolean isConfigured() {
        return !baseUrl.isEmpty();
    }

    public boolean hasApiKey() {
        return !apiKey.isEmpty();
    }

    /** The API key as logs and screens may show it: {@code ****} when set, {@code (none)} when not. */
    public String maskedApiKey() {
        return hasApiKey() ? "****" : "(none)";
    }

    /** Replaces every occurrence of the API key in a text (an error body, say) with {@code ****}. */
    public String scrub(String text) {
        if (text == null || !hasApiKey()) {
            return text;
        }
        return text.replace(apiKey, "****");
    }

    @Override
    public String toString() {
        return "ModelSettings[baseUrl=" + baseUrl + ", apiKey=" + maskedApiKey() + ", modelName=" + modelName
                + ", timeout=" + timeout + ", maxRetries=" + maxRetries + "]";
    }

    private static String stripTrailingSlashes(String url) {
        String result = url;
        while (result.endsWith("/")) {
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }
}
