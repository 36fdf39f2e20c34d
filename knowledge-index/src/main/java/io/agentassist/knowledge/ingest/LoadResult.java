package io.agentassist.knowledge.ingest;

import java.util.List;

/** What reading a set of knowledge sources produced: the articles, and the files that were skipped. */
public record LoadResult(List<Article> articles, List<SkippedSource> skipped) {
    public LoadResult {
        articles = List.copyOf(articles);
        skipped = List.copyOf(skipped);
    }

    /** One article read. */
    public static LoadResult of(Article article) {
        return new LoadResult(List.of(article), List.of());
    }

    /** Nothing read, for the reason given. */
    public static LoadResult skippedFile(String path, String reason) {
        return new LoadResult(List.of(), List.of(new SkippedSource(path, reason)));
    }
}
