package io.agentassist.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppDirectoriesTest {

    @Test
    void dataLivesUnderLocalShareByDefault() {
        var dirs = AppDirectories.fromEnvironment(Map.of(), "/home/ada");

        assertThat(dirs.dataDir()).isEqualTo(Path.of("/home/ada/.local/share/agent-assist"));
        assertThat(dirs.indexDir()).isEqualTo(Path.of("/home/ada/.local/share/agent-assist/index"));
        assertThat(dirs.logDir()).isEqualTo(Path.of("/home/ada/.local/share/agent-assist/logs"));
    }

    @Test
    void xdgDataHomeMovesTheDataFolder() {
        var dirs = AppDirectories.fromEnvironment(Map.of("XDG_DATA_HOME", "/data/ada"), "/home/ada");

        assertThat(dirs.indexDir()).isEqualTo(Path.of("/data/ada/agent-assist/index"));
    }

    @Test
    void aRelativeXdgDataHomeIsIgnoredAsTheSpecSays() {
        var dirs = AppDirectories.fromEnvironment(Map.of("XDG_DATA_HOME", "relative/dir"), "/home/ada");

        assertThat(dirs.dataDir()).isEqualTo(Path.of("/home/ada/.local/share/agent-assist"));
    }

    @Test
    void assistDataDirOverridesEverything() {
        var dirs = AppDirectories.fromEnvironment(
                Map.of("ASSIST_DATA_DIR", "/srv/assist", "XDG_DATA_HOME", "/data/ada"), "/home/ada");

        assertThat(dirs.indexDir()).isEqualTo(Path.of("/srv/assist/index"));
        assertThat(dirs.logDir()).isEqualTo(Path.of("/srv/assist/logs"));
    }

    @Test
    void aBlankOverrideCountsAsUnset() {
        var dirs = AppDirectories.fromEnvironment(Map.of("ASSIST_DATA_DIR", "  "), "/home/ada");

        assertThat(dirs.dataDir()).isEqualTo(Path.of("/home/ada/.local/share/agent-assist"));
    }
}
