package io.agentassist.knowledge.ingest;

import java.util.List;

/** What reading a set of knowledge sources produced: the articles, and the files that were skipped. */
public record LoadResult(List<Article> articles, List<SkippedSource> skipped) {
    public LoadResult {
        articles = List.copyOf(articles);
        skipped = List.copyOf(skipped);
    }
}
