package io.agentassist.app.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnowledgeIndexReindexerTest {
    @TempDir
    Path temp;

    @Test
    void foldersWithoutAnyArticleLeaveTheIndexUntouched() throws Exception {
        Path empty = Files.createDirectories(temp.resolve("kb"));
        Files.writeString(empty.resolve("_template.md"), "# template\n\nnot an article\n");
        Path index = temp.resolve("index");
        List<Double> progress = new ArrayList<>();

        assertThatThrownBy(() -> new KnowledgeIndexReindexer(index).reindex(List.of(empty), progress::add))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("no knowledge articles found in " + empty + ": the index was left unchanged")
                .hasMessageContaining("_template.md");
        assertThat(index).doesNotExist();
        assertThat(progress).containsExactly(-1.0);
    }

    @Test
    void anIndexPathThatIsAFileIsRefusedBeforeReading() throws Exception {
        Path kb = Files.createDirectories(temp.resolve("kb"));
        Path file = Files.writeString(temp.resolve("index"), "not a folder");

        assertThatThrownBy(() -> new KnowledgeIndexReindexer(file).reindex(List.of(kb), share -> { }))
                .hasMessage("cannot use " + file + " as the index folder: it is a file");
    }

    @Test
    void theSummaryCountsWhatHappenedAndNamesSkippedFiles() {
        var summary = new ReindexSummary(temp, 1, 3, 1, 0, 0, 2, List.of("a.md: no body text", "b.md: template",
                "c.md: x", "d.md: y"), "", Duration.ofMillis(1250));

        assertThat(summary.message()).isEqualTo("Indexed 1 article (3 passages) in 1.3 s: 1 added, 0 updated, "
                + "0 unchanged, 2 deleted. 4 files skipped: a.md: no body text; b.md: template; c.md: x; …");
    }
}
