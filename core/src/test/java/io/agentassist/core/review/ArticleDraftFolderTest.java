package io.agentassist.core.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticleDraftFolderTest {
    @TempDir
    Path temp;

    static GapArticle article(String markdown) {
        return new GapArticle(1, "When will my card arrive?", "gap-2026-03-09-when-will-my-card-arrive.md", markdown,
                "offline", Optional.empty());
    }

    @Test
    void aDraftIsWrittenOnceInUtf8AndNeverOverwritten() throws Exception {
        ArticleDraftFolder drafts = new ArticleDraftFolder(temp.resolve("drafts"), List.of(temp.resolve("kb")));

        Path file = drafts.save(article("# Où est ma carte ?\n"));

        assertThat(file).isEqualTo(temp.resolve("drafts/gap-2026-03-09-when-will-my-card-arrive.md").toRealPath());
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("# Où est ma carte ?\n");
        assertThatThrownBy(() -> drafts.save(article("# Something else\n")))
                .isInstanceOf(FileAlreadyExistsException.class)
                .hasMessageContaining("already exists and was not overwritten");
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("# Où est ma carte ?\n");
    }

    @Test
    void aFolderInsideAKnowledgeFolderIsRefusedEvenThroughALink() throws Exception {
        Path knowledge = Files.createDirectories(temp.resolve("kb"));
        Path link = Files.createSymbolicLink(temp.resolve("link-to-kb"), knowledge);

        assertThatThrownBy(() -> new ArticleDraftFolder(knowledge, List.of(knowledge)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("inside the knowledge folder");
        assertThatThrownBy(() -> new ArticleDraftFolder(knowledge.resolve("drafts/new"), List.of(knowledge)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ArticleDraftFolder(link.resolve("drafts"), List.of(knowledge)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new ArticleDraftFolder(temp.resolve("kb-drafts"), List.of(knowledge)).folder())
                .as("a sibling whose name starts the same is fine").isNotNull();
    }
}
