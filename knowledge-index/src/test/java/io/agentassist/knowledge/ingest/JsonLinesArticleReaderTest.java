package io.agentassist.knowledge.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonLinesArticleReaderTest {
    private final JsonLinesArticleReader reader = new JsonLinesArticleReader();

    @Test
    void eachGoodLineIsAnArticle() throws IOException {
        LoadResult result = reader.read(Fixtures.file("jsonl", "faq.jsonl"));

        assertThat(result.articles()).extracting(Article::id).containsExactly("faq-1", "faq-2", "faq-4");
        Article first = result.articles().getFirst();
        assertThat(first.title()).isEqualTo("Do gift cards expire?");
        assertThat(first.body()).isEqualTo("No, gift cards never expire.");
        assertThat(first.url()).isEqualTo("https://help.example.com/faq/1");
        assertThat(first.tags()).containsExactly("gift cards");
        assertThat(first.metadata()).containsEntry("product", "store").containsEntry("priority", "2");
        assertThat(first.source()).endsWith("faq.jsonl");
    }

    @Test
    void headingsInABodyBecomeChunkSections() throws IOException {
        Article second = reader.read(Fixtures.file("jsonl", "faq.jsonl")).articles().get(1);

        assertThat(new Chunker().chunk(second)).extracting(Chunk::section)
                .containsExactly("Before dispatch", "After dispatch");
    }

    @Test
    void aMissingTitleFallsBackToTheId() throws IOException {
        assertThat(reader.read(Fixtures.file("jsonl", "faq.jsonl")).articles().getLast().title()).isEqualTo("faq-4");
    }

    @Test
    void badLinesAreSkippedWithPathLineAndReasonWhileBlankLinesAreIgnored() throws IOException {
        List<SkippedSource> skipped = reader.read(Fixtures.file("jsonl", "faq.jsonl")).skipped();

        assertThat(skipped).extracting(SkippedSource::path)
                .allSatisfy(path -> assertThat(path).contains("faq.jsonl:"))
                .extracting(path -> path.substring(path.lastIndexOf(':') + 1))
                .containsExactly("4", "5", "6");
        assertThat(skipped.get(0).reason()).startsWith("invalid JSON: ");
        assertThat(skipped.get(1).reason()).isEqualTo("missing \"id\"");
        assertThat(skipped.get(2).reason()).startsWith("duplicate id \"faq-1\", already read from ").endsWith("faq.jsonl:1");
    }

    @Test
    void aLineThatIsNotUtf8IsSkippedAndTheOtherLinesLoad() throws IOException {
        LoadResult result = reader.read(Fixtures.file("invalid-utf8", "mixed.jsonl"));

        assertThat(result.articles()).extracting(Article::id).containsExactly("ok");
        assertThat(result.skipped()).singleElement().satisfies(s -> {
            assertThat(s.path()).endsWith("mixed.jsonl:2");
            assertThat(s.reason()).startsWith("not valid UTF-8");
        });
    }
}
