package io.agentassist.knowledge.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads {@code .html}/{@code .htm} pages saved from a help centre or intranet. The title comes from
 * {@code <title>}, else the first {@code <h1>}; the text comes from {@code <main>} or the page's single
 * {@code <article>} when there is one, so site navigation around it stays out. The page's {@code lang},
 * meta description and canonical link are kept as locale, metadata and url.
 */
final class HtmlArticleReader implements ArticleReader {

    @Override
    public Set<String> extensions() {
        return Set.of("html", "htm");
    }

    @Override
    public LoadResult read(SourceFile file) throws IOException {
        Document page = parse(file);
        Element h1 = page.selectFirst("h1");
        String title = ArticleBody.collapseSpaces(page.title());
        if (title.isEmpty() && h1 != null) {
            title = ArticleBody.collapseSpaces(h1.text());
        }
        if (title.isEmpty()) {
            title = file.baseName();
        }
        Map<String, String> metadata = new HashMap<>();
        String description = ArticleBody.collapseSpaces(page.select("meta[name=description]").attr("content"));
        if (!description.isEmpty()) {
            metadata.put("description", description);
        }
        String url = page.select("link[rel=canonical]").attr("href").strip();
        String locale = page.select("html[lang]").attr("lang").strip();

        Element content = contentOf(page);
        HtmlText.removeNonContent(content);
        if (h1 != null && h1.parent() != null && ArticleBody.collapseSpaces(h1.text()).equalsIgnoreCase(title)) {
            h1.remove();
        }
        ArticleBody.Builder body = new ArticleBody.Builder();
        HtmlText.appendTo(body, content);
        String text = body.build();
        if (text.isBlank()) {
            return LoadResult.skippedFile(file.path().toString(), "no body text");
        }
        return LoadResult.of(new Article(file.derivedId(), title, text, url, locale, List.of(), metadata,
                file.path().toString()));
    }

    /**
     * UTF-8 unless the page declares its own charset; a page that declares none and is not valid UTF-8 is
     * reported rather than indexed with replacement characters.
     */
    private static Document parse(SourceFile file) throws IOException {
        byte[] bytes = Files.readAllBytes(file.path());
        String uri = file.path().toUri().toString();
        try {
            return Jsoup.parse(Utf8Text.decode(bytes), uri);
        } catch (Utf8Text.InvalidUtf8Exception notUtf8) {
            Document page = Jsoup.parse(new ByteArrayInputStream(bytes), null, uri);
            if (page.charset().equals(StandardCharsets.UTF_8)) {
                throw notUtf8;
            }
            return page;
        }
    }

    private static Element contentOf(Document page) {
        Element main = page.selectFirst("main, [role=main]");
        if (main != null) {
            return main;
        }
        List<Element> articles = page.select("article");
        return articles.size() == 1 ? articles.getFirst() : page.body();
    }
}
