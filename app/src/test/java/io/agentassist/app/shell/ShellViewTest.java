package io.agentassist.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentassist.app.FxToolkit;
import java.nio.file.Path;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Builds the real window content on JavaFX's headless platform (set by Surefire). */
class ShellViewTest {
    @TempDir
    Path temp;

    @Test
    void theWindowShowsQueueConversationAndCopilotWithAStatusBar() throws Exception {
        var model = new ShellViewModel(temp.resolve("index"));

        Parent root = FxToolkit.onFxThread(() -> {
            Parent built = new ShellView(model).build();
            new Scene(built, 1200, 760); // skins, and so the split pane's items, exist once in a scene
            built.applyCss();
            built.layout();
            return built;
        });

        for (String pane : new String[] {ShellView.QUEUE_ID, ShellView.CONVERSATION_ID, ShellView.COPILOT_ID}) {
            assertThat(root.lookup("#" + pane)).as(pane).isInstanceOf(VBox.class);
        }
        assertThat(((Label) root.lookup("#" + ShellView.COPILOT_ID).lookup(".title-4")).getText())
                .isEqualTo("Co-pilot");
        assertThat(((Label) root.lookup("#" + ShellView.STATUS_ID)).getText())
                .isEqualTo(model.statusTextProperty().get());
    }
}
