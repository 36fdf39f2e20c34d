package io.agentassist.app.settings;

import atlantafx.base.theme.Styles;
import java.io.File;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.collections.FXCollections;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The Settings dialog's content, built in code: sections for the model, the knowledge folders, the database and
 * the agent, and Save / Cancel. Keyboard first: every field has a mnemonic (Alt+letter), Enter saves (except in
 * the multi-line signature), Esc cancels. Open it with {@link #open(Window, SettingsViewModel)}.
 */
public final class SettingsView {
    public static final String STYLESHEET = SettingsView.class.getResource("settings.css").toExternalForm();

    // Ids tests and the window look up.
    public static final String LOAD_PROBLEM_ID = "settings-load-problem";
    public static final String PRESET_ID = "settings-preset";
    public static final String BASE_URL_ID = "settings-base-url";
    public static final String MODEL_ID = "settings-model";
    public static final String API_KEY_ID = "settings-api-key";
    public static final String REMOVE_KEY_ID = "settings-remove-key";
    public static final String TEST_CONNECTION_ID = "settings-test-connection";
    public static final String CONNECTION_RESULT_ID = "settings-connection-result";
    public static final String FOLDERS_ID = "settings-folders";
    public static final String ADD_FOLDER_ID = "settings-add-folder";
    public static final String REMOVE_FOLDER_ID = "settings-remove-folder";
    public static final String REINDEX_ID = "settings-reindex";
    public static final String REINDEX_PROGRESS_ID = "settings-reindex-progress";
    public static final String REINDEX_STATUS_ID = "settings-reindex-status";
    public static final String EMBEDDED_ID = "settings-database-embedded";
    public static final String POSTGRESQL_ID = "settings-database-postgresql";
    public static final String DATABASE_URL_ID = "settings-database-url";
    public static final String TEST_DATABASE_ID = "settings-test-database";
    public static final String DATABASE_RESULT_ID = "settings-database-result";
    public static final String AGENT_NAME_ID = "settings-agent-name";
    public static final String SIGNATURE_ID = "settings-signature";
    public static final String SAVE_MESSAGE_ID = "settings-save-message";
    public static final String SAVE_ID = "settings-save";
    public static final String CANCEL_ID = "settings-cancel";

    // Style classes, see settings.css.
    static final String SETTINGS = "settings";
    static final String FORM = "settings-form";
    static final String SECTION = "settings-section";
    static final String GRID = "settings-grid";
    static final String NOTE = "settings-note";
    static final String PROBLEM = "settings-problem";
    static final String BUTTON_BAR = "settings-buttons";

    private static final double LABEL_WIDTH = 130;

    private final SettingsViewModel model;
    private final Runnable close;

    /** @param close closes the dialog: after Cancel, and once a save succeeded */
    public SettingsView(SettingsViewModel model, Runnable close) {
        this.model = model;
        this.close = close;
    }

    /**
     * Opens the settings as a window-modal dialog over {@code owner} and starts reading them. Give it a new
     * {@link SettingsViewModel} each time; its {@code onSaved} listener hears of every save.
     */
    public static Stage open(Window owner, SettingsViewModel model) {
        var stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("Settings");
        stage.setScene(new Scene(new SettingsView(model, stage::close).build(), 760, 760));
        stage.setMinWidth(560);
        stage.setMinHeight(420);
        model.load();
        stage.show();
        return stage;
    }

    public Parent build() {
        var form = new VBox(modelSection(), knowledgeSection(), databaseSection(), agentSection());
        form.getStyleClass().add(FORM);
        form.disableProperty().bind(model.loadedProperty().not());
        var scroll = new ScrollPane(form);
        scroll.setFitToWidth(true);

        var root = new BorderPane(scroll);
        root.getStyleClass().add(SETTINGS);
        root.getStylesheets().add(STYLESHEET);
        root.setTop(header());
        root.setBottom(buttons());
        return root;
    }

    private VBox header() {
        var title = new Label("Settings");
        title.getStyleClass().add(Styles.TITLE_3);
        var file = new Label();
        file.textProperty().bind(Bindings.concat("Saved in ", model.configFileProperty(),
                ". Environment variables override what is set here."));
        file.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        file.setWrapText(true);
        var problem = new Label();
        problem.setId(LOAD_PROBLEM_ID);
        problem.setWrapText(true);
        problem.getStyleClass().add(PROBLEM);
        problem.textProperty().bind(model.loadProblemProperty());
        showWhenNotEmpty(problem, model.loadProblemProperty());
        var header = new VBox(4, title, file, problem);
        header.getStyleClass().add("settings-header");
        return header;
    }

    // Model

    private VBox modelSection() {
        BooleanBinding offline = Bindings.equal(model.presetProperty(), ModelPreset.OFFLINE);

        var preset = new ComboBox<>(FXCollections.observableArrayList(ModelPreset.values()));
        preset.setId(PRESET_ID);
        preset.setMaxWidth(Double.MAX_VALUE);
        model.presetProperty().subscribe(preset::setValue);
        preset.valueProperty().subscribe(chosen -> {
            if (chosen != null && chosen != model.presetProperty().get()) {
                model.choosePreset(chosen);
            }
        });
        preset.disableProperty().bind(model.field(SettingsField.BASE_URL).editableProperty().not());

        var url = new TextField();
        url.setId(BASE_URL_ID);
        url.textProperty().bindBidirectional(model.baseUrlProperty());
        url.setPromptText("e.g. http://localhost:11434/v1");
        url.disableProperty().bind(offline);

        var modelName = new TextField();
        modelName.setId(MODEL_ID);
        modelName.textProperty().bindBidirectional(model.modelNameProperty());
        modelName.promptTextProperty().bind(Bindings.createStringBinding(
                () -> model.presetProperty().get().modelHint(), model.presetProperty()));
        modelName.disableProperty().bind(offline);

        var key = new PasswordField();
        key.setId(API_KEY_ID);
        key.textProperty().bindBidirectional(model.apiKeyProperty());
        key.promptTextProperty().bind(model.apiKeyPromptProperty());
        key.disableProperty().bind(offline);
        var removeKey = new Button("Remo_ve key");
        removeKey.setId(REMOVE_KEY_ID);
        removeKey.setMinWidth(Region.USE_PREF_SIZE);
        removeKey.setOnAction(event -> model.removeApiKey());
        removeKey.disableProperty().bind(model.keyStoredProperty().not()
                .or(model.field(SettingsField.API_KEY).editableProperty().not()));
        HBox.setHgrow(key, Priority.ALWAYS);
        var keyRow = new HBox(8, key, removeKey);

        var test = new Button("_Test connection");
        test.setId(TEST_CONNECTION_ID);
        test.setMinWidth(Region.USE_PREF_SIZE);
        test.setOnAction(event -> model.testConnection());
        test.disableProperty().bind(offline.or(running(model.modelTestStateProperty())));
        var result = resultLabel(CONNECTION_RESULT_ID, model.modelTestMessageProperty(),
                model.modelTestStateProperty());
        HBox.setHgrow(result, Priority.ALWAYS);
        var testRow = new HBox(10, test, result);
        testRow.setAlignment(Pos.CENTER_LEFT);

        var grid = grid();
        int row = 0;
        row = addRow(grid, row, "_Provider", preset, preset, null);
        row = addRow(grid, row, "Endpoint _URL", url, url, model.field(SettingsField.BASE_URL));
        row = addRow(grid, row, "_Model", modelName, modelName, model.field(SettingsField.MODEL));
        row = addRow(grid, row, "API _key", keyRow, key, model.field(SettingsField.API_KEY));
        grid.add(testRow, 1, row);
        return section("Language model", "Where suggested replies are drafted. Offline, replies are put together "
                + "from the knowledge articles without a model.", grid);
    }

    // Knowledge

    private VBox knowledgeSection() {
        var list = new ListView<>(model.knowledgeFolders());
        list.setId(FOLDERS_ID);
        list.setPrefHeight(120);
        list.setPlaceholder(new Label("No folders yet: add the folders your knowledge articles are in."));

        var add = new Button("_Add folder…");
        add.setId(ADD_FOLDER_ID);
        add.setOnAction(event -> chooseFolder(add));
        var remove = new Button("Remove f_older");
        remove.setId(REMOVE_FOLDER_ID);
        remove.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(event -> {
            Path selected = list.getSelectionModel().getSelectedItem();
            if (selected != null) {
                model.removeFolder(selected);
            }
        });
        var reindex = new Button("Re-_index");
        reindex.setId(REINDEX_ID);
        reindex.setOnAction(event -> model.reindex());
        reindex.disableProperty().bind(running(model.reindexStateProperty()));
        var folderButtons = new VBox(6, add, remove, reindex);
        for (Node node : folderButtons.getChildren()) {
            ((Button) node).setMaxWidth(Double.MAX_VALUE);
        }
        HBox.setHgrow(list, Priority.ALWAYS);
        var folders = new HBox(8, list, folderButtons);

        var progress = new ProgressBar();
        progress.setId(REINDEX_PROGRESS_ID);
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.progressProperty().bind(model.reindexProgressProperty());
        progress.visibleProperty().bind(Bindings.notEqual(model.reindexStateProperty(), TaskState.IDLE));
        progress.managedProperty().bind(progress.visibleProperty());
        var status = resultLabel(REINDEX_STATUS_ID, model.reindexMessageProperty(), model.reindexStateProperty());

        var grid = grid();
        int row = addRow(grid, 0, "_Folders", folders, list, model.field(SettingsField.KNOWLEDGE_FOLDERS));
        grid.add(progress, 1, row++);
        grid.add(status, 1, row);
        return section("Knowledge", "The folders of articles (Markdown, HTML, text, JSON Lines) the co-pilot grounds "
                + "its replies in. Re-index after the articles change.", grid);
    }

    private void chooseFolder(Node anchor) {
        var chooser = new DirectoryChooser();
        chooser.setTitle("Add a folder of knowledge articles");
        File chosen = chooser.showDialog(anchor.getScene().getWindow());
        if (chosen != null) {
            model.addFolder(chosen.toPath());
        }
    }

    // Database

    private VBox databaseSection() {
        var group = new ToggleGroup();
        var embedded = new RadioButton("_Embedded");
        embedded.setId(EMBEDDED_ID);
        embedded.setToggleGroup(group);
        embedded.setUserData(DatabaseChoice.EMBEDDED);
        var where = new Label();
        where.textProperty().bind(Bindings.concat("in ", model.embeddedLocationProperty()));
        where.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        var embeddedRow = new HBox(8, embedded, where);
        embeddedRow.setAlignment(Pos.BASELINE_LEFT);

        var postgres = new RadioButton("Postg_reSQL");
        postgres.setId(POSTGRESQL_ID);
        postgres.setToggleGroup(group);
        postgres.setUserData(DatabaseChoice.POSTGRESQL);
        model.databaseChoiceProperty().subscribe(choice ->
                group.selectToggle(choice == DatabaseChoice.POSTGRESQL ? postgres : embedded));
        group.selectedToggleProperty().subscribe(toggle -> {
            if (toggle != null) {
                model.databaseChoiceProperty().set((DatabaseChoice) toggle.getUserData());
            }
        });
        FieldState state = model.field(SettingsField.DATABASE_URL);
        embedded.disableProperty().bind(state.editableProperty().not());
        postgres.disableProperty().bind(state.editableProperty().not());

        BooleanBinding usesEmbedded = Bindings.equal(model.databaseChoiceProperty(), DatabaseChoice.EMBEDDED);
        var url = new TextField();
        url.setId(DATABASE_URL_ID);
        url.textProperty().bindBidirectional(model.databaseUrlProperty());
        url.setPromptText("jdbc:postgresql://localhost:5432/assist?user=assist&password=...");
        url.disableProperty().bind(usesEmbedded);
        var test = new Button("Test data_base");
        test.setId(TEST_DATABASE_ID);
        test.setMinWidth(Region.USE_PREF_SIZE);
        test.setOnAction(event -> model.testDatabase());
        test.disableProperty().bind(usesEmbedded.or(running(model.databaseTestStateProperty())));
        HBox.setHgrow(url, Priority.ALWAYS);
        var urlRow = new HBox(8, url, test);
        var result = resultLabel(DATABASE_RESULT_ID, model.databaseTestMessageProperty(),
                model.databaseTestStateProperty());
        var restart = new Label("A database change applies when Agent Assist restarts. Test connects and brings "
                + "the tables up to date, as the app does when it starts.");
        restart.setWrapText(true);
        restart.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);

        var grid = grid();
        grid.add(embeddedRow, 1, 0);
        grid.add(postgres, 1, 1);
        int row = addRow(grid, 2, "_JDBC URL", urlRow, url, state);
        grid.add(result, 1, row++);
        grid.add(restart, 1, row);
        return section("Database", "Where tickets, drafts and the approval log are kept. A team shares one "
                + "PostgreSQL database.", grid);
    }

    // Agent

    private VBox agentSection() {
        var name = new TextField();
        name.setId(AGENT_NAME_ID);
        name.textProperty().bindBidirectional(model.agentNameProperty());
        name.setPromptText("How you sign and are addressed, e.g. Ana");
        var signature = new TextArea();
        signature.setId(SIGNATURE_ID);
        signature.textProperty().bindBidirectional(model.agentSignatureProperty());
        signature.setPrefRowCount(4);
        signature.setWrapText(true);
        signature.setPromptText("Kind regards,\nAna — Acme support");

        var grid = grid();
        int row = addRow(grid, 0, "_Name", name, name, model.field(SettingsField.AGENT_NAME));
        addRow(grid, row, "Si_gnature", signature, signature, model.field(SettingsField.AGENT_SIGNATURE));
        return section("Agent", "Your name and the closing of your replies.", grid);
    }

    // Save / Cancel

    private HBox buttons() {
        var message = resultLabel(SAVE_MESSAGE_ID, model.saveMessageProperty(), model.saveStateProperty());
        message.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(message, Priority.ALWAYS);
        var cancel = new Button("Cancel");
        cancel.setId(CANCEL_ID);
        cancel.setCancelButton(true);
        cancel.setOnAction(event -> close.run());
        var save = new Button("_Save");
        save.setId(SAVE_ID);
        save.setDefaultButton(true);
        save.getStyleClass().add(Styles.ACCENT);
        save.setOnAction(event -> model.save());
        save.disableProperty().bind(model.loadedProperty().not().or(running(model.saveStateProperty())));
        model.saveStateProperty().subscribe(state -> {
            if (state == TaskState.SUCCEEDED) {
                close.run();
            }
        });
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        save.setMinWidth(Region.USE_PREF_SIZE);
        var bar = new HBox(8, message, cancel, save);
        bar.setAlignment(Pos.CENTER_RIGHT);
        bar.getStyleClass().add(BUTTON_BAR);
        return bar;
    }

    // Building blocks

    private static VBox section(String title, String description, GridPane grid) {
        var heading = new Label(title);
        heading.getStyleClass().add(Styles.TITLE_4);
        var text = new Label(description);
        text.setWrapText(true);
        text.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        var section = new VBox(6, heading, text, grid);
        section.getStyleClass().add(SECTION);
        return section;
    }

    private static GridPane grid() {
        var grid = new GridPane();
        grid.getStyleClass().add(GRID);
        var labels = new ColumnConstraints(LABEL_WIDTH);
        labels.setHalignment(HPos.RIGHT);
        var controls = new ColumnConstraints();
        controls.setHgrow(Priority.ALWAYS);
        controls.setFillWidth(true);
        grid.getColumnConstraints().addAll(labels, controls);
        return grid;
    }

    /**
     * A labelled row: the label's mnemonic focuses {@code target}; under it, the field's error or the note
     * saying which environment variable sets it (then the field is read-only). Returns the next free row.
     */
    private static int addRow(GridPane grid, int row, String label, Node content, Control target,
            FieldState state) {
        var text = new Label(label);
        text.setMnemonicParsing(true);
        text.setLabelFor(target);
        grid.add(text, 0, row);
        grid.add(content, 1, row);
        if (state == null) {
            return row + 1;
        }
        if (target instanceof TextInputControl input) {
            input.editableProperty().bind(state.editableProperty());
        }
        state.errorProperty().subscribe(error -> target.pseudoClassStateChanged(Styles.STATE_DANGER,
                !error.isEmpty()));
        var note = new Label();
        note.setWrapText(true);
        note.getStyleClass().addAll(NOTE, Styles.TEXT_SMALL);
        note.textProperty().bind(Bindings.createStringBinding(
                () -> state.errorProperty().get().isEmpty() ? state.noteProperty().get() : state.errorProperty().get(),
                state.errorProperty(), state.noteProperty()));
        state.errorProperty().subscribe(error -> {
            note.getStyleClass().removeAll(Styles.DANGER, Styles.TEXT_MUTED);
            note.getStyleClass().add(error.isEmpty() ? Styles.TEXT_MUTED : Styles.DANGER);
        });
        showWhenNotEmpty(note, note.textProperty());
        note.setId(target.getId() == null ? null : target.getId() + "-note");
        grid.add(note, 1, row + 1);
        return row + 2;
    }

    private static Label resultLabel(String id, ReadOnlyStringProperty message,
            ReadOnlyObjectProperty<TaskState> state) {
        var label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.textProperty().bind(message);
        label.setMinWidth(0);
        label.getStyleClass().add(Styles.TEXT_SMALL);
        showWhenNotEmpty(label, message);
        state.subscribe(now -> {
            label.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER, Styles.TEXT_MUTED);
            label.getStyleClass().add(switch (now) {
                case SUCCEEDED -> Styles.SUCCESS;
                case FAILED -> Styles.DANGER;
                case IDLE, RUNNING -> Styles.TEXT_MUTED;
            });
        });
        return label;
    }

    private static void showWhenNotEmpty(Label label, javafx.beans.value.ObservableStringValue text) {
        label.visibleProperty().bind(Bindings.isNotEmpty(text));
        label.managedProperty().bind(label.visibleProperty());
    }

    private static BooleanBinding running(ReadOnlyObjectProperty<TaskState> state) {
        return Bindings.equal(state, TaskState.RUNNING);
    }
}
