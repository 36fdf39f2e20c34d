package io.agentassist.knowledge.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnowledgeSourceLoaderTest {
    private final KnowledgeSourceLoader loader = new KnowledgeSourceLoader();

    @TempDir
    Path dir;

    private Path write(String relativePath, String content) throws IOException {
        Path file = dir.resolve(relativePath);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }

    private static String reasonFor(LoadResult result, String fileName) {
        return result.skipped().stream().filter(s -> s.path().endsWith(fileName)).findFirst()
                .map(SkippedSource::reason).orElseThrow(() -> new AssertionError(fileName + " not skipped"));
    }

    @Test
    void everyFormatInAFolderLoadsRecursivelyInSortedOrder() throws IOException {
        write("zeta.txt", "Zeta\n\nLast by name.");
        write("billing/Refunds.md", "---\ntitle: Refunds\n---\n\nWithin 30 days.");
        write("alpha.html", "<html><head><title>Alpha</title></head><body><p>First.</p></body></html>");
        write("faq/export.jsonl", "{\"id\": \"faq-9\", \"title\": \"Nine\", \"body\": \"From JSON.\"}\n");

        LoadResult result = loader.load(List.of(dir));

        assertThat(result.skipped()).isEmpty();
        assertThat(result.articles()).extracting(Article::id)
                .containsExactly("alpha", "billing/refunds", "faq-9", "zeta");
        assertThat(result.articles()).extracting(Article::title).containsExactly("Alpha", "Refunds", "Nine", "Zeta");
    }

    @Test
    void idsComeFromThePathBelowTheSourceFolderLowerCasedWithoutExtension() throws IOException {
        Path file = write("Privacy/How-To-Delete.md", "Delete it in Settings.");

        assertThat(loader.load(List.of(dir)).articles()).extracting(Article::id).containsExactly("privacy/how-to-delete");
        assertThat(loader.load(List.of(file)).articles()).extracting(Article::id).containsExactly("how-to-delete");
        assertThat(loader.load(List.of(dir)).articles().getFirst().source()).isEqualTo(file.toString());
    }

    @Test
    void otherFileTypesAndHiddenFilesInFoldersAreIgnoredSilently() throws IOException {
        write("guide.md", "Kept.");
        write("screenshot.png", "not text");
        write("notes.docx", "not text");
        write(".draft.md", "Hidden file.");
        write(".git/description.md", "Inside a hidden folder.");

        LoadResult result = loader.load(List.of(dir));

        assertThat(result.articles()).extracting(Article::id).containsExactly("guide");
        assertThat(result.skipped()).isEmpty();
    }

    @Test
    void anExplicitlyNamedFileOfAnotherTypeIsSkippedWithAReason() throws IOException {
        Path pdf = write("manual.pdf", "%PDF-1.7");

        LoadResult result = loader.load(List.of(pdf));

        assertThat(result.articles()).isEmpty();
        assertThat(result.skipped()).singleElement().satisfies(s -> {
            assertThat(s.path()).isEqualTo(pdf.toString());
            assertThat(s.reason()).isEqualTo("unsupported file type .pdf (supported: .htm, .html, .jsonl, .markdown, "
                    + ".md, .txt)");
        });
    }

    @Test
    void aMissingSourceIsSkippedAsNotExisting() {
        Path missing = dir.resolve("nowhere");

        assertThat(loader.load(List.of(missing)).skipped())
                .containsExactly(new SkippedSource(missing.toString(), "does not exist"));
    }

    @Test
    void templateFilesAndTemplateFoldersAreSkippedWithTheirReason() throws IOException {
        write("_defaults.md", "---\ntitle:\n---\n");
        write("_includes/footer.md", "Footer text.");
        write("real.md", "Real text.");

        LoadResult result = loader.load(List.of(dir));

        assertThat(result.articles()).extracting(Article::id).containsExactly("real");
        assertThat(reasonFor(result, "_defaults.md")).isEqualTo("template file (name starts with _)");
        assertThat(reasonFor(result, "footer.md")).isEqualTo("in a template folder (name starts with _)");
    }

    @Test
    void duplicateIdsKeepTheFirstFileAndNameItInTheReason() throws IOException {
        Path first = write("a/one.md", "---\nid: shared\n---\n\nFirst.");
        write("b/two.md", "---\nid: shared\n---\n\nSecond.");

        LoadResult result = loader.load(List.of(dir));

        assertThat(result.articles()).singleElement().satisfies(a -> assertThat(a.body()).isEqualTo("First."));
        assertThat(reasonFor(result, "two.md")).isEqualTo("duplicate id \"shared\", already read from " + first);
    }

    @Test
    void aLinkedFolderIsFollowedAndALinkLoopIsReportedNotFollowedForever() throws IOException {
        Path real = Files.createDirectories(dir.resolve("real"));
        Files.writeString(real.resolve("linked.md"), "Reached through a link.");
        Path kb = Files.createDirectories(dir.resolve("kb"));
        Files.createSymbolicLink(kb.resolve("shared"), real);
        Files.createSymbolicLink(kb.resolve("loop"), kb);

        LoadResult result = loader.load(List.of(kb));

        assertThat(result.articles()).extracting(Article::id).containsExactly("shared/linked");
        assertThat(reasonFor(result, "loop")).startsWith("cannot be read: FileSystemLoop");
    }

    @Test
    void aFileNamedTwiceIsReadOnce() throws IOException {
        Path file = write("once.md", "Only once.");

        LoadResult result = loader.load(List.of(dir, file));

        assertThat(result.articles()).hasSize(1);
        assertThat(result.skipped()).isEmpty();
    }

    @Test
    void invalidUtf8IsSkippedWhileEverythingElseStillLoads() {
        LoadResult result = loader.load(List.of(Fixtures.folder("invalid-utf8")));

        assertThat(result.articles()).extracting(Article::id).containsExactly("ok");
        assertThat(reasonFor(result, "latin1.md")).isEqualTo("not valid UTF-8 (first bad byte at offset 14)");
        assertThat(reasonFor(result, "mixed.jsonl:2")).startsWith("not valid UTF-8");
    }

    @Test
    void theMarkdownFixturesLoadWithEveryProblemReportedAndNothingThrown() {
        LoadResult result = loader.load(List.of(Fixtures.folder("markdown")));

        assertThat(result.articles()).extracting(Article::id)
                .containsExactly("faq-42", "liquid-only", "no-front-matter", "no-title",
                        "privacy/how-to-delete");
        assertThat(result.skipped()).extracting(s -> Path.of(s.path()).getFileName().toString())
                .containsExactly("_defaults.md", "bad-yaml.md", "redirect.md");
    }

    @Test
    void aReaderThatFailsBecomesASkippedSourceAndNeverEscapes() throws IOException {
        ArticleReader failing = new ArticleReader() {
            @Override
            public Set<String> extensions() {
                return Set.of("md");
            }

            @Override
            public LoadResult read(SourceFile file) throws IOException {
                if (file.fileName().startsWith("io")) {
                    throw new IOException("disk went away");
                }
                throw new IllegalStateException("bug in a reader");
            }
        };
        write("io.md", "x");
        write("bug.md", "x");

        LoadResult result = new KnowledgeSourceLoader(List.of(failing)).load(List.of(dir));

        assertThat(reasonFor(result, "io.md")).isEqualTo("cannot be read: IO (disk went away)");
        assertThat(reasonFor(result, "bug.md")).startsWith("could not be read: java.lang.IllegalStateException");
    }

    @Test
    void loadingTheSameSourcesTwiceGivesTheSameResult() {
        List<Path> sources = List.of(Fixtures.folder("markdown"), Fixtures.folder("html"), Fixtures.folder("jsonl"));

        assertThat(loader.load(sources)).isEqualTo(loader.load(sources));
    }
}
