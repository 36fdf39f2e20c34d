package io.agentassist.app.settings;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Starting points for the model endpoint: choosing one fills in the base URL and, where there is an obvious
 * one, the model. The URLs are the ones {@link io.agentassist.core.llm.OpenAiCompatibleModel} documents.
 */
public enum ModelPreset {
    OPENAI("OpenAI", "https://api.openai.com/v1", "gpt-4o-mini", KeyUse.REQUIRED,
            "e.g. gpt-4o-mini"),
    /** Azure OpenAI's v1 API: the user puts the resource name in place of {@link #PLACEHOLDER}. */
    AZURE_OPENAI("Azure OpenAI", "https://" + ModelPreset.PLACEHOLDER + ".openai.azure.com/openai/v1", "",
            KeyUse.REQUIRED, "the deployment name"),
    OLLAMA("Ollama", "http://localhost:11434/v1", "llama3.1", KeyUse.NONE, "e.g. llama3.1 or qwen2.5:7b"),
    VLLM("vLLM", "http://localhost:8000/v1", "", KeyUse.OPTIONAL, "the served model, as vllm serve was given it"),
    LM_STUDIO("LM Studio", "http://localhost:1234/v1", "", KeyUse.NONE, "the model loaded in LM Studio"),
    CUSTOM("Other OpenAI-compatible server", "", "", KeyUse.OPTIONAL, "the model name the server expects"),
    OFFLINE("Offline (no language model)", "", "", KeyUse.NONE, "");

    /** The part of the Azure URL the user replaces with the name of their resource. */
    public static final String PLACEHOLDER = "YOUR-RESOURCE";

    /** Whether the server wants an API key. */
    public enum KeyUse {
        REQUIRED,
        /** Only when the server was started with one (vLLM's {@code --api-key}, a gateway). */
        OPTIONAL,
        NONE
    }

    private final String displayName;
    private final String baseUrl;
    private final String defaultModel;
    private final KeyUse keyUse;
    private final String modelHint;

    ModelPreset(String displayName, String baseUrl, String defaultModel, KeyUse keyUse, String modelHint) {
        this.displayName = displayName;
        this.baseUrl = baseUrl;
        this.defaultModel = defaultModel;
        this.keyUse = keyUse;
        this.modelHint = modelHint;
    }

    public String displayName() {
        return displayName;
    }

    /** The URL choosing this preset puts in the field; "" for {@link #CUSTOM} (keeps what is there) and offline. */
    public String baseUrl() {
        return baseUrl;
    }

    /** The model choosing this preset puts in the field, "" when the server decides which models there are. */
    public String defaultModel() {
        return defaultModel;
    }

    public KeyUse keyUse() {
        return keyUse;
    }

    /** The model field's prompt text. */
    public String modelHint() {
        return modelHint;
    }

    /** A server on this machine, so "connection refused" means it is not running. */
    boolean isLocalServer() {
        return this == OLLAMA || this == VLLM || this == LM_STUDIO;
    }

    /** Which preset a stored base URL looks like: offline when empty, {@link #CUSTOM} when it is none of them. */
    public static ModelPreset detect(String url) {
        String text = url == null ? "" : url.strip();
        if (text.isEmpty()) {
            return OFFLINE;
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            return CUSTOM;
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (host.equals("api.openai.com")) {
            return OPENAI;
        }
        if (host.endsWith(".openai.azure.com")) {
            return AZURE_OPENAI;
        }
        if (host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]")) {
            for (ModelPreset local : new ModelPreset[] {OLLAMA, VLLM, LM_STUDIO}) {
                if (URI.create(local.baseUrl).getPort() == uri.getPort()) {
                    return local;
                }
            }
        }
        return CUSTOM;
    }

    @Override
    public String toString() {
        return displayName;
    }
}
