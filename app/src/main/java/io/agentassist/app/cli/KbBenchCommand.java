package io.agentassist.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentassist.app.perf.Percentiles;
import io.agentassist.core.conversation.Conversation;
import io.agentassist.core.knowledge.KnowledgeQuery;
import io.agentassist.core.knowledge.SearchMode;
import io.agentassist.knowledge.eval.EvalItem;
import io.agentassist.knowledge.index.EmbeddingModelChoice;
import io.agentassist.knowledge.index.IndexProgress;
import io.agentassist.knowledge.index.TextEmbedder;
import io.agentassist.knowledge.ingest.Chunk;
import io.agentassist.knowledge.search.LuceneKnowledgeSearch;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code assist kb bench}: how fast indexing and searching are at a given index size, measured on real text.
 * It builds throw-away indexes of N one-chunk articles made from the chunks of the given sources, so the
 * numbers say what a knowledge base of that size would cost without needing one.
 */
@Command(name = "bench",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        versionProvider = VersionProvider.class,
        header = "Measure indexing throughput and search latency at given index sizes.",
        description = {
            "For each size N, builds a fresh index of N one-chunk articles (bench-0 .. bench-N-1) made from the "
                    + "chunks of the sources: chunk i mod M on its own while i < M, then joined with another chunk "
                    + "so every passage is distinct real text. Reports chunks/s and articles/s for indexing, then "
                    + "p50/p99 search latency per mode after an untimed warm-up.",
            "Queries are the eval set's conversations (--queries), else the first sentence of randomly chosen "
                    + "source chunks (seeded, so runs are comparable)."})
final class KbBenchCommand implements Callable<Integer> {
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");
    private static final int SEARCH_LIMIT = 10;
    private static final int WARM_UP_QUERIES = 100;
    private static final long QUERY_SEED = 42;
    private static final int MAX_QUERY_CHARS = 300;

    private final CliEnvironment env;

    @Spec
    CommandSpec spec;

    @Option(names = "--source", required = true, arity = "1..*", paramLabel = "PATH",
            description = "Files or folders of knowledge articles whose text fills the bench indexes.")
    List<Path> sources;

    @Option(names = "--size", required = true, split = ",", paramLabel = "N",
            description = "Index sizes in chunks, comma-separated, e.g. 1000,10000.")
    List<Integer> sizes;

    @Option(names = "--queries", paramLabel = "FILE.jsonl",
            description = "Eval set whose conversations are the queries (default: random source sentences).")
    Path queriesFile;

    @Option(names = "--query-count", paramLabel = "N", defaultValue = "500",
            description = "At most this many queries per mode (default: ${DEFAULT-VALUE}).")
    int queryCount;

    @Option(names = "--work", paramLabel = "DIR",
            description = "Keep the bench indexes in DIR/size-N (must not exist yet or be empty). "
                    + "Default: a temporary folder, deleted afterwards.")
    Path workDir;

    @Option(names = "--embedding-model", paramLabel = "MODEL", converter = EmbeddingModelConverter.class,
            description = "all-minilm-l6-v2-q (default) or bge-small-en-v1.5-q.")
    EmbeddingModelChoice model;

    @Option(names = "--json", description = "Print the results as one line of JSON.")
    boolean json;

    KbBenchCommand(CliEnvironment env) {
        this.env = env;
    }

    /** One size's measurements. */
    record SizeResult(int size, int articles, int chunks, double indexSeconds, List<ModeLatency> latencies) {
        double chunksPerSecond() {
            return chunks / indexSeconds;
        }

        double articlesPerSecond() {
            return articles / indexSeconds;
        }
    }

    record ModeLatency(SearchMode mode, double p50Millis, double p99Millis) {
    }

    @Override
    public Integer call() throws IOException {
        validate();
        BenchIndex.Source source = BenchIndex.load(sources);
        List<Chunk> chunks = source.chunks();
        List<Conversation> queries = queriesFile != null
                ? evalConversations(queriesFile, queryCount)
                : sentenceQueries(chunks, queryCount);
        String querySource = queriesFile != null ? "eval set " + queriesFile : "random source sentences";
        EmbeddingModelChoice choice = model != null ? model : EmbeddingModelChoice.defaultChoice();
        status("Loading the " + choice.id() + " embedding model");
        TextEmbedder embedder = TextEmbedder.load(choice);

        Path root = workDir != null ? workDir.toAbsolutePath().normalize() : Files.createTempDirectory("assist-bench-");
        List<SizeResult> results = new ArrayList<>();
        try {
            for (int size : sizes) {
                results.add(runSize(size, source, queries, embedder, root));
            }
        } finally {
            if (workDir == null) {
                BenchIndex.deleteRecursively(root);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(toJson(chunks.size(), source.articles(), queries.size(),
                    queriesFile != null ? "eval" : "random-sentences", choice, results));
        } else {
            out.printf("Bench text: %s from %s; %s from %s; embedding model %s.%n%n",
                    Text.count(chunks.size(), "source chunk", "source chunks"),
                    Text.count(source.articles(), "article", "articles"),
                    Text.count(queries.size(), "query", "queries"), querySource, choice.id());
            out.println(table(results));
            out.println();
            out.println("Search latencies are per query in milliseconds, top " + SEARCH_LIMIT + " passages.");
            if (workDir != null) {
                out.println("Bench indexes kept in " + root);
            }
        }
        out.flush();
        return 0;
    }

    private void validate() {
        for (int size : sizes) {
            if (size < 1) {
                throw new ParameterException(spec.commandLine(), "--size must be at least 1, was " + size);
            }
        }
        if (queryCount < 1) {
            throw new ParameterException(spec.commandLine(), "--query-count must be at least 1, was " + queryCount);
        }
    }

    private SizeResult runSize(int size, BenchIndex.Source source, List<Conversation> queries,
            TextEmbedder embedder, Path root) throws IOException {
        Path dir = BenchIndex.emptyFolder(root.resolve("size-" + size));
        status("Indexing " + Text.count(size, "article", "articles") + " into " + dir);
        IndexProgress progress = TerminalProgress.forEnvironment(env, "Indexing " + Text.count(size));
        BenchIndex.Built built;
        try {
            built = BenchIndex.build(dir, source, size, embedder, progress);
        } finally {
            TerminalProgress.closeIfOpen(progress);
        }

        status("Searching: " + Text.count(queries.size(), "query", "queries") + " per mode");
        List<ModeLatency> latencies = new ArrayList<>();
        try (LuceneKnowledgeSearch search = LuceneKnowledgeSearch.open(dir, embedder)) {
            for (SearchMode mode : SearchMode.values()) {
                latencies.add(measure(search, mode, queries));
            }
        }
        return new SizeResult(size, built.articles(), built.chunks(), built.seconds(), latencies);
    }

    /** The first sentence of randomly chosen chunks (fixed seed), as single customer messages. */
    static List<Conversation> sentenceQueries(List<Chunk> chunks, int count) {
        var random = new Random(QUERY_SEED);
        List<Conversation> queries = new ArrayList<>(count);
        for (int q = 0; q < count; q++) {
            String text = chunks.get(random.nextInt(chunks.size())).text().strip();
            String sentence = SENTENCE_END.split(text, 2)[0].strip();
            if (sentence.length() > MAX_QUERY_CHARS) {
                sentence = sentence.substring(0, MAX_QUERY_CHARS);
            }
            queries.add(Conversation.ofCustomerText(sentence));
        }
        return queries;
    }

    private static List<Conversation> evalConversations(Path file, int count) {
        List<EvalItem> items = KbEvalCommand.readEvalSet(file);
        return items.stream().limit(count).map(EvalItem::conversation).toList();
    }

    private static ModeLatency measure(LuceneKnowledgeSearch search, SearchMode mode, List<Conversation> queries) {
        for (Conversation warmUp : queries.subList(0, Math.min(WARM_UP_QUERIES, queries.size()))) {
            search.search(new KnowledgeQuery(warmUp, mode, SEARCH_LIMIT, Map.of()));
        }
        double[] millis = new double[queries.size()];
        for (int i = 0; i < queries.size(); i++) {
            var query = new KnowledgeQuery(queries.get(i), mode, SEARCH_LIMIT, Map.of());
            long start = System.nanoTime();
            search.search(query);
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        return new ModeLatency(mode, Percentiles.nearestRank(millis, 50), Percentiles.nearestRank(millis, 99));
    }

    /** Progress for a person at a terminal, on stderr so the results on stdout stay clean. */
    private void status(String message) {
        if (env.interactive()) {
            spec.commandLine().getErr().println(message + "\u2026");
            spec.commandLine().getErr().flush();
        }
    }

    static String table(List<SizeResult> results) {
        List<String> header = new ArrayList<>(List.of("size", "chunks", "index s", "chunks/s", "articles/s"));
        for (SearchMode mode : SearchMode.values()) {
            header.add(mode.id() + " p50");
            header.add(mode.id() + " p99");
        }
        var table = new Table(header.toArray(String[]::new));
        for (SizeResult r : results) {
            List<String> cells = new ArrayList<>(List.of(Text.count(r.size()), Text.count(r.chunks()),
                    Text.decimals(r.indexSeconds(), 1), Text.decimals(r.chunksPerSecond(), 1),
                    Text.decimals(r.articlesPerSecond(), 1)));
            for (ModeLatency l : r.latencies()) {
                cells.add(Text.decimals(l.p50Millis(), 2));
                cells.add(Text.decimals(l.p99Millis(), 2));
            }
            table.row(cells.toArray(String[]::new));
        }
        return table.render();
    }

    static String toJson(int sourceChunks, int sourceArticles, int queries, String querySource,
            EmbeddingModelChoice choice, List<SizeResult> results) {
        ObjectNode root = Json.object();
        root.put("source_articles", sourceArticles);
        root.put("source_chunks", sourceChunks);
        root.put("queries", queries);
        root.put("query_source", querySource);
        root.put("embedding_model", choice.id());
        root.put("k", SEARCH_LIMIT);
        ArrayNode runs = root.putArray("runs");
        for (SizeResult r : results) {
            ObjectNode run = runs.addObject()
                    .put("size", r.size())
                    .put("articles", r.articles())
                    .put("chunks", r.chunks())
                    .put("index_seconds", Json.rounded(r.indexSeconds(), 3))
                    .put("chunks_per_s", Json.rounded(r.chunksPerSecond(), 1))
                    .put("articles_per_s", Json.rounded(r.articlesPerSecond(), 1));
            ArrayNode modes = run.putArray("modes");
            for (ModeLatency l : r.latencies()) {
                modes.addObject()
                        .put("mode", l.mode().id())
                        .put("p50_ms", Json.rounded(l.p50Millis(), 2))
                        .put("p99_ms", Json.rounded(l.p99Millis(), 2));
            }
        }
        return Json.write(root);
    }
}
