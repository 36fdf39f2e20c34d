package io.agentassist.app.settings;

import static io.agentassist.core.testsupport.FakeResponse.reply;
import static io.agentassist.core.testsupport.FakeResponse.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentassist.app.tasks.SameThreadTaskRunner;
import io.agentassist.core.config.AssistConfig;
import io.agentassist.core.config.AssistConfigLoader;
import io.agentassist.core.llm.ModelConnectionCheck;
import io.agentassist.core.testsupport.FakeOpenAiServer;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.value.ObservableValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every state transition of the Settings screen, on the caller's thread, against real files and a fake model. */
class SettingsViewModelTest {

    private static final String STORED_KEY = "sk-stored-0123456789abcdef";
    private static final String TYPED_KEY = "sk-typed-9876543210fedcba";

    @TempDir
    Path home;
    private Path configFile;
    private final Map<String, String> env = new HashMap<>();
    private final SameThreadTaskRunner tasks = new SameThreadTaskRunner();
    private final List<AssistConfig> saved = new ArrayList<>();
    private KnowledgeReindexer reindexer = (folders, progress) -> {
        throw new AssertionError("no re-index expected");
    };
    private DatabaseProbe databaseProbe = url -> {
        throw new AssertionError("no database test expected");
    };
    private FakeOpenAiServer server;

    @BeforeEach
    void setUp() {
        configFile = home.resolve(".config/agent-assist/config.properties");
        server = FakeOpenAiServer.start();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private void writeConfig(String... lines) throws IOException {
        Files.createDirectories(configFile.getParent());
        Files.writeString(configFile, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    private SettingsViewModel loaded() {
        var model = new SettingsViewModel(new AssistConfigLoader(env, home), home.resolve("data"), tasks,
                new ModelConnectionCheck(Duration.ofSeconds(5)), (folders, progress) -> reindexer.reindex(folders,
                        progress), url -> databaseProbe.connect(url), saved::add);
        model.load();
        assertThat(model.loadedProperty().get()).isTrue();
        return model;
    }

    private static <T> List<T> recorded(ObservableValue<T> value) {
        List<T> seen = new ArrayList<>();
        value.addListener((o, was, now) -> seen.add(now));
        return seen;
    }

    /** Every value of every property the view model offers, field states included, as text. */
    private static List<String> everyPropertyValue(SettingsViewModel model) throws Exception {
        List<String> values = new ArrayList<>();
        for (Method method : SettingsViewModel.class.getMethods()) {
            if (method.getParameterCount() == 0 && ObservableValue.class.isAssignableFrom(method.getReturnType())) {
                values.add(method.getName() + "=" + ((ObservableValue<?>) method.invoke(model)).getValue());
            }
        }
        values.add("knowledgeFolders=" + model.knowledgeFolders());
        for (SettingsField field : SettingsField.values()) {
            FieldState state = model.field(field);
            values.add(field + "=" + state.noteProperty().get() + "|" + state.errorProperty().get() + "|"
                    + state.overriddenByProperty().get());
        }
        return values;
    }

    @Test
    void loadingShowsTheStoredSettingsAndThePresetTheUrlLooksLike() throws Exception {
        writeConfig("llm.base_url = http://localhost:11434/v1", "llm.model = qwen2.5:7b", "agent.name = Ana",
                "agent.signature = Kind regards,\\nAna", "knowledge.folders = ~/kb");

        SettingsViewModel model = loaded();

        assertThat(model.presetProperty().get()).isEqualTo(ModelPreset.OLLAMA);
        assertThat(model.baseUrlProperty().get()).isEqualTo("http://localhost:11434/v1");
        assertThat(model.modelNameProperty().get()).isEqualTo("qwen2.5:7b");
        assertThat(model.agentNameProperty().get()).isEqualTo("Ana");
        assertThat(model.agentSignatureProperty().get()).isEqualTo("Kind regards,\nAna");
        assertThat(model.knowledgeFolders()).containsExactly(home.resolve("kb"));
        assertThat(model.databaseChoiceProperty().get()).isEqualTo(DatabaseChoice.EMBEDDED);
        assertThat(model.embeddedLocationProperty().get()).isEqualTo(home.resolve("data").toString());
        assertThat(model.configFileProperty().get()).isEqualTo(configFile.toString());
        assertThat(model.loadProblemProperty().get()).isEmpty();
        assertThat(tasks.ran()).containsExactly("load settings");
    }

    @Test
    void choosingAPresetFillsInItsUrlAndModel() {
        SettingsViewModel model = loaded();
        assertThat(model.presetProperty().get()).as("nothing configured").isEqualTo(ModelPreset.OFFLINE);

        model.choosePreset(ModelPreset.OLLAMA);
        assertThat(model.baseUrlProperty().get()).isEqualTo("http://localhost:11434/v1");
        assertThat(model.modelNameProperty().get()).isEqualTo("llama3.1");
        assertThat(model.apiKeyPromptProperty().get()).isEqualTo("Not needed for Ollama");

        model.choosePreset(ModelPreset.LM_STUDIO);
        assertThat(model.baseUrlProperty().get()).isEqualTo("http://localhost:1234/v1");
        assertThat(model.modelNameProperty().get()).as("LM Studio serves what is loaded").isEmpty();

        model.choosePreset(ModelPreset.OPENAI);
        assertThat(model.baseUrlProperty().get()).isEqualTo("https://api.openai.com/v1");
        assertThat(model.modelNameProperty().get()).isEqualTo("gpt-4o-mini");
        assertThat(model.apiKeyPromptProperty().get()).isEqualTo("Paste your OpenAI API key");

        model.baseUrlProperty().set("https://gateway.example/v1");
        model.choosePreset(ModelPreset.CUSTOM);
        assertThat(model.baseUrlProperty().get()).as("custom keeps what is typed").isEqualTo("https://gateway.example/v1");

        model.choosePreset(ModelPreset.OFFLINE);
        assertThat(model.baseUrlProperty().get()).isEmpty();
        assertThat(model.presetProperty().get()).isEqualTo(ModelPreset.OFFLINE);
    }

    @Test
    void anEnvironmentVariableMakesItsFieldReadOnlyAndSavingLeavesTheFileValueAlone() throws Exception {
        writeConfig("llm.base_url = http://localhost:11434/v1", "llm.model = llama3.1", "agent.name = Ana");
        env.put("ASSIST_LLM_MODEL", "qwen2.5:14b");

        SettingsViewModel model = loaded();
        FieldState modelField = model.field(SettingsField.MODEL);

        assertThat(model.modelNameProperty().get()).as("the value in use").isEqualTo("qwen2.5:14b");
        assertThat(modelField.editableProperty().get()).isFalse();
        assertThat(modelField.overriddenByProperty().get()).isEqualTo("ASSIST_LLM_MODEL");
        assertThat(modelField.noteProperty().get()).contains("ASSIST_LLM_MODEL", "unset it");
        assertThat(model.field(SettingsField.BASE_URL).editableProperty().get()).isTrue();

        model.choosePreset(ModelPreset.OPENAI);
        assertThat(model.modelNameProperty().get()).as("a preset does not touch it").isEqualTo("qwen2.5:14b");
        model.agentNameProperty().set("Bo");
        model.apiKeyProperty().set(TYPED_KEY);
        model.save();

        assertThat(model.saveStateProperty().get()).isEqualTo(TaskState.SUCCEEDED);
        assertThat(Files.readString(configFile)).contains("llm.model = llama3.1", "agent.name = Bo",
                "llm.base_url = https://api.openai.com/v1");
        assertThat(saved).singleElement().satisfies(config -> assertThat(config.model().modelName())
                .isEqualTo("qwen2.5:14b"));
    }

    @Test
    void theStoredKeyIsNeverInAPropertyAndThePromptSaysOneIsStored() throws Exception {
        writeConfig("llm.base_url = https://api.openai.com/v1", "llm.model = gpt-4o-mini", "llm.api_key = " + STORED_KEY);
        server.requireApiKey(STORED_KEY).listModels("gpt-4o-mini").enqueue(reply("OK"));

        SettingsViewModel model = loaded();

        assertThat(model.apiKeyProperty().get()).isEmpty();
        assertThat(model.keyStoredProperty().get()).isTrue();
        assertThat(model.apiKeyPromptProperty().get()).isEqualTo("A key is stored — leave empty to keep it");
        assertThat(everyPropertyValue(model)).noneMatch(value -> value.contains(STORED_KEY));

        model.choosePreset(ModelPreset.CUSTOM);
        model.baseUrlProperty().set(server.baseUrl());
        model.testConnection();
        assertThat(model.modelTestStateProperty().get()).as("the stored key was sent").isEqualTo(TaskState.SUCCEEDED);
        model.agentNameProperty().set("Ana");
        model.save();
        assertThat(model.saveStateProperty().get()).isEqualTo(TaskState.SUCCEEDED);

        assertThat(everyPropertyValue(model)).noneMatch(value -> value.contains(STORED_KEY));
        assertThat(Files.readString(configFile)).as("an empty field keeps the key").contains("llm.api_key = " + STORED_KEY);
    }

    @Test
    void typingAKeyReplacesTheStoredOneAndRemoveKeyDeletesIt() throws Exception {
        writeConfig("llm.base_url = http://localhost:8000/v1", "llm.model = m", "llm.api_key = " + STORED_KEY);
        SettingsViewModel model = loaded();

        model.apiKeyProperty().set(TYPED_KEY);
        model.save();

        assertThat(Files.readString(configFile)).contains("llm.api_key = " + TYPED_KEY).doesNotContain(STORED_KEY);
        assertThat(model.apiKeyProperty().get()).as("cleared once saved").isEmpty();
        assertThat(saved.getLast().model().apiKey()).isEqualTo(TYPED_KEY);

        model.removeApiKey();
        assertThat(model.keyStoredProperty().get()).isFalse();
        assertThat(model.apiKeyPromptProperty().get()).contains("removed when you save");
        model.save();

        assertThat(Files.readString(configFile)).doesNotContain("llm.api_key");
        assertThat(saved.getLast().model().hasApiKey()).isFalse();
        assertThat(model.apiKeyPromptProperty().get()).isEqualTo("Only if the server was started with a key");
    }

    @Test
    void testConnectionGoesFromRunningToOkWithTheLatency() throws Exception {
        server.listModels("llama3.1:latest").enqueue(reply("OK"));
        writeConfig("llm.base_url = " + server.baseUrl(), "llm.model = llama3.1");
        SettingsViewModel model = loaded();
        List<TaskState> states = recorded(model.modelTestStateProperty());

        model.testConnection();

        assertThat(states).containsExactly(TaskState.RUNNING, TaskState.SUCCEEDED);
        assertThat(model.modelTestMessageProperty().get()).startsWith("Connected to " + server.baseUrl())
                .containsPattern("answered in \\d+ ms");
        assertThat(tasks.ran()).contains("test model connection");
    }

    @Test
    void testConnectionFailsWithTheReasonAndWithoutTheTypedKey() throws Exception {
        server.requireApiKey(STORED_KEY);
        writeConfig("llm.base_url = " + server.baseUrl(), "llm.model = gpt-4o-mini");
        SettingsViewModel model = loaded();
        List<TaskState> states = recorded(model.modelTestStateProperty());

        model.apiKeyProperty().set(TYPED_KEY);
        model.testConnection();

        assertThat(states).containsExactly(TaskState.RUNNING, TaskState.FAILED);
        assertThat(model.modelTestMessageProperty().get()).startsWith("401 Unauthorized: the API key was refused")
                .doesNotContain(TYPED_KEY);
        assertThat(server.lastRequest().header("Authorization")).as("the typed key is tried before saving")
                .contains("Bearer " + TYPED_KEY);
    }

    @Test
    void testConnectionToAServerThatIsNotRunningAsksWhetherItRuns() throws Exception {
        int port;
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        SettingsViewModel model = loaded();
        model.choosePreset(ModelPreset.OLLAMA);
        model.baseUrlProperty().set("http://127.0.0.1:" + port + "/v1");

        model.testConnection();

        assertThat(model.modelTestStateProperty().get()).isEqualTo(TaskState.FAILED);
        assertThat(model.modelTestMessageProperty().get()).isEqualTo(
                "connection refused at http://127.0.0.1:" + port + "/v1 — is Ollama running?");
    }

    @Test
    void testConnectionWithAnInvalidUrlNamesTheFieldAndCallsNothing() {
        SettingsViewModel model = loaded();
        model.choosePreset(ModelPreset.CUSTOM);
        model.baseUrlProperty().set("localhost:11434");
        model.modelNameProperty().set("m");

        model.testConnection();

        assertThat(model.modelTestStateProperty().get()).isEqualTo(TaskState.FAILED);
        assertThat(model.modelTestMessageProperty().get()).startsWith("Endpoint URL: 'localhost:11434' is not");
        assertThat(tasks.ran()).doesNotContain("test model connection");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void editingTheUrlAfterATestClearsItsResult() throws Exception {
        server.enqueue(reply("OK"));
        writeConfig("llm.base_url = " + server.baseUrl(), "llm.model = m");
        SettingsViewModel model = loaded();
        model.testConnection();

        model.baseUrlProperty().set(server.baseUrl() + "/");

        assertThat(model.modelTestStateProperty().get()).isEqualTo(TaskState.IDLE);
        assertThat(model.modelTestMessageProperty().get()).isEmpty();
    }

    @Test
    void saveWritesTheChangedValuesKeepsTheRestOfTheFileAndTellsTheListener() throws Exception {
        writeConfig("# my settings", "index.dir = ~/idx", "team.colour = teal", "agent.name = Ana",
                "knowledge.folders = ~/kb");
        SettingsViewModel model = loaded();
        List<TaskState> states = recorded(model.saveStateProperty());

        model.choosePreset(ModelPreset.OLLAMA);
        model.agentNameProperty().set("Ana Ruiz");
        model.agentSignatureProperty().set("Kind regards,\n  Ana Ruiz\nAcme support");
        model.save();

        assertThat(states).containsExactly(TaskState.RUNNING, TaskState.SUCCEEDED);
        assertThat(model.saveMessageProperty().get()).isEqualTo("Saved to " + configFile + ".");
        assertThat(Files.readString(configFile)).startsWith("# my settings\nindex.dir = ~/idx\nteam.colour = teal\n"
                + "agent.name = Ana Ruiz\nknowledge.folders = ~/kb\n");
        AssistConfig config = saved.getFirst();
        assertThat(config.model().baseUrl()).isEqualTo("http://localhost:11434/v1");
        assertThat(config.model().modelName()).isEqualTo("llama3.1");
        assertThat(config.agentName()).isEqualTo("Ana Ruiz");
        assertThat(config.agentSignature()).isEqualTo("Kind regards,\n  Ana Ruiz\nAcme support");
        assertThat(config.knowledgeFolders()).containsExactly(home.resolve("kb"));
        assertThat(tasks.ran()).containsExactly("load settings", "save settings");
    }

    @Test
    void savingWithoutAnyConfigFileCreatesIt() throws Exception {
        SettingsViewModel model = loaded();

        model.agentNameProperty().set("Ana");
        model.save();

        assertThat(Files.readString(configFile)).contains("agent.name = Ana");
        assertThat(saved).singleElement().satisfies(config -> assertThat(config.file()).contains(configFile));
    }

    @Test
    void saveWithNothingChangedWritesNothing() {
        SettingsViewModel model = loaded();

        model.save();

        assertThat(model.saveStateProperty().get()).isEqualTo(TaskState.SUCCEEDED);
        assertThat(model.saveMessageProperty().get()).startsWith("Nothing to save");
        assertThat(configFile).doesNotExist();
        assertThat(saved).isEmpty();
    }

    @Test
    void anInvalidUrlBlocksSaveWithAMessageNamingTheField() throws Exception {
        writeConfig("agent.name = Ana");
        byte[] before = Files.readAllBytes(configFile);
        SettingsViewModel model = loaded();

        model.choosePreset(ModelPreset.CUSTOM);
        model.baseUrlProperty().set("localhost:11434/v1");
        model.modelNameProperty().set("llama3.1");
        model.agentNameProperty().set("Bo");
        model.save();

        assertThat(model.saveStateProperty().get()).isEqualTo(TaskState.FAILED);
        assertThat(model.saveMessageProperty().get()).startsWith("Not saved. Endpoint URL: 'localhost:11434/v1' is not "
                + "an http(s) URL with a host");
        assertThat(model.field(SettingsField.BASE_URL).errorProperty().get()).startsWith("'localhost:11434/v1' is not");
        assertThat(Files.readAllBytes(configFile)).isEqualTo(before);
        assertThat(saved).isEmpty();
        assertThat(tasks.ran()).doesNotContain("save settings");

        model.baseUrlProperty().set("http://localhost:11434/v1");
        assertThat(model.field(SettingsField.BASE_URL).errorProperty().get()).as("editing clears it").isEmpty();
        assertThat(model.saveMessageProperty().get()).as("and the stale message").isEmpty();
        assertThat(model.saveStateProperty().get()).isEqualTo(TaskState.IDLE);
    }

    @Test
    void everyMissingValueIsNamedAndTheFirstLeadsTheMessage() {
        SettingsViewModel model = loaded();

        model.choosePreset(ModelPreset.AZURE_OPENAI);
        model.databaseChoiceProperty().set(DatabaseChoice.POSTGRESQL);
        model.databaseUrlProperty().set("postgresql://db/assist");
        model.save();

        assertThat(model.saveMessageProperty().get()).isEqualTo("Not saved. Endpoint URL: replace YOUR-RESOURCE "
                + "with the name of your Azure OpenAI resource (and 3 more problems)");
        assertThat(model.field(SettingsField.MODEL).errorProperty().get()).isEqualTo("enter the deployment name");
        assertThat(model.field(SettingsField.API_KEY).errorProperty().get()).isEqualTo("Azure OpenAI needs an API key");
        assertThat(model.field(SettingsField.DATABASE_URL).errorProperty().get())
                .startsWith("must start with jdbc:postgresql://");
    }

    @Test
    void aKeyFromOpenAiApiKeyIsEnoughForOpenAi() {
        env.put("OPENAI_API_KEY", STORED_KEY);
        SettingsViewModel model = loaded();

        model.choosePreset(ModelPreset.OPENAI);
        assertThat(model.apiKeyPromptProperty().get()).contains("OPENAI_API_KEY from the environment is used");
        model.save();

        assertThat(model.saveStateProperty().get()).isEqualTo(TaskState.SUCCEEDED);
        assertThat(saved.getFirst().model().apiKey()).isEqualTo(STORED_KEY);
        assertThat(configFile).content().doesNotContain(STORED_KEY);
    }

    @Test
    void aPostgresqlUrlIsSavedWithANoteThatItAppliesAfterARestart() throws Exception {
        SettingsViewModel model = loaded();

        model.databaseChoiceProperty().set(DatabaseChoice.POSTGRESQL);
        model.databaseUrlProperty().set("jdbc:postgresql://db.example:5432/assist");
        model.save();

        assertThat(model.saveMessageProperty().get()).endsWith("The database change applies when Agent Assist restarts.");
        assertThat(saved.getFirst().databaseUrl()).contains("jdbc:postgresql://db.example:5432/assist");

        model.databaseChoiceProperty().set(DatabaseChoice.EMBEDDED);
        model.save();
        assertThat(Files.readString(configFile)).doesNotContain("database.url");
        assertThat(saved.getLast().databaseUrl()).isEmpty();
    }

    @Test
    void aFailedSaveNamesTheProblemAndKeepsThePreviousFile() throws Exception {
        writeConfig("# keep me", "llm.api_key = " + STORED_KEY, "agent.name = Ana");
        byte[] before = Files.readAllBytes(configFile);
        SettingsViewModel model = loaded();

        model.agentSignatureProperty().set("broken \uD800 paste");
        model.save();

        assertThat(model.saveStateProperty().get()).isEqualTo(TaskState.FAILED);
        assertThat(model.saveMessageProperty().get()).startsWith("Not saved: cannot write " + configFile)
                .contains("broken character").endsWith("The settings file was left as it was.");
        assertThat(Files.readAllBytes(configFile)).isEqualTo(before);
        assertThat(saved).isEmpty();
    }

    @Test
    void aConfigFileTheLoaderRefusesOpensForFixing() throws Exception {
        writeConfig("llm.base_url = localhost:11434", "llm.model = llama3.1", "llm.api_key = " + STORED_KEY);
        SettingsViewModel model = loaded();

        assertThat(model.loadProblemProperty().get()).startsWith("The settings file has a problem; fix it here")
                .contains("llm.base_url", "'localhost:11434'").doesNotContain(STORED_KEY);
        assertThat(model.baseUrlProperty().get()).isEqualTo("localhost:11434");
        assertThat(model.presetProperty().get()).isEqualTo(ModelPreset.CUSTOM);
        assertThat(model.keyStoredProperty().get()).isTrue();

        model.baseUrlProperty().set("http://localhost:11434/v1");
        model.save();

        assertThat(model.saveStateProperty().get()).isEqualTo(TaskState.SUCCEEDED);
        assertThat(model.loadProblemProperty().get()).isEmpty();
        assertThat(saved.getFirst().model().apiKey()).isEqualTo(STORED_KEY);
    }

    @Test
    void reindexProgressReachesOneOnASmallFolderOfMarkdownFiles() throws Exception {
        Path kb = Files.createDirectories(home.resolve("kb"));
        Files.writeString(kb.resolve("refunds.md"), """
                ---
                title: Refunds
                ---
                Refunds reach your card within 5 to 7 working days of the return being checked.
                """);
        Files.writeString(kb.resolve("delivery.md"), """
                ---
                title: Delivery times
                ---
                Standard delivery takes 2 to 4 working days; express delivery arrives the next working day.
                """);
        Path indexDir = home.resolve("data/index");
        reindexer = new KnowledgeIndexReindexer(indexDir);
        SettingsViewModel model = loaded();
        List<TaskState> states = recorded(model.reindexStateProperty());
        List<Number> progress = recorded(model.reindexProgressProperty());

        model.addFolder(kb);
        model.reindex();

        assertThat(states).containsExactly(TaskState.RUNNING, TaskState.SUCCEEDED);
        assertThat(progress).first().isEqualTo(-1.0);
        assertThat(progress).last().isEqualTo(1.0);
        List<Double> known = progress.stream().map(Number::doubleValue).filter(share -> share >= 0).toList();
        assertThat(known).isSortedAccordingTo(Double::compare).allSatisfy(share -> assertThat(share).isBetween(0.0, 1.0));
        assertThat(model.reindexMessageProperty().get()).startsWith("Indexed 2 articles").contains("2 added");
        assertThat(indexDir).isNotEmptyDirectory();
        assertThat(tasks.ran()).contains("re-index knowledge folders");
    }

    @Test
    void reindexWithoutFoldersNamesTheField() {
        SettingsViewModel model = loaded();

        model.reindex();

        assertThat(model.reindexStateProperty().get()).isEqualTo(TaskState.FAILED);
        assertThat(model.reindexMessageProperty().get()).isEqualTo("Knowledge folders: add a folder of knowledge "
                + "articles first.");
        assertThat(tasks.ran()).doesNotContain("re-index knowledge folders");
    }

    @Test
    void aFailedReindexSaysWhyAndResetsTheProgress() {
        reindexer = new KnowledgeIndexReindexer(home.resolve("data/index"));
        SettingsViewModel model = loaded();

        model.addFolder(home.resolve("no-such-folder"));
        model.reindex();

        assertThat(model.reindexStateProperty().get()).isEqualTo(TaskState.FAILED);
        assertThat(model.reindexMessageProperty().get()).isEqualTo("Re-index failed: knowledge folder not found: "
                + home.resolve("no-such-folder"));
        assertThat(model.reindexProgressProperty().get()).isZero();
    }

    @Test
    void foldersAreAddedOnceRemovedAndSavedOnePerLine() throws Exception {
        SettingsViewModel model = loaded();
        Path policies = home.resolve("kb/policies");
        Path faq = home.resolve("kb/faq");

        model.addFolder(policies);
        model.addFolder(faq);
        model.addFolder(home.resolve("kb/./policies"));
        assertThat(model.field(SettingsField.KNOWLEDGE_FOLDERS).errorProperty().get())
                .isEqualTo(policies + " is already in the list");
        model.addFolder(home.resolve("kb/old"));
        model.removeFolder(home.resolve("kb/old"));
        model.save();

        assertThat(model.knowledgeFolders()).containsExactly(policies, faq);
        assertThat(saved.getFirst().knowledgeFolders()).containsExactly(policies, faq);
        assertThat(loaded().knowledgeFolders()).as("read back").containsExactly(policies, faq);
    }

    @Test
    void theDatabaseTestReportsWhatAnsweredOrWhy() {
        AtomicReference<String> tested = new AtomicReference<>();
        databaseProbe = url -> {
            tested.set(url);
            if (url.contains("down")) {
                throw new IllegalStateException("cannot open database " + url + ": Connection refused");
            }
            return "PostgreSQL 18.6";
        };
        SettingsViewModel model = loaded();
        List<TaskState> states = recorded(model.databaseTestStateProperty());

        model.databaseChoiceProperty().set(DatabaseChoice.POSTGRESQL);
        model.databaseUrlProperty().set("jdbc:postgresql://db:5432/assist");
        model.testDatabase();
        assertThat(model.databaseTestMessageProperty().get()).isEqualTo("Connected to PostgreSQL 18.6; the schema is "
                + "up to date.");

        model.databaseUrlProperty().set("jdbc:postgresql://down:5432/assist");
        model.testDatabase();

        assertThat(states).containsExactly(TaskState.RUNNING, TaskState.SUCCEEDED, TaskState.IDLE, TaskState.RUNNING,
                TaskState.FAILED);
        assertThat(model.databaseTestMessageProperty().get()).contains("down:5432", "Connection refused");
        assertThat(tested.get()).isEqualTo("jdbc:postgresql://down:5432/assist");
    }

    @Test
    void theEmbeddedDatabaseNeedsNoTest() {
        SettingsViewModel model = loaded();

        model.testDatabase();

        assertThat(model.databaseTestStateProperty().get()).isEqualTo(TaskState.IDLE);
        assertThat(model.databaseTestMessageProperty().get()).contains(home.resolve("data").toString());
        assertThat(tasks.ran()).doesNotContain("test database");
    }
}
