package io.agentassist.knowledge.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads knowledge articles from files and folders (Markdown, HTML, plain text, JSON Lines). An admin points
 * the product at a help-centre export as it is, so one bad file must never stop the rest: whatever cannot
 * be used — a broken file, a redirect stub, a template, a duplicate id — is returned as a
 * {@link SkippedSource} with a reason the admin can act on, and this class never throws for bad input.
 *
 * <p>Folders are walked recursively in sorted order, so the same folder gives the same articles in the same
 * order on every run, and when two files claim one id the first in that order wins. One loader may be shared
 * between threads: each {@link #load} call keeps its own state.
 */
public final class KnowledgeSourceLoader {
    private static final Logger LOG = LoggerFactory.getLogger(KnowledgeSourceLoader.class);
    /** Jekyll's convention for files that are not pages: {@code _defaults.md}, {@code _includes/...}. */
    static final String TEMPLATE_REASON = "template file (name starts with _)";

    private final Map<String, ArticleReader> readers = new LinkedHashMap<>();

    public KnowledgeSourceLoader() {
        this(List.of(new MarkdownArticleReader(), new HtmlArticleReader(), new PlainTextArticleReader(),
                new JsonLinesArticleReader()));
    }

    KnowledgeSourceLoader(List<ArticleReader> readers) {
        for (ArticleReader reader : readers) {
            for (String extension : reader.extensions()) {
                this.readers.put(extension, reader);
            }
        }
    }

    /**
     * Reads every source in the order given; each is a file or a folder. Articles keep that order (and the
     * sorted order within a folder).
     */
    public LoadResult load(List<Path> sources) {
        Run run = new Run();
        for (Path source : sources) {
            loadSource(source, run);
        }
        LOG.info("Loaded {} articles from {} source(s); {} skipped", run.articles.size(), sources.size(),
                run.skipped.size());
        return new LoadResult(run.articles, run.skipped);
    }

    private void loadSource(Path source, Run run) {
        if (Files.isDirectory(source)) {
            SourceWalker.Found found = new SourceWalker(readers.keySet()).walk(source);
            found.skipped().forEach(run::skip);
            for (SourceFile file : found.files()) {
                if (isInTemplateFolder(file)) {
                    run.skip(new SkippedSource(file.path().toString(), "in a template folder (name starts with _)"));
                } else {
                    loadFile(file, run);
                }
            }
        } else if (Files.isRegularFile(source)) {
            SourceFile file = SourceFile.alone(source);
            if (!readers.containsKey(file.extension())) {
                run.skip(new SkippedSource(source.toString(), "unsupported file type"
                        + (file.extension().isEmpty() ? "" : " ." + file.extension())
                        + " (supported: ." + String.join(", .", new TreeSet<>(readers.keySet())) + ")"));
            } else {
                loadFile(file, run);
            }
        } else if (Files.exists(source)) {
            run.skip(new SkippedSource(source.toString(), "not a file or folder"));
        } else {
            run.skip(new SkippedSource(source.toString(), "does not exist"));
        }
    }

    private void loadFile(SourceFile file, Run run) {
        String path = file.path().toString();
        if (!run.visited.add(file.path().toAbsolutePath().normalize())) {
            LOG.debug("{}: already read from an earlier source", path);
            return;
        }
        if (file.fileName().startsWith("_")) {
            run.skip(new SkippedSource(path, TEMPLATE_REASON));
            return;
        }
        LoadResult read;
        try {
            read = readers.get(file.extension()).read(file);
        } catch (IOException e) {
            read = LoadResult.skippedFile(path, e instanceof Utf8Text.InvalidUtf8Exception
                    ? e.getMessage() : "cannot be read: " + SourceWalker.describe(e));
        } catch (RuntimeException e) {
            LOG.warn("{}: reader failed", path, e);
            read = LoadResult.skippedFile(path, "could not be read: " + e);
        }
        read.skipped().forEach(run::skip);
        for (Article article : read.articles()) {
            String firstSource = run.sourceOfId.putIfAbsent(article.id(), article.source());
            if (firstSource != null) {
                run.skip(new SkippedSource(path, "duplicate id \"" + article.id() + "\", already read from "
                        + firstSource));
            } else {
                LOG.debug("{}: article \"{}\" ({} chars)", path, article.id(), article.body().length());
                run.articles.add(article);
            }
        }
    }

    private static boolean isInTemplateFolder(SourceFile file) {
        String[] segments = file.derivedId().split("/");
        for (int i = 0; i < segments.length - 1; i++) {
            if (segments[i].startsWith("_")) {
                return true;
            }
        }
        return false;
    }

    /** What one {@link #load} call has gathered so far. */
    private static final class Run {
        final List<Article> articles = new ArrayList<>();
        final List<SkippedSource> skipped = new ArrayList<>();
        final Map<String, String> sourceOfId = new HashMap<>();
        final Set<Path> visited = new HashSet<>();

        void skip(SkippedSource skippedSource) {
            LOG.debug("{}: skipped, {}", skippedSource.path(), skippedSource.reason());
            skipped.add(skippedSource);
        }
    }
}
