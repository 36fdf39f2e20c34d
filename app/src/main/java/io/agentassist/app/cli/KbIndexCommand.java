package io.agentassist.app.cli;

import io.agentassist.knowledge.index.EmbeddingModelChoice;
import io.agentassist.knowledge.index.IndexFormats;
import io.agentassist.knowledge.index.IndexProgress;
import io.agentassist.knowledge.index.IndexReport;
import io.agentassist.knowledge.index.KnowledgeIndexer;
import io.agentassist.knowledge.index.TextEmbedder;
import io.agentassist.knowledge.ingest.Chunker;
import io.agentassist.knowledge.ingest.KnowledgeSourceLoader;
import io.agentassist.knowledge.ingest.LoadResult;
import io.agentassist.knowledge.ingest.SkippedSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code assist kb index}: reads knowledge sources and brings the index up to date with them. */
@Command(name = "index",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        versionProvider = VersionProvider.class,
        header = "Build or update the knowledge index from files and folders of articles.",
        description = {
            "Reads every article under the given sources and updates the index incrementally: new and changed "
                    + "articles are embedded and written, articles no longer in the sources are deleted.",
            "The sources are the whole knowledge base: run it with all of them each time."})
final class KbIndexCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(KbIndexCommand.class);

    private final CliEnvironment env;

    @Spec
    CommandSpec spec;

    @Option(names = "--source", required = true, arity = "1..*", paramLabel = "PATH",
            description = "A file or folder of knowledge articles. Repeat it, or list several, for more.")
    List<Path> sources;

    @Option(names = "--index", paramLabel = "DIR",
            description = {"Knowledge index folder to create or update.", "Default: ${DEFAULT-VALUE}"})
    Path indexDir;

    @Option(names = "--embedding-model", paramLabel = "MODEL", converter = EmbeddingModelConverter.class,
            description = "Embedding model for semantic search: all-minilm-l6-v2-q (default for a new index) or "
                    + "bge-small-en-v1.5-q. An existing index keeps its model unless this is given; "
                    + "changing it rebuilds the whole index.")
    EmbeddingModelChoice model;

    KbIndexCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() throws IOException {
        List<Path> sourcePaths = Sources.checked(sources);
        Path dir = writableIndexDir(indexDir.toAbsolutePath().normalize());
        PrintWriter out = spec.commandLine().getOut();

        LoadResult loaded = new KnowledgeSourceLoader().load(sourcePaths);
        if (loaded.articles().isEmpty()) {
            printSkipped(out, loaded.skipped());
            out.flush();
            throw new CliError("no knowledge articles found in " + Sources.describe(sourcePaths)
                    + ": the index was left unchanged");
        }
        EmbeddingModelChoice choice = model != null ? model
                : IndexFormats.embeddingModelOf(dir).orElse(EmbeddingModelChoice.defaultChoice());
        LOG.info("Indexing {} articles from {} into {} with {}", loaded.articles().size(), sourcePaths, dir,
                choice.id());

        IndexProgress progress = TerminalProgress.forEnvironment(env, "Indexing");
        IndexReport report;
        try {
            var indexer = new KnowledgeIndexer(dir, TextEmbedder.load(choice), new Chunker());
            report = indexer.index(loaded, progress);
        } finally {
            TerminalProgress.closeIfOpen(progress);
        }
        LOG.info("Indexed into {}: {}", dir, report);
        printReport(out, report);
        return 0;
    }

    private static Path writableIndexDir(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new CliError("cannot use " + dir + " as the index folder: it is a file");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new CliError("cannot create the index folder " + dir + ": " + Sources.reason(e), e);
        }
        if (!Files.isWritable(dir) || !Files.isReadable(dir)) {
            throw new CliError("cannot write to the index folder " + dir + ": permission denied");
        }
        return dir;
    }

    static void printReport(PrintWriter out, IndexReport report) {
        if (!report.rebuildReason().isBlank()) {
            out.println("Rebuilt the whole index: " + report.rebuildReason());
        }
        out.printf("Indexed %s into %s in %s s: %s added, %s updated, %s unchanged, %s deleted.%n",
                Text.count(report.totalArticles(), "article", "articles"),
                Text.count(report.totalChunks(), "chunk", "chunks"),
                Text.seconds(report.elapsed()),
                Text.count(report.added()), Text.count(report.updated()),
                Text.count(report.unchanged()), Text.count(report.deleted()));
        printSkipped(out, report.skipped());
    }

    private static void printSkipped(PrintWriter out, List<SkippedSource> skipped) {
        if (skipped.isEmpty()) {
            return;
        }
        out.println("Skipped " + Text.count(skipped.size(), "file", "files") + ":");
        for (SkippedSource s : skipped) {
            out.println("  " + s.path() + ": " + s.reason());
        }
    }
}
