package io.agentassist.app.cli;

import io.agentassist.knowledge.index.EmbeddingModelChoice;
import io.agentassist.knowledge.index.IndexProgress;
import io.agentassist.knowledge.index.IndexReport;
import io.agentassist.knowledge.index.KnowledgeIndexer;
import io.agentassist.knowledge.index.TextEmbedder;
import io.agentassist.knowledge.ingest.Article;
import io.agentassist.knowledge.ingest.Chunk;
import io.agentassist.knowledge.ingest.Chunker;
import io.agentassist.knowledge.ingest.KnowledgeSourceLoader;
import io.agentassist.knowledge.ingest.LoadResult;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The benchmarks' knowledge index: N one-chunk articles of real text, made from the chunks of real sources, so
 * a benchmark can measure an index of any size without a knowledge base of that size. Shared by
 * {@code kb bench} (which builds afresh to time indexing) and {@code bench window} (which reuses an index it
 * built before when a marker file says it was made from the same text, size and model).
 */
final class BenchIndex {
    private static final Logger LOG = LoggerFactory.getLogger(BenchIndex.class);
    static final String MARKER = "bench-index.properties";

    /** The real text the bench articles are made of. */
    record Source(List<Chunk> chunks, int articles, List<Path> paths) {
        /** Changes when the text changes: part of the marker that allows reusing an index. */
        String fingerprint() {
            long hash = 17;
            for (Chunk chunk : chunks) {
                hash = hash * 31 + chunk.title().hashCode();
                hash = hash * 31 + chunk.text().hashCode();
            }
            return chunks.size() + "-" + Long.toHexString(hash);
        }
    }

    /** An index ready to search. */
    record Built(Path dir, int articles, int chunks, double seconds, boolean reused) {
    }

    private BenchIndex() {
    }

    /** Loads and chunks the sources; the non-blank chunks are the bench's text. */
    static Source load(List<Path> sources) {
        List<Path> sourcePaths = Sources.checked(sources);
        LoadResult loaded = new KnowledgeSourceLoader().load(sourcePaths);
        Chunker chunker = new Chunker();
        List<Chunk> chunks = loaded.articles().stream()
                .flatMap(a -> chunker.chunk(a).stream())
                .filter(c -> !c.text().isBlank())
                .toList();
        if (chunks.isEmpty()) {
            throw new CliError("no knowledge articles with text found in " + Sources.describe(sourcePaths));
        }
        return new Source(chunks, loaded.articles().size(), sourcePaths);
    }

    /** Builds an index of {@code size} bench articles in {@code dir}, which must be empty, and times it. */
    static Built build(Path dir, Source source, int size, TextEmbedder embedder, IndexProgress progress)
            throws IOException {
        List<Article> articles = syntheticArticles(source.chunks(), size);
        // Large enough that no synthetic article (at most two source chunks) is split again.
        int longest = source.chunks().stream().mapToInt(c -> c.text().length()).max().orElse(0);
        var indexer = new KnowledgeIndexer(dir, embedder, new Chunker(Math.max(2 * longest + 2, Chunker.DEFAULT_MAX_CHARS)));
        long start = System.nanoTime();
        IndexReport report = indexer.index(new LoadResult(articles, List.of()), progress);
        double seconds = Math.max((System.nanoTime() - start) / 1e9, 1e-9);
        LOG.info("Bench index of {} articles: {} in {} s", size, report, seconds);
        writeMarker(dir, marker(source, size, embedder.choice()));
        return new Built(dir, report.totalArticles(), report.totalChunks(), seconds, false);
    }

    /**
     * The index in {@code dir} when an earlier run built it from the same text, size and model; otherwise
     * builds it there ({@code dir} must then be empty or missing).
     */
    static Built reuseOrBuild(Path dir, Source source, int size, TextEmbedder embedder, IndexProgress progress)
            throws IOException {
        Properties wanted = marker(source, size, embedder.choice());
        Properties found = readMarker(dir);
        if (wanted.equals(found)) {
            LOG.info("Reusing the bench index in {}", dir);
            return new Built(dir, size, size, 0, true);
        }
        return build(emptyFolder(dir), source, size, embedder, progress);
    }

    /**
     * Article i is source chunk i mod M; from i = M on it is joined with a second chunk. The partner
     * ((i * 7919 + 13 + i / M - 1) mod M) varies with the round i / M, so the pairs stay distinct up to
     * M * (M + 1) articles, and every passage is different real text.
     */
    static List<Article> syntheticArticles(List<Chunk> chunks, int size) {
        int m = chunks.size();
        List<Article> articles = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            Chunk base = chunks.get(i % m);
            String body = base.text();
            if (i >= m) {
                long round = i / m;
                int partner = (int) Math.floorMod((long) i * 7919 + 13 + round - 1, (long) m);
                body = body + "\n\n" + chunks.get(partner).text();
            }
            articles.add(new Article("bench-" + i, base.title(), body, "", "", List.of(), Map.of(), "bench"));
        }
        return articles;
    }

    /** {@code dir}, created when missing; a folder that holds anything is refused. */
    static Path emptyFolder(Path dir) {
        if (Files.exists(dir)) {
            try (Stream<Path> entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new CliError("bench folder " + dir + " is not empty: choose a new folder");
                }
            } catch (IOException e) {
                throw new CliError("cannot read bench folder " + dir + ": " + Sources.reason(e), e);
            }
        }
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new CliError("cannot create bench folder " + dir + ": " + Sources.reason(e), e);
        }
    }

    static void deleteRecursively(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            LOG.warn("Could not delete the bench folder {}", root, e);
        }
    }

    private static Properties marker(Source source, int size, EmbeddingModelChoice model) {
        var marker = new Properties();
        marker.setProperty("size", Integer.toString(size));
        marker.setProperty("text", source.fingerprint());
        marker.setProperty("model", model.id());
        return marker;
    }

    private static void writeMarker(Path dir, Properties marker) throws IOException {
        try (Writer out = Files.newBufferedWriter(dir.resolve(MARKER))) {
            marker.store(out, "Made by the Agent Assist benchmarks; an index with this marker is reused");
        }
    }

    private static Properties readMarker(Path dir) {
        Path file = dir.resolve(MARKER);
        var marker = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file)) {
                marker.load(in);
            } catch (IOException e) {
                LOG.debug("Unreadable bench marker {}", file, e);
            }
        }
        return marker;
    }
}
