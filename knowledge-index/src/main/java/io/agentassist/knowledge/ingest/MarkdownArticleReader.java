package io.agentassist.knowledge.ingest;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.commonmark.ext.front.matter.YamlFrontMatterExtension;
import org.commonmark.parser.Parser;

/**
 * Reads Markdown help-centre articles ({@code .md}, {@code .markdown}) with YAML front matter, as kept by
 * Jekyll, Hugo or Docusaurus sites: {@code title}, {@code description}, {@code category}/{@code tags},
 * {@code url}, {@code locale}/{@code lang} and {@code id} have meanings; every other scalar field goes to
 * metadata, so filters can use fields we did not foresee.
 *
 * <p>Redirect stubs ({@code layout: redirect}) and files with neither body text nor a front-matter title are
 * skipped with their reason. A titled page whose body was only template includes (a category index page)
 * is a real page of the help centre: it is kept, its description or title standing in for the body, so it
 * can still be found by what it is called.
 */
final class MarkdownArticleReader implements ArticleReader {
    /** Fields that become {@link Article} components rather than metadata. */
    private static final Set<String> ARTICLE_FIELDS = Set.of("id", "title", "url", "locale", "lang", "tags");

    private final Parser parser = Parser.builder().extensions(List.of(YamlFrontMatterExtension.create())).build();

    @Override
    public Set<String> extensions() {
        return Set.of("md", "markdown");
    }

    @Override
    public LoadResult read(SourceFile file) throws IOException {
        String path = file.path().toString();
        String text = file.readText();
        FrontMatter frontMatter;
        try {
            frontMatter = FrontMatterParser.parse(text);
        } catch (InvalidFrontMatterException e) {
            return LoadResult.skippedFile(path, "invalid YAML front matter: " + e.getMessage());
        }
        String frontMatterTitle = clean(frontMatter.scalar("title"));
        MarkdownBodyRenderer.Rendered rendered =
                new MarkdownBodyRenderer(frontMatterTitle).render(parser.parse(JekyllResidue.strip(text)));

        if (frontMatter.scalar("layout").equalsIgnoreCase("redirect")) {
            String target = frontMatter.scalar("redirect");
            return LoadResult.skippedFile(path, "redirect stub (layout: redirect)"
                    + (rendered.body().isBlank() ? ", no body" : "")
                    + (target.isEmpty() ? "" : "; redirects to " + target));
        }
        String body = rendered.body();
        if (body.isBlank()) {
            if (frontMatterTitle.isEmpty()) {
                return LoadResult.skippedFile(path, "no body text");
            }
            String description = clean(frontMatter.scalar("description"));
            body = description.isEmpty() ? frontMatterTitle : description;
        }
        String title = !frontMatterTitle.isEmpty() ? frontMatterTitle
                : !rendered.headingTitle().isEmpty() ? rendered.headingTitle() : file.baseName();
        String id = frontMatter.scalar("id");
        String locale = !frontMatter.scalar("locale").isEmpty() ? frontMatter.scalar("locale")
                : frontMatter.scalar("lang");
        return LoadResult.of(new Article(id.isEmpty() ? file.derivedId() : id, title, body,
                frontMatter.scalar("url"), locale, tags(frontMatter), metadata(frontMatter), path));
    }

    /** Category first, then tags, without repeats: both are how a help centre groups its articles. */
    private static List<String> tags(FrontMatter frontMatter) {
        Set<String> tags = new LinkedHashSet<>();
        frontMatter.list("category").stream().map(MarkdownArticleReader::clean).forEach(tags::add);
        frontMatter.list("categories").stream().map(MarkdownArticleReader::clean).forEach(tags::add);
        frontMatter.list("tags").stream().map(MarkdownArticleReader::clean).forEach(tags::add);
        tags.remove("");
        return List.copyOf(tags);
    }

    private static Map<String, String> metadata(FrontMatter frontMatter) {
        Map<String, String> metadata = new LinkedHashMap<>();
        frontMatter.scalars().forEach((key, value) -> {
            String cleaned = clean(value);
            if (!ARTICLE_FIELDS.contains(key) && !cleaned.isEmpty()) {
                metadata.put(key, cleaned);
            }
        });
        return metadata;
    }

    /** Front-matter text may carry Liquid too ({@code {{ site.name }}}). */
    private static String clean(String value) {
        return ArticleBody.collapseSpaces(JekyllResidue.strip(value));
    }
}
