package io.agentassist.core.llm;

/** Builds the {@link LanguageModel} the settings call for. */
public final class LanguageModels {

    private LanguageModels() {
    }

    /** An {@link OpenAiCompatibleModel} when a base URL is configured, else an {@link OfflineModel}. */
    public static LanguageModel from(ModelSettings settings) {
        return settings.isConfigured() ? new OpenAiCompatibleModel(settings) : new OfflineModel();
    }
}
