package io.agentassist.knowledge.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class PlainTextArticleReaderTest {
    private final PlainTextArticleReader reader = new PlainTextArticleReader();

    private Article read(String path) throws IOException {
        return reader.read(Fixtures.file("text", path)).articles().getFirst();
    }

    @Test
    void aShortFirstLineIsTheTitleAndIsNotRepeatedInTheBody() throws IOException {
        Article article = read("refund-window.txt");

        assertThat(article.id()).isEqualTo("refund-window");
        assertThat(article.title()).isEqualTo("Refund window");
        assertThat(article.body()).isEqualTo("""
                Refunds are possible within 30 days of delivery, as long as the item is unused.

                What you need:
                - the order number
                - the original packaging""");
    }

    @Test
    void aOneSentenceFileKeepsItsSentenceAndTakesTheFileNameAsTitle() throws IOException {
        Article article = read("opening-hours.txt");

        assertThat(article.title()).isEqualTo("opening-hours");
        assertThat(article.body()).isEqualTo("Our support line is open from 8 am to 8 pm, Monday to Saturday.");
        assertThat(new Chunker().chunk(article)).singleElement()
                .satisfies(chunk -> assertThat(chunk.text()).isEqualTo(article.body()));
    }
}
