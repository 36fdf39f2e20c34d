package io.agentassist.app.settings;

import io.agentassist.core.config.AssistConfigLoader;
import java.util.Arrays;
import java.util.Optional;

/** The settings the screen edits, with the label the agent sees and the config file key behind each. */
public enum SettingsField {
    BASE_URL("Endpoint URL", AssistConfigLoader.LLM_BASE_URL),
    MODEL("Model", AssistConfigLoader.LLM_MODEL),
    API_KEY("API key", AssistConfigLoader.LLM_API_KEY),
    KNOWLEDGE_FOLDERS("Knowledge folders", AssistConfigLoader.KNOWLEDGE_FOLDERS),
    DATABASE_URL("PostgreSQL URL", AssistConfigLoader.DATABASE_URL),
    AGENT_NAME("Agent name", AssistConfigLoader.AGENT_NAME),
    AGENT_SIGNATURE("Signature", AssistConfigLoader.AGENT_SIGNATURE);

    private final String label;
    private final String key;

    SettingsField(String label, String key) {
        this.label = label;
        this.key = key;
    }

    /** How the screen names the field, e.g. in "Endpoint URL: ... is not a URL". */
    public String label() {
        return label;
    }

    /** The config file key. */
    public String key() {
        return key;
    }

    static Optional<SettingsField> forKey(String key) {
        return Arrays.stream(values()).filter(field -> field.key.equals(key)).findFirst();
    }
}
