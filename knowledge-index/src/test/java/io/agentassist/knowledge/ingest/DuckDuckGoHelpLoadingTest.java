package io.agentassist.knowledge.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentassist.core.testsupport.SharedDatasets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real DuckDuckGo help centre (262 Markdown files with Jekyll front matter and kramdown syntax), read
 * from {@code ../shared/datasets}. The dataset README counts 230 articles, 31 redirect stubs and one
 * template. One of the 230, {@code translated/translated-index.md}, is a category index whose only content
 * is a Liquid include: it is kept with its title standing in for the body.
 */
class DuckDuckGoHelpLoadingTest {
    private static Path articles;
    private static LoadResult result;

    @BeforeAll
    static void load() {
        articles = SharedDatasets.require("duckduckgo-help").resolve("articles");
        result = new KnowledgeSourceLoader().load(List.of(articles));
    }

    private static long skippedWith(String reasonStart) {
        return result.skipped().stream().filter(s -> s.reason().startsWith(reasonStart)).count();
    }

    @Test
    void all230ArticlesLoad() {
        assertThat(result.articles()).hasSize(230);
        assertThat(result.articles()).allSatisfy(a -> assertThat(a.body()).isNotBlank());
    }

    @Test
    void redirectStubsAndTheTemplateAreSkippedWithTheirReasons() {
        assertThat(result.skipped()).hasSize(32);
        assertThat(skippedWith("redirect stub (layout: redirect), no body")).isEqualTo(31);
        assertThat(result.skipped()).filteredOn(s -> s.path().endsWith("_defaults.md")).singleElement()
                .satisfies(s -> assertThat(s.reason()).isEqualTo("template file (name starts with _)"));
        assertThat(result.articles()).filteredOn(a -> a.source().endsWith("translated-index.md")).singleElement()
                .satisfies(a -> assertThat(a.title()).isEqualTo("Translated Microsoft Ads Notice"));
    }

    @Test
    void titlesComeFromFrontMatter() throws IOException {
        for (Article article : result.articles()) {
            List<String> frontMatterLines = Files.readAllLines(Path.of(article.source()));
            assertThat(frontMatterLines).as(article.source())
                    .containsAnyOf("title: " + article.title(), "title: \"" + article.title() + "\"");
        }
        assertThat(byId("change-default-search-engine/firefox").title())
                .isEqualTo("How to change your default search engine in Firefox");
        assertThat(byId("resources/vpn/how-to-choose-the-best-vpn").title())
                .isEqualTo("How to Choose the Best VPN: 6 Factors to Consider");
    }

    @Test
    void categoryAndDescriptionBecomeTagsAndMetadata() {
        Article firefox = byId("change-default-search-engine/firefox");

        assertThat(firefox.tags()).containsExactly("How To Get DuckDuckGo");
        assertThat(firefox.metadata()).containsEntry("category", "How To Get DuckDuckGo")
                .containsEntry("sub_category", "Get DuckDuckGo Private Search")
                .containsEntry("description", "Learn how to change your default search engine to DuckDuckGo in "
                        + "Mozilla Firefox for desktop, Android, and iOS.");
    }

    @Test
    void noKramdownOrLiquidResidueReachesAnyBodyOrChunk() {
        Chunker chunker = new Chunker();
        for (Article article : result.articles()) {
            assertThat(article.body()).as(article.id()).doesNotContain("{:", "{%", "{{", "%}", "}}", "](");
            for (Chunk chunk : chunker.chunk(article)) {
                assertThat(chunk.text()).as(chunk.chunkId()).doesNotContain("{:", "{%", "{{", "%}", "}}", "](");
            }
        }
    }

    @Test
    void everyArticleChunksIntoPassagesNoLongerThanTheMaximum() {
        Chunker chunker = new Chunker();
        for (Article article : result.articles()) {
            List<Chunk> chunks = chunker.chunk(article);
            assertThat(chunks).as(article.id()).isNotEmpty();
            assertThat(chunks).extracting(Chunk::position).as(article.id())
                    .containsExactlyElementsOf(java.util.stream.IntStream.range(0, chunks.size()).boxed().toList());
            assertThat(chunks).allSatisfy(c -> assertThat(c.text().length()).isLessThanOrEqualTo(Chunker.DEFAULT_MAX_CHARS));
        }
    }

    @Test
    void htmlInsideMarkdownKeepsItsHeadingsAsSections() {
        List<String> sections = new Chunker().chunk(byId("settings/cloud-save")).stream().map(Chunk::section).toList();

        assertThat(sections).contains("Where are my settings stored?", "How does it work?");
    }

    private static Article byId(String id) {
        return result.articles().stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
    }
}
