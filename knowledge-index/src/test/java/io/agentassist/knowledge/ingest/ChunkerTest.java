package io.agentassist.knowledge.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChunkerTest {
    private final Chunker chunker = new Chunker();

    private static Article article(String title, String body) {
        return new Article("billing/refunds", title, body, "", "", List.of(), Map.of(), "refunds.md");
    }

    @Test
    void aSingleSentenceArticleGivesExactlyOneChunk() {
        List<Chunk> chunks = chunker.chunk(article("Refund window", "Refunds are possible within 30 days."));

        assertThat(chunks).singleElement().satisfies(chunk -> {
            assertThat(chunk.articleId()).isEqualTo("billing/refunds");
            assertThat(chunk.chunkId()).isEqualTo("billing/refunds#0");
            assertThat(chunk.title()).isEqualTo("Refund window");
            assertThat(chunk.section()).isEmpty();
            assertThat(chunk.position()).isZero();
            assertThat(chunk.text()).isEqualTo("Refunds are possible within 30 days.");
        });
    }

    @Test
    void anEmptyBodyGivesNoChunks() {
        assertThat(chunker.chunk(article("Empty", ""))).isEmpty();
        assertThat(chunker.chunk(article("Blank", " \n\n \n"))).isEmpty();
    }

    @Test
    void headingsStartNewChunksAndNameTheirSection() {
        String body = """
                Intro before any heading.

                ## Desktop

                Open the browser menu.

                Select Settings.

                ### Advanced

                Turn on the switch.

                ## Mobile

                Tap the icon.
                """;

        List<Chunk> chunks = chunker.chunk(article("Change settings", body));

        assertThat(chunks).extracting(Chunk::section).containsExactly("", "Desktop", "Advanced", "Mobile");
        assertThat(chunks).extracting(Chunk::text).containsExactly(
                "Intro before any heading.",
                "Open the browser menu.\n\nSelect Settings.",
                "Turn on the switch.",
                "Tap the icon.");
    }

    @Test
    void positionsAndChunkIdsCountFromZeroInReadingOrder() {
        String body = "## One\n\nFirst.\n\n## Two\n\nSecond.\n\n## Three\n\nThird.";

        List<Chunk> chunks = chunker.chunk(article("Numbers", body));

        assertThat(chunks).extracting(Chunk::position).containsExactly(0, 1, 2);
        assertThat(chunks).extracting(Chunk::chunkId)
                .containsExactly("billing/refunds#0", "billing/refunds#1", "billing/refunds#2");
        assertThat(chunks).allSatisfy(chunk -> assertThat(chunk.title()).isEqualTo("Numbers"));
    }

    @Test
    void smallParagraphsUnderOneHeadingAreMergedUpToTheMaximum() {
        String paragraph = "x".repeat(300);
        String body = "## Section\n\n" + String.join("\n\n", paragraph, paragraph, paragraph, paragraph);

        List<Chunk> chunks = chunker.chunk(article("Merge", body));

        assertThat(chunks).extracting(c -> c.text().length()).containsExactly(602, 602);
        assertThat(chunks).allSatisfy(c -> assertThat(c.section()).isEqualTo("Section"));
    }

    @Test
    void aLongParagraphIsSplitAtSentenceBoundaries() {
        String sentence = "This sentence is about refunds and is exactly sixty characters. ";
        String paragraph = sentence.repeat(30).strip();

        List<Chunk> chunks = new Chunker(200).chunk(article("Long", paragraph));

        assertThat(chunks).hasSizeGreaterThan(1);
        assertThat(chunks).allSatisfy(c -> {
            assertThat(c.text().length()).isLessThanOrEqualTo(200);
            assertThat(c.text()).startsWith("This sentence").endsWith("characters.");
        });
        assertThat(String.join(" ", chunks.stream().map(Chunk::text).toList())).isEqualTo(paragraph);
    }

    @Test
    void aLongListIsSplitBetweenItems() {
        StringBuilder list = new StringBuilder();
        for (int i = 1; i <= 20; i++) {
            list.append("- Step ").append(i).append(": do the thing number ").append(i).append(" carefully\n");
        }

        List<Chunk> chunks = new Chunker(200).chunk(article("Steps", list.toString()));

        assertThat(chunks).hasSizeGreaterThan(1);
        assertThat(chunks).allSatisfy(c -> assertThat(c.text()).startsWith("- Step ").doesNotContain("\n\n"));
    }

    @Test
    void aWordLongerThanAChunkIsCutRatherThanLost() {
        String token = "a".repeat(250);

        List<Chunk> chunks = new Chunker(100).chunk(article("Token", token));

        assertThat(chunks).extracting(Chunk::text).containsExactly("a".repeat(100), "a".repeat(100), "a".repeat(50));
    }

    @Test
    void chunkTextDoesNotRepeatTheTitle() {
        String body = "# Refund window\n\nRefunds are possible within 30 days.";

        List<Chunk> chunks = chunker.chunk(article("Refund window", body));

        assertThat(chunks).singleElement().satisfies(c -> {
            assertThat(c.section()).isEmpty();
            assertThat(c.text()).doesNotContain("Refund window");
        });
        assertThat(chunker.chunk(article("Refund window", "Refund window\n\nRefunds within 30 days.")))
                .extracting(Chunk::text).containsExactly("Refunds within 30 days.");
    }

    @Test
    void headingsWithoutTextBelowThemGiveNoEmptyChunks() {
        String body = "## Empty\n\n## Also empty\n\n### Filled\n\nSome text.";

        assertThat(chunker.chunk(article("Sparse", body)))
                .singleElement().satisfies(c -> assertThat(c.section()).isEqualTo("Filled"));
    }

    @Test
    void aMaximumBelowEightyCharactersIsRefused() {
        assertThatThrownBy(() -> new Chunker(10)).isInstanceOf(IllegalArgumentException.class);
    }
}
