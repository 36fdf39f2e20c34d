package io.agentassist.app.settings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * What a re-index did, for the status line under the progress bar.
 *
 * @param skipped each skipped file with its reason, "path: reason"
 * @param rebuildReason why the whole index was rebuilt, "" when it was updated in place
 */
public record ReindexSummary(Path indexDir, int articles, int chunks, int added, int updated, int unchanged,
        int deleted, List<String> skipped, String rebuildReason, Duration elapsed) {

    private static final int MOST_SKIPPED_NAMED = 3;

    public ReindexSummary {
        skipped = List.copyOf(skipped);
        rebuildReason = rebuildReason == null ? "" : rebuildReason;
    }

    /** "Indexed 12 articles (40 passages) in 1.4 s: 2 added, 1 updated, 9 unchanged, 0 deleted." and more. */
    public String message() {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "Indexed %d %s (%d %s) in %.1f s: %d added, %d updated, %d unchanged, %d deleted.",
                articles, articles == 1 ? "article" : "articles", chunks, chunks == 1 ? "passage" : "passages",
                elapsed.toMillis() / 1000.0, added, updated, unchanged, deleted));
        if (!rebuildReason.isEmpty()) {
            text.append(" Rebuilt the whole index: ").append(rebuildReason).append('.');
        }
        if (!skipped.isEmpty()) {
            text.append(' ').append(skipped.size()).append(skipped.size() == 1 ? " file skipped: " : " files skipped: ")
                    .append(String.join("; ", skipped.subList(0, Math.min(skipped.size(), MOST_SKIPPED_NAMED))))
                    .append(skipped.size() > MOST_SKIPPED_NAMED ? "; …" : "");
        }
        return text.toString();
    }
}
