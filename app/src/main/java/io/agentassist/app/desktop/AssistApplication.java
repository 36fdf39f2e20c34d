package io.agentassist.app.desktop;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import io.agentassist.app.AppDirectories;
import io.agentassist.app.perf.FxStallMonitor;
import io.agentassist.app.review.CoachingView;
import io.agentassist.app.review.LeadModes;
import io.agentassist.app.settings.SettingsView;
import io.agentassist.app.wiring.DesktopWiring;
import io.agentassist.app.workspace.WorkspaceView;
import io.agentassist.core.config.AssistConfig;
import io.agentassist.core.config.AssistConfigLoader;
import io.agentassist.core.config.ConfigException;
import java.lang.management.ManagementFactory;
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

    private DesktopWiring wiring;
    private WorkspaceView view;
    private WindowPreferences preferences;
    private Path preferencesFile;
    private boolean dark;
    private Stage stage;
    private FxStallMonitor stallMonitor;

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
        LOG.info("Window usable {} ms after the JVM started", sinceJvmStart());
        logFirstFrame(scene);
        stage.setOnCloseRequest(event -> remember(stage));
        startStallMonitor();
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
        if (stallMonitor != null) {
            stallMonitor.close();
            FxStallMonitor.Snapshot seen = stallMonitor.snapshot();
            LOG.info("FX stall monitor: {} heartbeats, lateness p50 {} ms, p99 {} ms, max {} ms; {} stalls over {} ms",
                    seen.heartbeats(), seen.p50Millis(), seen.p99Millis(), seen.maxMillis(), seen.stalls(),
                    FxStallMonitor.DEFAULT_THRESHOLD.toMillis());
        }
        if (wiring != null) {
            wiring.close();
        }
    }

    /** Milliseconds since the JVM started: what a cold start costs, launcher and class loading included. */
    public static long sinceJvmStart() {
        return ManagementFactory.getRuntimeMXBean().getUptime();
    }

    /** When the first pulse has laid the window out; its pixels are drawn right after, off the FX thread. */
    private static void logFirstFrame(Scene scene) {
        Runnable once = new Runnable() {
            @Override
            public void run() {
                scene.removePostLayoutPulseListener(this);
                LOG.info("First frame {} ms after the JVM started", sinceJvmStart());
            }
        };
        scene.addPostLayoutPulseListener(once);
        Platform.requestNextPulse();
    }

    /**
     * With {@code ASSIST_STALL_MONITOR=1}, every time the FX thread is held up for more than 50 ms goes to the log
     * with what it was doing. Started once the window is usable: building it is the cold start, measured above.
     */
    private void startStallMonitor() {
        if (FxStallMonitor.requested(System.getenv(), System.getProperty(FxStallMonitor.SYSTEM_PROPERTY))) {
            stallMonitor = FxStallMonitor.start(FxStallMonitor.DEFAULT_INTERVAL, FxStallMonitor.DEFAULT_THRESHOLD,
                    FxStallMonitor.loggingTo(LoggerFactory.getLogger(FxStallMonitor.class)));
            LOG.info("FX stall monitor on: stalls over {} ms are logged with the FX thread's stack",
                    FxStallMonitor.DEFAULT_THRESHOLD.toMillis());
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
