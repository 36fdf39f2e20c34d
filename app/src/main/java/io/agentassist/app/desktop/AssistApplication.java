package io.agentassist.app.desktop;

import atlantafx.base.theme.PrimerLight;
import io.agentassist.app.AppDirectories;
import io.agentassist.app.wiring.DesktopWiring;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The desktop window. Started by {@link io.agentassist.app.Launcher}, never as the jar's main class. */
public final class AssistApplication extends Application {
    static final String TITLE = "Agent Assist";

    /** The AtlantaFX theme for every window; the app's own stylesheets use its colour variables. */
    public static void applyTheme() {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    }

    @Override
    public void start(Stage stage) {
        applyTheme();
        var wiring = new DesktopWiring(AppDirectories.forCurrentUser());
        stage.setTitle(TITLE);
        stage.setScene(new Scene(wiring.shellView().build(), 1200, 760));
        stage.setMinWidth(800);
        stage.setMinHeight(500);
        stage.show();
    }
}
