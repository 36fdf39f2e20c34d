package io.agentassist.knowledge.index;

import io.agentassist.knowledge.ingest.SkippedSource;
import java.time.Duration;
import java.util.List;

/**
 * What one indexing run did. {@code rebuildReason} is non-empty when the whole index was rebuilt (an older
 * format version, or another embedding model), so the admin learns why it took longer.
 */
public record IndexReport(
        int added,
        int updated,
        int unchanged,
        int deleted,
        int chunksWritten,
        int totalArticles,
        int totalChunks,
        List<SkippedSource> skipped,
        String rebuildReason,
        Duration elapsed) {

    public IndexReport {
        skipped = List.copyOf(skipped);
        rebuildReason = rebuildReason == null ? "" : rebuildReason;
    }
}
