package io.agentassist.app.settings;

import io.agentassist.app.tasks.TaskRunner;
import io.agentassist.core.config.AssistConfig;
import io.agentassist.core.config.AssistConfigLoader;
import io.agentassist.core.config.AssistConfigWriter;
import io.agentassist.core.config.ConfigException;
import io.agentassist.core.llm.ModelConnectionCheck;
import io.agentassist.core.llm.ModelSettings;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Settings screen's state and commands: the model endpoint (with presets, an API key and "test
 * connection"), the knowledge folders (with re-index), the database and the agent's name and signature. They
 * are read from and saved to the config file {@link AssistConfigLoader} reads; environment variables that
 * override a value make its field read-only, with a note naming the variable.
 *
 * <p>The API key stored in the file never reaches a property: the key field holds only what the agent types,
 * starts empty, and its prompt says whether a key is stored. Typing a key replaces the stored one on save,
 * {@link #removeApiKey()} removes it, leaving the field empty keeps it.
 *
 * <p>Everything that touches a file, the network or the index runs through the {@link TaskRunner}; results
 * come back on the UI thread. {@link #save()} checks every field first (a message names the field), writes only
 * the values that changed with {@link AssistConfigWriter} (the rest of the file stays as it was, and a failed
 * write leaves it whole), reads the result back with the loader and hands it to the listener, so the window
 * can switch model at once. A database change takes effect at the next start. One view model serves one
 * dialog: make a new one each time the screen opens.
 */
public final class SettingsViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(SettingsViewModel.class);
    private static final double PROGRESS_STEP = 0.01;
    static final String KEY_STORED_PROMPT = "A key is stored — leave empty to keep it";
    static final String POSTGRESQL_PREFIX = "jdbc:postgresql://";
    private static final String POSTGRESQL_EXAMPLE = "jdbc:postgresql://localhost:5432/assist";

    private final AssistConfigLoader loader;
    private final TaskRunner tasks;
    private final ModelConnectionCheck connectionCheck;
    private final KnowledgeReindexer reindexer;
    private final DatabaseProbe databaseProbe;
    private final Consumer<AssistConfig> onSaved;

    // What the file holds (as last read or written), the API key among it: never shown.
    private Path configFile;
    private Map<String, String> stored = Map.of();
    private List<Path> storedFolders = List.of();
    private Optional<String> fallbackKeyVariable = Optional.empty();
    private boolean removeKey;

    // Properties

    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
    private final ReadOnlyStringWrapper loadProblem = new ReadOnlyStringWrapper(this, "loadProblem", "");
    private final ReadOnlyStringWrapper configFileText = new ReadOnlyStringWrapper(this, "configFile", "");
    private final Map<SettingsField, FieldState> fields = new EnumMap<>(SettingsField.class);

    private final ReadOnlyObjectWrapper<ModelPreset> preset =
            new ReadOnlyObjectWrapper<>(this, "preset", ModelPreset.OFFLINE);
    private final StringProperty baseUrl = new SimpleStringProperty(this, "baseUrl", "");
    private final StringProperty modelName = new SimpleStringProperty(this, "modelName", "");
    private final StringProperty apiKey = new SimpleStringProperty(this, "apiKey", "");
    private final ReadOnlyStringWrapper apiKeyPrompt = new ReadOnlyStringWrapper(this, "apiKeyPrompt", "");
    private final ReadOnlyBooleanWrapper keyStored = new ReadOnlyBooleanWrapper(this, "keyStored");
    private final ReadOnlyObjectWrapper<TaskState> modelTestState =
            new ReadOnlyObjectWrapper<>(this, "modelTestState", TaskState.IDLE);
    private final ReadOnlyStringWrapper modelTestMessage = new ReadOnlyStringWrapper(this, "modelTestMessage", "");

    private final ObservableList<Path> folders = FXCollections.observableArrayList();
    private final ObservableList<Path> foldersView = FXCollections.unmodifiableObservableList(folders);
    private final ReadOnlyObjectWrapper<TaskState> reindexState =
            new ReadOnlyObjectWrapper<>(this, "reindexState", TaskState.IDLE);
    private final ReadOnlyDoubleWrapper reindexProgress = new ReadOnlyDoubleWrapper(this, "reindexProgress", 0);
    private final ReadOnlyStringWrapper reindexMessage = new ReadOnlyStringWrapper(this, "reindexMessage", "");

    private final ObjectProperty<DatabaseChoice> databaseChoice =
            new SimpleObjectProperty<>(this, "databaseChoice", DatabaseChoice.EMBEDDED);
    private final StringProperty databaseUrl = new SimpleStringProperty(this, "databaseUrl", "");
    private final ReadOnlyStringWrapper embeddedLocation = new ReadOnlyStringWrapper(this, "embeddedLocation");
    private final ReadOnlyObjectWrapper<TaskState> databaseTestState =
            new ReadOnlyObjectWrapper<>(this, "databaseTestState", TaskState.IDLE);
    private final ReadOnlyStringWrapper databaseTestMessage =
            new ReadOnlyStringWrapper(this, "databaseTestMessage", "");

    private final StringProperty agentName = new SimpleStringProperty(this, "agentName", "");
    private final StringProperty agentSignature = new SimpleStringProperty(this, "agentSignature", "");

    private final ReadOnlyObjectWrapper<TaskState> saveState =
            new ReadOnlyObjectWrapper<>(this, "saveState", TaskState.IDLE);
    private final ReadOnlyStringWrapper saveMessage = new ReadOnlyStringWrapper(this, "saveMessage", "");

    /**
     * @param loader          reads the config file and knows the environment; also checks values before saving
     * @param dataDir         the app's data folder, where the embedded database lives
     * @param tasks           runs file, network and index work off the UI thread
     * @param connectionCheck "test connection"
     * @param reindexer       "re-index"
     * @param databaseProbe   the database "test"
     * @param onSaved         told the configuration as read back after each successful save, on the UI thread
     */
    public SettingsViewModel(AssistConfigLoader loader, Path dataDir, TaskRunner tasks,
            ModelConnectionCheck connectionCheck, KnowledgeReindexer reindexer, DatabaseProbe databaseProbe,
            Consumer<AssistConfig> onSaved) {
        this.loader = loader;
        this.tasks = tasks;
        this.connectionCheck = connectionCheck;
        this.reindexer = reindexer;
        this.databaseProbe = databaseProbe;
        this.onSaved = onSaved;
        for (SettingsField field : SettingsField.values()) {
            fields.put(field, new FieldState(field));
        }
        embeddedLocation.set(dataDir.toAbsolutePath().normalize().toString());

        baseUrl.addListener((o, was, now) -> modelEdited(SettingsField.BASE_URL));
        modelName.addListener((o, was, now) -> modelEdited(SettingsField.MODEL));
        apiKey.addListener((o, was, now) -> modelEdited(SettingsField.API_KEY));
        databaseUrl.addListener((o, was, now) -> databaseEdited());
        databaseChoice.addListener((o, was, now) -> databaseEdited());
        agentName.addListener((o, was, now) -> {
            field(SettingsField.AGENT_NAME).error("");
            formEdited();
        });
        agentSignature.addListener((o, was, now) -> formEdited());
        folders.addListener((ListChangeListener<Path>) change -> formEdited());
    }

    /** Whether the settings have been read; until then the form shows nothing worth editing. */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** Why the file could not be used as it is ("" when it could), shown above the form. */
    public ReadOnlyStringProperty loadProblemProperty() {
        return loadProblem.getReadOnlyProperty();
    }

    /** The config file the settings are saved to. */
    public ReadOnlyStringProperty configFileProperty() {
        return configFileText.getReadOnlyProperty();
    }

    /** Whether a field can be edited here, which variable sets it otherwise, and what is wrong with it. */
    public FieldState field(SettingsField field) {
        return fields.get(field);
    }

    public ReadOnlyObjectProperty<ModelPreset> presetProperty() {
        return preset.getReadOnlyProperty();
    }

    public StringProperty baseUrlProperty() {
        return baseUrl;
    }

    public StringProperty modelNameProperty() {
        return modelName;
    }

    /** Only a key typed here to replace the stored one; the stored key is never in it. */
    public StringProperty apiKeyProperty() {
        return apiKey;
    }

    /** The key field's prompt: whether a key is stored, comes from the environment, or is needed at all. */
    public ReadOnlyStringProperty apiKeyPromptProperty() {
        return apiKeyPrompt.getReadOnlyProperty();
    }

    /** Whether the file holds a key that saving keeps (false once {@link #removeApiKey()} was asked for). */
    public ReadOnlyBooleanProperty keyStoredProperty() {
        return keyStored.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<TaskState> modelTestStateProperty() {
        return modelTestState.getReadOnlyProperty();
    }

    /** What the last connection test found: "Connected to ... in 84 ms." or why it failed. */
    public ReadOnlyStringProperty modelTestMessageProperty() {
        return modelTestMessage.getReadOnlyProperty();
    }

    /** The knowledge folders, absolute; change them with {@link #addFolder} and {@link #removeFolder}. */
    public ObservableList<Path> knowledgeFolders() {
        return foldersView;
    }

    public ReadOnlyObjectProperty<TaskState> reindexStateProperty() {
        return reindexState.getReadOnlyProperty();
    }

    /** From 0 to 1 while re-indexing; negative while the articles are still being read (not yet known). */
    public ReadOnlyDoubleProperty reindexProgressProperty() {
        return reindexProgress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty reindexMessageProperty() {
        return reindexMessage.getReadOnlyProperty();
    }

    public ObjectProperty<DatabaseChoice> databaseChoiceProperty() {
        return databaseChoice;
    }

    /** The PostgreSQL JDBC URL, used when {@link DatabaseChoice#POSTGRESQL} is chosen. */
    public StringProperty databaseUrlProperty() {
        return databaseUrl;
    }

    /** The data folder the embedded database lives in. */
    public ReadOnlyStringProperty embeddedLocationProperty() {
        return embeddedLocation.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<TaskState> databaseTestStateProperty() {
        return databaseTestState.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty databaseTestMessageProperty() {
        return databaseTestMessage.getReadOnlyProperty();
    }

    public StringProperty agentNameProperty() {
        return agentName;
    }

    /** The closing of a reply; may span lines. */
    public StringProperty agentSignatureProperty() {
        return agentSignature;
    }

    /** {@link TaskState#SUCCEEDED} once saved (the dialog may close), {@link TaskState#FAILED} when not. */
    public ReadOnlyObjectProperty<TaskState> saveStateProperty() {
        return saveState.getReadOnlyProperty();
    }

    /** Why nothing was saved, naming the field; or where it was saved and what needs a restart. */
    public ReadOnlyStringProperty saveMessageProperty() {
        return saveMessage.getReadOnlyProperty();
    }

    // Commands

    /** Reads the config file and the environment in the background; the form fills in when done. */
    public void load() {
        tasks.submit("load settings", this::read, this::apply, failure -> {
            loadProblem.set("The settings cannot be read: " + describe(failure));
            LOG.warn("settings not loaded: {}", describe(failure));
        });
    }

    /** Fills in the preset's URL and model (keeping them for a custom server); offline clears them. */
    public void choosePreset(ModelPreset chosen) {
        if (chosen == null || !editable(SettingsField.BASE_URL)) {
            return;
        }
        preset.set(chosen);
        switch (chosen) {
            case OFFLINE -> {
                baseUrl.set("");
                setIfEditable(SettingsField.MODEL, modelName, "");
            }
            case CUSTOM -> {
                // keep what is there: the agent types the server's address
            }
            default -> {
                baseUrl.set(chosen.baseUrl());
                setIfEditable(SettingsField.MODEL, modelName, chosen.defaultModel());
            }
        }
        clearErrors(SettingsField.BASE_URL, SettingsField.MODEL, SettingsField.API_KEY);
        resetModelTest();
        refreshKeyPrompt();
    }

    /** Removes the stored key when the settings are saved (until then, typing a key replaces it instead). */
    public void removeApiKey() {
        if (!editable(SettingsField.API_KEY)) {
            return;
        }
        removeKey = true;
        apiKey.set("");
        keyStored.set(false);
        refreshKeyPrompt();
    }

    /** Checks the endpoint as the fields say now (the typed key, else the stored one), in the background. */
    public void testConnection() {
        if (modelTestState.get() == TaskState.RUNNING || !loaded.get()) {
            return;
        }
        clearErrors(SettingsField.BASE_URL, SettingsField.MODEL, SettingsField.API_KEY);
        if (effectiveBaseUrl().isEmpty()) {
            modelTestState.set(TaskState.IDLE);
            modelTestMessage.set("Offline: there is no model endpoint to test.");
            return;
        }
        Map<SettingsField, String> problems = modelProblems();
        if (!problems.isEmpty()) {
            showProblems(problems);
            modelTestState.set(TaskState.FAILED);
            modelTestMessage.set(summary(problems));
            return;
        }
        ModelSettings settings;
        try {
            settings = loader.resolve(candidate(changes()), configFile).model();
        } catch (ConfigException e) {
            modelTestState.set(TaskState.FAILED);
            modelTestMessage.set(explain(e));
            return;
        }
        String server = preset.get().isLocalServer() ? preset.get().displayName() : "";
        modelTestState.set(TaskState.RUNNING);
        modelTestMessage.set("Connecting to " + settings.baseUrl() + " …");
        tasks.submit("test model connection", () -> connectionCheck.check(settings, server), report -> {
            modelTestState.set(report.ok() ? TaskState.SUCCEEDED : TaskState.FAILED);
            modelTestMessage.set(report.message());
        }, failure -> {
            modelTestState.set(TaskState.FAILED);
            modelTestMessage.set("The test could not run: " + settings.scrub(describe(failure)));
        });
    }

    /** Adds a folder of knowledge articles (saved with the other settings); a folder already listed is named. */
    public void addFolder(Path folder) {
        Path path = folder.toAbsolutePath().normalize();
        if (folders.contains(path)) {
            field(SettingsField.KNOWLEDGE_FOLDERS).error(path + " is already in the list");
            return;
        }
        field(SettingsField.KNOWLEDGE_FOLDERS).error("");
        folders.add(path);
    }

    public void removeFolder(Path folder) {
        folders.remove(folder);
        field(SettingsField.KNOWLEDGE_FOLDERS).error("");
    }

    /** Brings the knowledge index up to date with the folders listed now, with progress, in the background. */
    public void reindex() {
        if (reindexState.get() == TaskState.RUNNING) {
            return;
        }
        FieldState state = field(SettingsField.KNOWLEDGE_FOLDERS);
        if (folders.isEmpty()) {
            state.error("add a folder of knowledge articles first");
            reindexState.set(TaskState.FAILED);
            reindexMessage.set(SettingsField.KNOWLEDGE_FOLDERS.label() + ": add a folder of knowledge articles first.");
            return;
        }
        state.error("");
        List<Path> chosen = List.copyOf(folders);
        reindexState.set(TaskState.RUNNING);
        reindexProgress.set(-1);
        reindexMessage.set("Reading the articles in " + count(chosen.size(), "folder", "folders") + " …");
        ProgressThrottle throttle = new ProgressThrottle();
        tasks.submit("re-index knowledge folders", () -> reindexer.reindex(chosen, share -> {
            if (throttle.worthShowing(share)) {
                tasks.onUi(() -> showProgress(share));
            }
        }), summary -> {
            reindexProgress.set(1);
            reindexState.set(TaskState.SUCCEEDED);
            reindexMessage.set(summary.message());
        }, failure -> {
            reindexProgress.set(0);
            reindexState.set(TaskState.FAILED);
            reindexMessage.set("Re-index failed: " + describe(failure));
        });
    }

    /** Connects to the PostgreSQL URL in the field, in the background. */
    public void testDatabase() {
        if (databaseTestState.get() == TaskState.RUNNING) {
            return;
        }
        field(SettingsField.DATABASE_URL).error("");
        if (databaseChoice.get() == DatabaseChoice.EMBEDDED) {
            databaseTestState.set(TaskState.IDLE);
            databaseTestMessage.set("The embedded database needs no setup: it lives in " + embeddedLocation.get()
                    + ".");
            return;
        }
        String url = databaseUrl.get().strip();
        Optional<String> problem = url.isEmpty() ? Optional.of(missingDatabaseUrl())
                : url.regionMatches(true, 0, "jdbc:", 0, 5) ? Optional.empty()
                : Optional.of("must start with " + POSTGRESQL_PREFIX + ", e.g. " + POSTGRESQL_EXAMPLE);
        if (problem.isPresent()) {
            showProblems(Map.of(SettingsField.DATABASE_URL, problem.get()));
            databaseTestState.set(TaskState.FAILED);
            databaseTestMessage.set(SettingsField.DATABASE_URL.label() + ": " + problem.get());
            return;
        }
        databaseTestState.set(TaskState.RUNNING);
        databaseTestMessage.set("Connecting …");
        tasks.submit("test database", () -> databaseProbe.connect(url), product -> {
            databaseTestState.set(TaskState.SUCCEEDED);
            databaseTestMessage.set("Connected to " + product + "; the schema is up to date.");
        }, failure -> {
            databaseTestState.set(TaskState.FAILED);
            databaseTestMessage.set(describe(failure));
        });
    }

    /**
     * Checks every field, then writes the values that changed and reads the file back, in the background. A
     * problem stops it before anything is written, with a message that names the field.
     */
    public void save() {
        if (saveState.get() == TaskState.RUNNING || !loaded.get()) {
            return;
        }
        clearErrors(SettingsField.values());
        Map<SettingsField, String> problems = new LinkedHashMap<>(modelProblems());
        problems.putAll(otherProblems());
        if (!problems.isEmpty()) {
            showProblems(problems);
            saveState.set(TaskState.FAILED);
            saveMessage.set("Not saved. " + summary(problems));
            return;
        }
        Map<String, String> changes = changes();
        Map<String, String> candidate = candidate(changes);
        try {
            loader.resolve(candidate, configFile);
        } catch (ConfigException e) {
            saveState.set(TaskState.FAILED);
            saveMessage.set("Not saved. " + explain(e));
            return;
        }
        if (changes.isEmpty()) {
            saveState.set(TaskState.SUCCEEDED);
            saveMessage.set("Nothing to save: the settings are as stored.");
            return;
        }
        boolean databaseChanged = changes.containsKey(AssistConfigLoader.DATABASE_URL);
        Path file = configFile;
        saveState.set(TaskState.RUNNING);
        saveMessage.set("Saving …");
        tasks.submit("save settings", () -> {
            new AssistConfigWriter(file).update(changes);
            try {
                return loader.load();
            } catch (ConfigException e) {
                throw new SavedButUnreadableException(e);
            }
        }, config -> saved(config, candidate, databaseChanged), failure -> {
            saveState.set(TaskState.FAILED);
            saveMessage.set(failure instanceof SavedButUnreadableException unreadable
                    ? "Saved to " + file + ", but it cannot be read back: " + unreadable.getCause().getMessage()
                    : "Not saved: " + describe(failure) + ". The settings file was left as it was.");
        });
    }

    // Loading

    private record Loaded(Path file, Map<String, String> values, List<Path> folders,
            Map<SettingsField, String> overrides, Map<SettingsField, String> overrideValues,
            Optional<String> fallbackKeyVariable, String problem) {
    }

    private Loaded read() throws ConfigException {
        Path file = loader.configFile();
        Map<String, String> values = loader.storedValues(file);
        String problem = "";
        try {
            loader.load();
        } catch (ConfigException e) {
            problem = e.getMessage();
        }
        List<Path> storedFolderList;
        try {
            storedFolderList = loader.knowledgeFolders(values.getOrDefault(AssistConfigLoader.KNOWLEDGE_FOLDERS, ""),
                    file);
        } catch (ConfigException e) {
            storedFolderList = List.of();
            problem = problem.isEmpty() ? e.getMessage() : problem;
        }
        Map<SettingsField, String> overrides = new EnumMap<>(SettingsField.class);
        Map<SettingsField, String> overrideValues = new EnumMap<>(SettingsField.class);
        for (SettingsField field : SettingsField.values()) {
            loader.overriddenBy(field.key()).ifPresent(variable -> overrides.put(field, variable));
            if (field != SettingsField.API_KEY) {
                loader.overrideValue(field.key()).ifPresent(value -> overrideValues.put(field, value));
            }
        }
        return new Loaded(file, values, storedFolderList, overrides, overrideValues, loader.fallbackApiKeyVariable(),
                problem);
    }

    private void apply(Loaded read) {
        configFile = read.file();
        stored = new TreeMap<>(read.values());
        storedFolders = List.copyOf(read.folders());
        fallbackKeyVariable = read.fallbackKeyVariable();
        configFileText.set(read.file().toString());
        loadProblem.set(read.problem().isEmpty() ? ""
                : "The settings file has a problem; fix it here and save. " + read.problem());
        for (SettingsField field : SettingsField.values()) {
            field(field).overriddenBy(read.overrides().getOrDefault(field, ""));
        }
        baseUrl.set(read.overrideValues().getOrDefault(SettingsField.BASE_URL, storedValue(SettingsField.BASE_URL)));
        preset.set(ModelPreset.detect(baseUrl.get()));
        modelName.set(read.overrideValues().getOrDefault(SettingsField.MODEL, storedValue(SettingsField.MODEL)));
        apiKey.set("");
        removeKey = false;
        keyStored.set(!storedValue(SettingsField.API_KEY).isEmpty());
        folders.setAll(storedFolders);
        String database = read.overrideValues().getOrDefault(SettingsField.DATABASE_URL,
                storedValue(SettingsField.DATABASE_URL));
        databaseUrl.set(database);
        databaseChoice.set(database.isEmpty() ? DatabaseChoice.EMBEDDED : DatabaseChoice.POSTGRESQL);
        agentName.set(read.overrideValues().getOrDefault(SettingsField.AGENT_NAME,
                storedValue(SettingsField.AGENT_NAME)));
        agentSignature.set(storedValue(SettingsField.AGENT_SIGNATURE));
        clearErrors(SettingsField.values());
        resetModelTest();
        databaseTestState.set(TaskState.IDLE);
        databaseTestMessage.set("");
        refreshKeyPrompt();
        loaded.set(true);
    }

    // Saving

    private void saved(AssistConfig config, Map<String, String> written, boolean databaseChanged) {
        stored = new TreeMap<>(written);
        storedFolders = List.copyOf(folders);
        removeKey = false;
        apiKey.set("");
        keyStored.set(!storedValue(SettingsField.API_KEY).isEmpty());
        loadProblem.set("");
        refreshKeyPrompt();
        saveState.set(TaskState.SUCCEEDED);
        saveMessage.set("Saved to " + configFile + "."
                + (databaseChanged ? " The database change applies when Agent Assist restarts." : ""));
        try {
            onSaved.accept(config);
        } catch (RuntimeException e) {
            LOG.warn("the settings were saved, but the window could not take them over: {}", e.toString());
        }
    }

    /** Thrown by the save task when the file was written but loading it back failed. */
    private static final class SavedButUnreadableException extends Exception {
        SavedButUnreadableException(ConfigException cause) {
            super(cause.getMessage(), cause);
        }
    }

    /** The config file keys whose value the form changes (a value of "" removes the key). */
    private Map<String, String> changes() {
        Map<String, String> changes = new LinkedHashMap<>();
        boolean offline = preset.get() == ModelPreset.OFFLINE;
        change(changes, SettingsField.BASE_URL, offline ? "" : baseUrl.get().strip());
        if (!offline) {
            // offline leaves the stored model alone: it means nothing without a URL, and may be wanted back
            change(changes, SettingsField.MODEL, modelName.get().strip());
        }
        String typedKey = apiKey.get().strip();
        if (!typedKey.isEmpty()) {
            change(changes, SettingsField.API_KEY, typedKey);
        } else if (removeKey) {
            change(changes, SettingsField.API_KEY, "");
        }
        if (!folders.equals(storedFolders)) {
            changes.put(AssistConfigLoader.KNOWLEDGE_FOLDERS,
                    folders.stream().map(Path::toString).collect(Collectors.joining("\n")));
        }
        change(changes, SettingsField.DATABASE_URL,
                databaseChoice.get() == DatabaseChoice.EMBEDDED ? "" : databaseUrl.get().strip());
        change(changes, SettingsField.AGENT_NAME, agentName.get().strip());
        change(changes, SettingsField.AGENT_SIGNATURE, agentSignature.get().strip());
        return changes;
    }

    private void change(Map<String, String> changes, SettingsField field, String value) {
        if (editable(field) && !value.equals(storedValue(field))) {
            changes.put(field.key(), value);
        }
    }

    /** The file's values with the changes made: what the file will hold. */
    private Map<String, String> candidate(Map<String, String> changes) {
        Map<String, String> candidate = new TreeMap<>(stored);
        changes.forEach((key, value) -> {
            if (value.isEmpty()) {
                candidate.remove(key);
            } else {
                candidate.put(key, value);
            }
        });
        return candidate;
    }

    // Checks

    private Map<SettingsField, String> modelProblems() {
        Map<SettingsField, String> problems = new LinkedHashMap<>();
        ModelPreset chosen = preset.get();
        String url = effectiveBaseUrl();
        if (editable(SettingsField.BASE_URL) && chosen != ModelPreset.OFFLINE) {
            if (url.isEmpty()) {
                problems.put(SettingsField.BASE_URL, "enter the server's address, e.g. http://localhost:8080/v1, "
                        + "or choose Offline");
            } else if (url.contains(ModelPreset.PLACEHOLDER)) {
                problems.put(SettingsField.BASE_URL, "replace " + ModelPreset.PLACEHOLDER
                        + " with the name of your Azure OpenAI resource");
            } else {
                AssistConfigLoader.baseUrlProblem(url).ifPresent(problem -> problems.put(SettingsField.BASE_URL,
                        problem));
            }
        }
        if (editable(SettingsField.MODEL) && !url.isEmpty() && modelName.get().isBlank()) {
            problems.put(SettingsField.MODEL, chosen == ModelPreset.AZURE_OPENAI
                    ? "enter the deployment name" : "enter the model name (" + chosen.modelHint() + ")");
        }
        return problems;
    }

    private Map<SettingsField, String> otherProblems() {
        Map<SettingsField, String> problems = new LinkedHashMap<>();
        ModelPreset chosen = preset.get();
        if (editable(SettingsField.API_KEY) && !effectiveBaseUrl().isEmpty()
                && chosen.keyUse() == ModelPreset.KeyUse.REQUIRED && !anyKey()) {
            problems.put(SettingsField.API_KEY, chosen.displayName() + " needs an API key");
        }
        if (editable(SettingsField.DATABASE_URL) && databaseChoice.get() == DatabaseChoice.POSTGRESQL) {
            String url = databaseUrl.get().strip();
            if (url.isEmpty()) {
                problems.put(SettingsField.DATABASE_URL, missingDatabaseUrl());
            } else if (!url.equals(storedValue(SettingsField.DATABASE_URL))
                    && !url.toLowerCase(Locale.ROOT).startsWith(POSTGRESQL_PREFIX)) {
                problems.put(SettingsField.DATABASE_URL, "must start with " + POSTGRESQL_PREFIX + ", e.g. "
                        + POSTGRESQL_EXAMPLE);
            }
        }
        if (editable(SettingsField.AGENT_NAME) && agentName.get().strip().contains("\n")) {
            problems.put(SettingsField.AGENT_NAME, "must be a single line");
        }
        return problems;
    }

    private static String missingDatabaseUrl() {
        return "enter the PostgreSQL server's JDBC URL, e.g. " + POSTGRESQL_EXAMPLE;
    }

    private boolean anyKey() {
        return !apiKey.get().isBlank() || keyStored.get() || fallbackKeyVariable.isPresent();
    }

    private void showProblems(Map<SettingsField, String> problems) {
        problems.forEach((field, problem) -> field(field).error(problem));
    }

    /** "Endpoint URL: ... (and 2 more problems)". */
    private static String summary(Map<SettingsField, String> problems) {
        Map.Entry<SettingsField, String> first = problems.entrySet().iterator().next();
        String more = problems.size() > 1
                ? " (and " + count(problems.size() - 1, "more problem", "more problems") + ")"
                : "";
        return first.getKey().label() + ": " + first.getValue() + more;
    }

    /** A loader complaint, under the field it is about when the form has that field. */
    private String explain(ConfigException e) {
        Optional<SettingsField> field = SettingsField.forKey(e.key());
        if (field.isPresent()) {
            field(field.get()).error(e.problem());
            return field.get().label() + ": " + e.problem();
        }
        return e.getMessage();
    }

    // Helpers

    private String effectiveBaseUrl() {
        if (editable(SettingsField.BASE_URL) && preset.get() == ModelPreset.OFFLINE) {
            return "";
        }
        return baseUrl.get().strip();
    }

    private boolean editable(SettingsField field) {
        return field(field).editableProperty().get();
    }

    private String storedValue(SettingsField field) {
        return stored.getOrDefault(field.key(), "").strip();
    }

    private void setIfEditable(SettingsField field, StringProperty property, String value) {
        if (editable(field)) {
            property.set(value);
        }
    }

    private void clearErrors(SettingsField... cleared) {
        for (SettingsField field : cleared) {
            field(field).error("");
        }
    }

    private void modelEdited(SettingsField edited) {
        field(edited).error("");
        resetModelTest();
        formEdited();
    }

    /** A "not saved" message about values since edited would mislead: it goes. */
    private void formEdited() {
        if (saveState.get() == TaskState.FAILED) {
            saveState.set(TaskState.IDLE);
            saveMessage.set("");
        }
    }

    private void resetModelTest() {
        if (modelTestState.get() != TaskState.RUNNING) {
            modelTestState.set(TaskState.IDLE);
            modelTestMessage.set("");
        }
    }

    private void databaseEdited() {
        field(SettingsField.DATABASE_URL).error("");
        formEdited();
        if (databaseTestState.get() != TaskState.RUNNING) {
            databaseTestState.set(TaskState.IDLE);
            databaseTestMessage.set("");
        }
    }

    private void refreshKeyPrompt() {
        FieldState key = field(SettingsField.API_KEY);
        ModelPreset chosen = preset.get();
        String prompt;
        if (!key.editableProperty().get()) {
            prompt = "Set by " + key.overriddenByProperty().get();
        } else if (keyStored.get()) {
            prompt = KEY_STORED_PROMPT;
        } else if (removeKey) {
            prompt = "The stored key is removed when you save — or type a new one";
        } else if (fallbackKeyVariable.isPresent()) {
            prompt = "No key stored — " + fallbackKeyVariable.get() + " from the environment is used";
        } else if (chosen == ModelPreset.OFFLINE) {
            prompt = "Not needed offline";
        } else {
            prompt = switch (chosen.keyUse()) {
                case REQUIRED -> "Paste your " + chosen.displayName() + " API key";
                case OPTIONAL -> "Only if the server was started with a key";
                case NONE -> "Not needed for " + chosen.displayName();
            };
        }
        apiKeyPrompt.set(prompt);
    }

    private void showProgress(double share) {
        if (reindexState.get() != TaskState.RUNNING) {
            return;
        }
        reindexProgress.set(share);
        if (share >= 0) {
            reindexMessage.set(String.format(Locale.ROOT, "Indexing … %d%%", Math.round(share * 100)));
        }
    }

    /** Passes on a progress value only when it moved by a percent, so the UI thread is not flooded. */
    private static final class ProgressThrottle {
        private volatile double shown = Double.NaN;

        boolean worthShowing(double share) {
            double last = shown;
            if (Double.isNaN(last) || share < 0 || share >= 1 || share < last || share - last >= PROGRESS_STEP) {
                shown = share;
                return true;
            }
            return false;
        }
    }

    private static String describe(Throwable failure) {
        if (failure instanceof AccessDeniedException denied) {
            return "permission denied for " + denied.getFile();
        }
        if (failure instanceof NoSuchFileException missing) {
            return "no such file or folder: " + missing.getFile();
        }
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
