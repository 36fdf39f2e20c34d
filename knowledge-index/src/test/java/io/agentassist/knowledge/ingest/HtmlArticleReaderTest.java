package io.agentassist.knowledge.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class HtmlArticleReaderTest {
    private final HtmlArticleReader reader = new HtmlArticleReader();

    private Article read(String path) throws IOException {
        LoadResult result = reader.read(Fixtures.file("html", path));
        assertThat(result.skipped()).isEmpty();
        return result.articles().getFirst();
    }

    @Test
    void titleComesFromTheTitleElementAndHeadingsBecomeSections() throws IOException {
        Article article = read("refund-policy.html");

        assertThat(article.id()).isEqualTo("refund-policy");
        assertThat(article.title()).isEqualTo("Refund policy");
        assertThat(article.body()).isEqualTo("""
                We refund unused items within 30 days of delivery.

                ## How to ask for a refund

                1. Open your orders.
                2. Choose the item and select Return.

                ## Refund times

                Payment method | Time
                Card | 3-5 days
                Gift card | Instant

                Shipping costs are not refunded.
                Exchanges are free.""");
    }

    @Test
    void pageLanguageDescriptionAndCanonicalLinkAreKept() throws IOException {
        Article article = read("refund-policy.html");

        assertThat(article.locale()).isEqualTo("en-US");
        assertThat(article.url()).isEqualTo("https://help.example.com/refund-policy");
        assertThat(article.metadata()).containsEntry("description", "When and how customers get their money back.");
    }

    @Test
    void navigationHeaderAsideAndFooterChromeNeverSurvive() throws IOException {
        assertThat(read("refund-policy.html").body())
                .doesNotContain("Example Help Centre", "Sign in", "Home", "Billing", "Related", "Privacy", "©");
    }

    @Test
    void scriptsStylesEventHandlersAndHiddenTextNeverSurvive() throws IOException {
        Article article = read("malicious.html");

        assertThat(article.title()).isEqualTo("Password reset");
        assertThat(article.body()).isEqualTo("Use the reset link we email you.\n\nLinks expire after one hour.");
        assertThat(article.body() + article.title() + article.metadata())
                .doesNotContain("alert", "javascript", "evil", "cookie", "INJECTED", "NOSCRIPT", "HIDDEN", "Ignore previous",
                        "IFRAME", "IMAGE ALT", "SVG", "FORM", "color", "steal");
    }

    @Test
    void withoutTitleElementOrHeadingTheFileNameIsTheTitle() throws IOException {
        Article article = read("no-title.html");

        assertThat(article.title()).isEqualTo("no-title");
        assertThat(article.body()).isEqualTo("Our stores open at 9 am.");
    }
}
