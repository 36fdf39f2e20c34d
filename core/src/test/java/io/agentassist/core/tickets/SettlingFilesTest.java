package io.agentassist.core.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SettlingFilesTest {

    static final long MS = 1_000_000;

    final SettlingFiles files = new SettlingFiles(300 * MS);
    final Path file = Path.of("inbox/ticket.json");

    @Test
    void aFileUnchangedForTheSettleTimeIsReady() {
        files.observe(file, new SettlingFiles.Seen(10, 1), 0);

        assertThat(files.takeSettled(299 * MS)).isEmpty();
        assertThat(files.takeSettled(300 * MS)).containsExactly(file);
        assertThat(files.isWatching(file)).isFalse();
    }

    @Test
    void aFileThatKeepsGrowingIsNotReady() {
        files.observe(file, new SettlingFiles.Seen(10, 1), 0);
        files.observe(file, new SettlingFiles.Seen(20, 2), 200 * MS);
        files.observe(file, new SettlingFiles.Seen(30, 3), 400 * MS);

        assertThat(files.takeSettled(600 * MS)).isEmpty();
        assertThat(files.takeSettled(700 * MS)).containsExactly(file);
    }

    @Test
    void seeingTheSameStateAgainDoesNotRestartTheSettleTime() {
        files.observe(file, new SettlingFiles.Seen(10, 1), 0);
        files.observe(file, new SettlingFiles.Seen(10, 1), 250 * MS);

        assertThat(files.takeSettled(300 * MS)).containsExactly(file);
    }

    @Test
    void aFileThatDisappearedIsForgotten() {
        files.observe(file, new SettlingFiles.Seen(10, 1), 0);
        files.observe(file, null, 100 * MS);

        assertThat(files.isEmpty()).isTrue();
        assertThat(files.takeSettled(1000 * MS)).isEmpty();
    }
}
