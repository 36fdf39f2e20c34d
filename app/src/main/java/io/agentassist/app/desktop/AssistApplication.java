package io.agentassist.app.desktop;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import io.agentassist.app.AppDirectories;
import io.agentassist.app.review.CoachingView;
import io.agentassist.app.review.LeadModes;
import io.agentassist.app.settings.SettingsView;
import io.agentassist.app.wiring.DesktopWiring;
import io.agentassist.app.workspace.WorkspaceView;
import io.agentassist.core.config.AssistConfig;
import io.agentassist.core.config.AssistConfigLoader;
import io.agentassist.core.config.ConfigException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The desktop window. Started by {@link io.agentassist.app.Launcher}, never as the jar's main class. */
public final class AssistApplication extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(AssistApplication.class);
    static final String TITLE = "Agent Assist";
    /** Set by the launcher's JVM start, read to report how long a cold start takes. */
    private static final long LAUNCHED_AT = System.nanoTime();

    private DesktopWiring wiring;
    private WorkspaceView view;
    private WindowPreferences preferences;
    private Path preferencesFile;
    private boolean dark;
    private Stage stage;

    /** The AtlantaFX theme for every window; the app's own stylesheets use its colour variables. */
    public static void applyTheme() {
        applyTheme(false);
    }

    public static void applyTheme(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    @Override
    public void start(Stage stage) {
        this.stage = stage;
        AppDirectories directories = AppDirectories.forCurrentUser();
        preferencesFile = directories.dataDir().resolve("window.properties");
        preferences = WindowPreferences.load(preferencesFile);
        dark = preferences.dark();
        applyTheme(dark);
        Optional<String> configProblem = Optional.empty();
        AssistConfig config;
        try {
            config = AssistConfigLoader.forCurrentUser().load();
        } catch (ConfigException e) {
            configProblem = Optional.of(e.getMessage());
            config = AssistConfig.defaults();
        }
        wiring = new DesktopWiring(directories, config, Clock.systemDefaultZone());
        view = new WorkspaceView(wiring.workspace(), wiring.knowledge(), this::openSettings, this::toggleTheme);
        var scene = new Scene(view.build(), preferences.width(), preferences.height());
        view.installShortcuts(scene);
        var coaching = new CoachingView(wiring.coaching(), java.time.ZoneId.systemDefault());
        view.addCopilotCard(coaching.card());
        view.addHeaderControl(coaching.myCoachingButton());
        if (wiring.lead()) {
            var modes = new LeadModes(view, wiring.review(), wiring.dashboard());
            modes.install();
            modes.installShortcuts(scene);
        }
        stage.setTitle(TITLE);
        stage.setScene(scene);
        stage.setMinWidth(900);
        stage.setMinHeight(560);
        if (!Double.isNaN(preferences.x()) && !Double.isNaN(preferences.y())) {
            stage.setX(preferences.x());
            stage.setY(preferences.y());
        }
        stage.setMaximized(preferences.maximized());
        stage.show();
        view.restoreDividers(preferences.dividers());
        wiring.start();
        view.focusQueue();
        LOG.info("Window usable {} ms after the JVM started", (System.nanoTime() - LAUNCHED_AT) / 1_000_000);
        Platform.runLater(() -> LOG.info("First frame {} ms after the JVM started",
                (System.nanoTime() - LAUNCHED_AT) / 1_000_000));
        stage.setOnCloseRequest(event -> remember(stage));
        configProblem.ifPresent(problem -> {
            var alert = new Alert(Alert.AlertType.ERROR, problem + "\n\nThe application runs on its defaults (offline) "
                    + "until the file is fixed.");
            alert.initOwner(stage);
            alert.setHeaderText("The configuration file has a mistake");
            alert.show();
        });
    }

    @Override
    public void stop() {
        if (wiring != null) {
            wiring.close();
        }
    }

    private void remember(Stage stage) {
        new WindowPreferences(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), stage.isMaximized(),
                view.dividerPositions(), dark).save(preferencesFile);
    }

    private void toggleTheme() {
        dark = !dark;
        applyTheme(dark);
    }

    private void openSettings() {
        SettingsView.open(stage, wiring.settings(wiring::configurationChanged));
    }
}
