package io.agentassist.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentassist.app.FxToolkit;
import io.agentassist.app.tasks.SameThreadTaskRunner;
import io.agentassist.core.config.AssistConfigLoader;
import io.agentassist.core.llm.ModelConnectionCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Builds the real dialog content on JavaFX's headless platform (set by Surefire). */
class SettingsViewTest {
    private static final String STORED_KEY = "sk-stored-0123456789abcdef";

    @TempDir
    Path home;
    private final Map<String, String> env = new HashMap<>();
    private final AtomicInteger closed = new AtomicInteger();

    private SettingsViewModel model() throws Exception {
        Path file = Files.createDirectories(home.resolve(".config/agent-assist")).resolve("config.properties");
        Files.writeString(file, "llm.base_url = https://api.openai.com/v1\nllm.model = gpt-4o-mini\n"
                + "llm.api_key = " + STORED_KEY + "\nagent.name = Ana\n");
        var model = new SettingsViewModel(new AssistConfigLoader(env, home), home.resolve("data"),
                new SameThreadTaskRunner(), new ModelConnectionCheck(), (folders, progress) -> {
                    throw new AssertionError("no re-index here");
                }, url -> "PostgreSQL", config -> { });
        model.load();
        return model;
    }

    private Parent shown(SettingsViewModel model) throws Exception {
        return FxToolkit.onFxThread(() -> {
            Parent built = new SettingsView(model, closed::incrementAndGet).build();
            new Scene(built, 760, 760);
            built.applyCss();
            built.layout();
            return built;
        });
    }

    private static <T extends Node> T find(Parent root, String id, Class<T> type) {
        Node node = root.lookup("#" + id);
        assertThat(node).as(id).isInstanceOf(type);
        return type.cast(node);
    }

    @Test
    void theDialogHasTheFourSectionsAndEveryControl() throws Exception {
        Parent root = shown(model());

        assertThat(root.lookupAll(".title-4")).extracting(node -> ((Label) node).getText())
                .containsExactly("Language model", "Knowledge", "Database", "Agent");
        for (String id : new String[] {SettingsView.PRESET_ID, SettingsView.BASE_URL_ID, SettingsView.MODEL_ID,
                SettingsView.API_KEY_ID, SettingsView.TEST_CONNECTION_ID, SettingsView.FOLDERS_ID,
                SettingsView.REINDEX_ID, SettingsView.EMBEDDED_ID, SettingsView.POSTGRESQL_ID,
                SettingsView.DATABASE_URL_ID, SettingsView.AGENT_NAME_ID, SettingsView.SIGNATURE_ID,
                SettingsView.SAVE_ID, SettingsView.CANCEL_ID}) {
            assertThat(root.lookup("#" + id)).as(id).isNotNull();
        }
        assertThat(find(root, SettingsView.AGENT_NAME_ID, TextField.class).getText()).isEqualTo("Ana");
        assertThat(find(root, SettingsView.SIGNATURE_ID, TextArea.class)).isNotNull();
    }

    @Test
    void theKeyFieldIsAPasswordFieldAndEmptyEvenWithAStoredKey() throws Exception {
        Parent root = shown(model());

        PasswordField key = find(root, SettingsView.API_KEY_ID, PasswordField.class);
        assertThat(key.getText()).isEmpty();
        assertThat(key.getPromptText()).isEqualTo("A key is stored — leave empty to keep it");
        assertThat(find(root, SettingsView.REMOVE_KEY_ID, Button.class).isDisabled()).isFalse();
        assertThat(root.lookupAll(".label")).noneMatch(node -> ((Label) node).getText().contains(STORED_KEY));
    }

    @Test
    @SuppressWarnings("unchecked")
    void choosingTheOllamaPresetUpdatesTheUrlField() throws Exception {
        SettingsViewModel model = model();
        Parent root = shown(model);

        TextField url = FxToolkit.onFxThread(() -> {
            ComboBox<ModelPreset> preset = (ComboBox<ModelPreset>) root.lookup("#" + SettingsView.PRESET_ID);
            assertThat(preset.getValue()).isEqualTo(ModelPreset.OPENAI);
            preset.setValue(ModelPreset.OLLAMA);
            return (TextField) root.lookup("#" + SettingsView.BASE_URL_ID);
        });

        assertThat(url.getText()).isEqualTo("http://localhost:11434/v1");
        assertThat(find(root, SettingsView.MODEL_ID, TextField.class).getText()).isEqualTo("llama3.1");
        assertThat(model.presetProperty().get()).isEqualTo(ModelPreset.OLLAMA);
    }

    @Test
    void enterSavesAndEscapeCancels() throws Exception {
        Parent root = shown(model());

        Button save = find(root, SettingsView.SAVE_ID, Button.class);
        Button cancel = find(root, SettingsView.CANCEL_ID, Button.class);
        assertThat(save.isDefaultButton()).isTrue();
        assertThat(cancel.isCancelButton()).isTrue();
        assertThat(save.isDisabled()).isFalse();

        FxToolkit.onFxThread(() -> {
            cancel.fire();
            return null;
        });
        assertThat(closed).hasValue(1);
    }

    @Test
    void anEnvironmentOverrideShowsTheFieldReadOnlyWithItsNote() throws Exception {
        env.put("ASSIST_LLM_MODEL", "gpt-4.1-mini");
        Parent root = shown(model());

        TextField modelName = find(root, SettingsView.MODEL_ID, TextField.class);
        assertThat(modelName.getText()).isEqualTo("gpt-4.1-mini");
        assertThat(modelName.isEditable()).isFalse();
        assertThat(find(root, SettingsView.MODEL_ID + "-note", Label.class).getText()).contains("ASSIST_LLM_MODEL");
    }

    @Test
    void anInvalidUrlShowsItsErrorUnderTheFieldAndTheDialogStaysOpen() throws Exception {
        SettingsViewModel model = model();
        Parent root = shown(model);

        FxToolkit.onFxThread(() -> {
            model.choosePreset(ModelPreset.CUSTOM);
            model.baseUrlProperty().set("api.example.com");
            find(root, SettingsView.SAVE_ID, Button.class).fire();
            return null;
        });

        Label note = find(root, SettingsView.BASE_URL_ID + "-note", Label.class);
        assertThat(note.isVisible()).isTrue();
        assertThat(note.getText()).contains("'api.example.com' is not an http(s) URL");
        assertThat(find(root, SettingsView.SAVE_MESSAGE_ID, Label.class).getText()).startsWith("Not saved. Endpoint URL");
        assertThat(closed).hasValue(0);
    }
}
