package io.agentassist.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShellViewModelTest {
    @TempDir
    Path temp;

    @Test
    void withoutAnIndexTheStatusSaysHowToBuildOne() {
        var model = new ShellViewModel(temp.resolve("index"));

        assertThat(model.knowledgeReadyProperty().get()).isFalse();
        assertThat(model.statusTextProperty().get())
                .contains("No knowledge index yet")
                .contains("assist kb index --source")
                .contains(temp.resolve("index").toString());
    }

    @Test
    void refreshNoticesAnIndexBuiltMeanwhile() throws IOException {
        Path index = temp.resolve("index");
        var model = new ShellViewModel(index);

        Files.createDirectories(index);
        Files.writeString(index.resolve("segments_1"), "");
        model.refresh();

        assertThat(model.knowledgeReadyProperty().get()).isTrue();
        assertThat(model.statusTextProperty().get()).isEqualTo("Knowledge index: " + index);
    }
}
