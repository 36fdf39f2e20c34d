package io.agentassist.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ModelPresetTest {

    @Test
    void aStoredUrlIsRecognisedAsThePresetItCameFrom() {
        assertThat(ModelPreset.detect("")).isEqualTo(ModelPreset.OFFLINE);
        assertThat(ModelPreset.detect("https://api.openai.com/v1")).isEqualTo(ModelPreset.OPENAI);
        assertThat(ModelPreset.detect("https://acme-eu.openai.azure.com/openai/v1")).isEqualTo(ModelPreset.AZURE_OPENAI);
        assertThat(ModelPreset.detect("http://localhost:11434/v1")).isEqualTo(ModelPreset.OLLAMA);
        assertThat(ModelPreset.detect("http://127.0.0.1:8000/v1")).isEqualTo(ModelPreset.VLLM);
        assertThat(ModelPreset.detect("http://localhost:1234/v1")).isEqualTo(ModelPreset.LM_STUDIO);
        assertThat(ModelPreset.detect("http://gpu-box:11434/v1")).as("another machine").isEqualTo(ModelPreset.CUSTOM);
        assertThat(ModelPreset.detect("not a url")).isEqualTo(ModelPreset.CUSTOM);
    }

    @Test
    void theAzureTemplateFollowsTheV1UrlOpenAiCompatibleModelDocuments() {
        assertThat(ModelPreset.AZURE_OPENAI.baseUrl())
                .isEqualTo("https://" + ModelPreset.PLACEHOLDER + ".openai.azure.com/openai/v1");
        assertThat(ModelPreset.detect(ModelPreset.AZURE_OPENAI.baseUrl())).isEqualTo(ModelPreset.AZURE_OPENAI);
    }

    @Test
    void presetsShowTheirNamesInTheList() {
        assertThat(ModelPreset.LM_STUDIO).hasToString("LM Studio");
    }
}
