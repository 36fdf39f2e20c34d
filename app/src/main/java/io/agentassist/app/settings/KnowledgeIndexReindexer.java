package io.agentassist.app.settings;

import io.agentassist.knowledge.index.EmbeddingModelChoice;
import io.agentassist.knowledge.index.IndexFormats;
import io.agentassist.knowledge.index.IndexProgress;
import io.agentassist.knowledge.index.IndexReport;
import io.agentassist.knowledge.index.KnowledgeIndexer;
import io.agentassist.knowledge.index.TextEmbedder;
import io.agentassist.knowledge.ingest.Chunker;
import io.agentassist.knowledge.ingest.KnowledgeSourceLoader;
import io.agentassist.knowledge.ingest.LoadResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.DoubleConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-indexes with knowledge-index's {@link KnowledgeIndexer}, as {@code assist kb index} does: incrementally,
 * with the index's own embedding model (the default one for a new index), all in one commit, so a failure
 * leaves the previous index as it was. Folders without a single article leave the index untouched rather than
 * emptying it.
 */
public final class KnowledgeIndexReindexer implements KnowledgeReindexer {
    private static final Logger LOG = LoggerFactory.getLogger(KnowledgeIndexReindexer.class);

    private final Path indexDir;
    private final Function<EmbeddingModelChoice, TextEmbedder> embedders;

    /** Writes the index in this folder (the one the window searches), loading the embedding model it needs. */
    public KnowledgeIndexReindexer(Path indexDir) {
        this(indexDir, TextEmbedder::load);
    }

    /**
     * @param embedders gives the embedding model for a choice; the window passes the one it already searches
     *                  with, so the model is not loaded a second time
     */
    public KnowledgeIndexReindexer(Path indexDir, Function<EmbeddingModelChoice, TextEmbedder> embedders) {
        this.indexDir = indexDir.toAbsolutePath().normalize();
        this.embedders = embedders;
    }

    @Override
    public ReindexSummary reindex(List<Path> folders, DoubleConsumer progress) throws IOException {
        if (folders.isEmpty()) {
            throw new IllegalArgumentException("no knowledge folders to index: add one first");
        }
        for (Path folder : folders) {
            if (!Files.exists(folder)) {
                throw new IllegalArgumentException("knowledge folder not found: " + folder);
            }
            if (!Files.isReadable(folder)) {
                throw new IllegalArgumentException("cannot read knowledge folder " + folder + ": permission denied");
            }
        }
        if (Files.exists(indexDir) && !Files.isDirectory(indexDir)) {
            throw new IllegalArgumentException("cannot use " + indexDir + " as the index folder: it is a file");
        }
        progress.accept(-1);
        LoadResult loaded = new KnowledgeSourceLoader().load(folders);
        if (loaded.articles().isEmpty()) {
            throw new IllegalArgumentException("no knowledge articles found in " + folders.stream()
                    .map(Path::toString).collect(Collectors.joining(", ")) + ": the index was left unchanged"
                    + (loaded.skipped().isEmpty() ? "" : " (" + loaded.skipped().size() + " files skipped, e.g. "
                            + loaded.skipped().getFirst().path() + ": " + loaded.skipped().getFirst().reason() + ")"));
        }
        EmbeddingModelChoice choice = IndexFormats.embeddingModelOf(indexDir)
                .orElse(EmbeddingModelChoice.defaultChoice());
        LOG.info("Re-indexing {} articles from {} into {} with {}", loaded.articles().size(), folders, indexDir,
                choice.id());
        IndexReport report = new KnowledgeIndexer(indexDir, embedders.apply(choice), new Chunker())
                .index(loaded, new Share(progress));
        progress.accept(1);
        LOG.info("Re-indexed into {}: {}", indexDir, report);
        return new ReindexSummary(indexDir, report.totalArticles(), report.totalChunks(), report.added(),
                report.updated(), report.unchanged(), report.deleted(),
                report.skipped().stream().map(s -> s.path() + ": " + s.reason()).toList(), report.rebuildReason(),
                report.elapsed());
    }

    /** Articles done as a share of those to embed; nothing to embed is all done. */
    private static final class Share implements IndexProgress {
        private final DoubleConsumer progress;
        private long total;

        Share(DoubleConsumer progress) {
            this.progress = progress;
        }

        @Override
        public void started(long total) {
            this.total = total;
            progress.accept(total == 0 ? 1 : 0);
        }

        @Override
        public void advanced(long done) {
            progress.accept(total == 0 ? 1 : Math.min(1, (double) done / total));
        }
    }
}
