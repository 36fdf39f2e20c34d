package io.agentassist.app.cli;

import io.agentassist.app.perf.FxStallMonitor;
import io.agentassist.app.perf.Percentiles;
import io.agentassist.app.perf.WindowBench;
import io.agentassist.app.perf.WindowBench.Opened;
import io.agentassist.app.perf.WindowBench.Phase;
import io.agentassist.core.assist.TicketConversation;
import io.agentassist.core.conversation.Speaker;
import io.agentassist.core.conversation.Turn;
import io.agentassist.core.knowledge.KnowledgeQuery;
import io.agentassist.core.model.Author;
import io.agentassist.core.model.Channel;
import io.agentassist.core.model.Customer;
import io.agentassist.core.model.Message;
import io.agentassist.core.model.Ticket;
import io.agentassist.core.model.TicketStatus;
import io.agentassist.knowledge.eval.EvalItem;
import io.agentassist.knowledge.index.EmbeddingModelChoice;
import io.agentassist.knowledge.index.IndexProgress;
import io.agentassist.knowledge.index.TextEmbedder;
import io.agentassist.knowledge.search.LuceneKnowledgeSearch;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code assist bench window}: the agent's window with a knowledge index of a given size, tickets made from
 * real conversations, and the time from selecting a ticket to its articles on screen, with an FX-thread stall
 * monitor running. See {@link WindowBench} for what is measured.
 */
@Command(name = "window",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        versionProvider = VersionProvider.class,
        header = "Measure ticket selection to articles shown in the real window, and FX-thread stalls.",
        description = {
            "Builds (or reuses, with --index-cache) a knowledge index of --size one-chunk articles made from the "
                    + "sources' text (as kb bench does), makes one chat ticket per conversation of the eval set "
                    + "(its customer turns as messages), opens the real window on a fresh data folder (embedded "
                    + "database, offline model) and selects tickets in the queue one after another.",
            "Reports, per pace, select-to-articles percentiles measured on the FX thread, and the FX thread's "
                    + "heartbeat lateness and stalls over 50 ms meanwhile. 'reading': the next ticket once its "
                    + "summary and suggestion are shown too; 'skimming': the next ticket as soon as the articles "
                    + "are laid out, at most one per --skim-ms.",
            "Needs a display ($DISPLAY, e.g. Xvfb) unless --headless is given."})
final class BenchWindowCommand implements Callable<Integer> {
    /** As many passages as the window's article list asks for (WorkspaceViewModel.ARTICLES). */
    private static final int ARTICLES = 8;
    private static final int BARE_WARM_UP = 100;

    private final CliEnvironment env;

    @Spec
    CommandSpec spec;

    @Option(names = "--source", required = true, arity = "1..*", paramLabel = "PATH",
            description = "Files or folders of knowledge articles whose text fills the bench index.")
    List<Path> sources;

    @Option(names = "--tickets", required = true, paramLabel = "FILE.jsonl",
            description = "Eval set whose conversations become the tickets (e.g. target/dstc11-dev/eval.jsonl).")
    Path ticketsFile;

    @Option(names = "--size", paramLabel = "N", defaultValue = "10000",
            description = "Index size in chunks (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--selections", paramLabel = "N", defaultValue = "300",
            description = "Tickets selected per pace, each a different ticket (default: ${DEFAULT-VALUE}).")
    int selections;

    @Option(names = "--warm-up", paramLabel = "N", defaultValue = "150",
            description = "Selections before measuring, not counted (default: ${DEFAULT-VALUE}).")
    int warmUp;

    @Option(names = "--skim-ms", paramLabel = "MS", defaultValue = "250",
            description = "Skimming pace: at most one selection per MS milliseconds (default: ${DEFAULT-VALUE}).")
    long skimMillis;

    @Option(names = "--index-cache", paramLabel = "DIR",
            description = "Keep the bench index in DIR/size-N and reuse it next time when made from the same "
                    + "text, size and model. Default: a temporary folder, deleted afterwards.")
    Path indexCache;

    @Option(names = "--samples", paramLabel = "FILE.csv",
            description = "Also write every selection's times to FILE.csv, one row per selection.")
    Path samplesFile;

    @Option(names = "--headless", description = "Use JavaFX's headless platform (what CI has) instead of a display.")
    boolean headless;

    BenchWindowCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() throws Exception {
        validate();
        List<EvalItem> items = KbEvalCommand.readEvalSet(ticketsFile);
        int needed = warmUp + 2 * selections;
        List<Ticket> tickets = tickets(items, Instant.now());
        if (tickets.size() < needed) {
            throw new CliError(ticketsFile + " has " + tickets.size() + " conversations with customer turns; "
                    + needed + " are needed for " + warmUp + " warm-up selections and two paces of " + selections);
        }
        tickets = tickets.subList(0, needed);

        BenchIndex.Source source = BenchIndex.load(sources);
        EmbeddingModelChoice choice = EmbeddingModelChoice.defaultChoice();
        status("Loading the " + choice.id() + " embedding model");
        TextEmbedder embedder = TextEmbedder.load(choice);
        Path scratch = Files.createTempDirectory("assist-bench-window-");
        try {
            Path indexDir = indexCache != null
                    ? indexCache.toAbsolutePath().normalize().resolve("size-" + size)
                    : scratch.resolve("index");
            status("Preparing the " + Text.count(size) + "-chunk index in " + indexDir);
            IndexProgress progress = TerminalProgress.forEnvironment(env, "Indexing " + Text.count(size));
            BenchIndex.Built index;
            try {
                index = BenchIndex.reuseOrBuild(indexDir, source, size, embedder, progress);
            } finally {
                TerminalProgress.closeIfOpen(progress);
            }
            status("Timing the bare search for the same tickets");
            double[] bare = bareSearch(indexDir, embedder, tickets.subList(warmUp, needed));

            var settings = new WindowBench.Settings(scratch.resolve("data"), indexDir, size, tickets, warmUp,
                    selections, Duration.ofMillis(skimMillis), headless);
            double loadBefore = loadAverage();
            WindowBench.Result result = WindowBench.run(settings, this::status);
            print(index, source, items.size(), bare, result);
            spec.commandLine().getOut().printf("%nSystem load average (1 min) %s before the window opened, %s after "
                    + "the last selection, on %d cores.%n", Text.decimals(loadBefore, 2), Text.decimals(loadAverage(), 2),
                    Runtime.getRuntime().availableProcessors());
            spec.commandLine().getOut().flush();
            if (samplesFile != null) {
                writeSamples(samplesFile, result);
            }
        } finally {
            BenchIndex.deleteRecursively(scratch);
        }
        return 0;
    }

    private void validate() {
        if (size < 1 || selections < 1 || warmUp < 0 || skimMillis < 0) {
            throw new ParameterException(spec.commandLine(),
                    "--size and --selections must be at least 1, --warm-up and --skim-ms at least 0");
        }
    }

    /**
     * One open chat ticket per conversation with a customer turn: the customer's turns as its messages, a minute
     * apart; the agent's turns are left out, as if nobody had answered yet.
     */
    static List<Ticket> tickets(List<EvalItem> items, Instant now) {
        List<Ticket> tickets = new ArrayList<>();
        for (EvalItem item : items) {
            List<Turn> said = item.conversation().turns().stream()
                    .filter(t -> t.speaker() == Speaker.CUSTOMER && !t.text().isBlank()).toList();
            if (said.isEmpty()) {
                continue;
            }
            int n = tickets.size() + 1;
            Instant first = now.minus(Duration.ofHours(8)).plus(Duration.ofSeconds(30L * n));
            List<Message> messages = new ArrayList<>();
            for (int k = 0; k < said.size(); k++) {
                messages.add(new Message("m" + (k + 1), Author.CUSTOMER, said.get(k).text(),
                        first.plus(Duration.ofMinutes(k))));
            }
            tickets.add(new Ticket("dstc-" + item.id(), "", Channel.CHAT,
                    new Customer("Guest " + n, "guest" + n + "@example.com", "en"), TicketStatus.OPEN, messages));
        }
        return tickets;
    }

    /** The window's article query for each ticket, run straight against the index with nothing else going on. */
    private static double[] bareSearch(Path indexDir, TextEmbedder embedder, List<Ticket> tickets) throws IOException {
        try (LuceneKnowledgeSearch search = LuceneKnowledgeSearch.open(indexDir, embedder)) {
            List<KnowledgeQuery> queries = tickets.stream()
                    .map(t -> KnowledgeQuery.of(TicketConversation.of(t), ARTICLES)).toList();
            for (int i = 0; i < Math.min(BARE_WARM_UP, queries.size()); i++) {
                search.search(queries.get(i));
            }
            double[] millis = new double[queries.size()];
            for (int i = 0; i < queries.size(); i++) {
                long start = System.nanoTime();
                search.search(queries.get(i));
                millis[i] = (System.nanoTime() - start) / 1e6;
            }
            return millis;
        }
    }

    private void print(BenchIndex.Built index, BenchIndex.Source source, int conversations, double[] bare,
                       WindowBench.Result result) {
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Window bench: %s-chunk index %s from %s; %s made from %s of %s (customer turns only); "
                        + "JavaFX on %s; window ready with %s in the queue after %s s.%n%n",
                Text.count(index.chunks()),
                index.reused() ? "reused from " + index.dir() : "built in " + Text.decimals(index.seconds(), 1) + " s",
                Text.count(source.chunks().size(), "source chunk", "source chunks"),
                Text.count(result.warmUp().opened().size() + 2L * selections, "ticket", "tickets"),
                Text.count(conversations, "conversation", "conversations"), ticketsFile, result.platform(),
                Text.count(result.queueSize(), "ticket", "tickets"), Text.decimals(result.windowMillis() / 1000, 1));
        out.println("Select to shown, in ms; nearest-rank percentiles over " + Text.count(selections)
                + " selections per pace, after " + Text.count(warmUp) + " warm-up selections:");
        out.println();
        out.println(latencyTable(result.phases()));
        out.println();
        out.printf("Bare search, the same %s queries straight on the index with nothing else running: "
                        + "p50 %s, p90 %s, p99 %s, max %s ms.%n%n",
                Text.count(bare.length), ms(bare, 50), ms(bare, 90), ms(bare, 99), ms(bare, 100));
        out.println("FX thread meanwhile: lateness of a heartbeat posted every "
                + FxStallMonitor.DEFAULT_INTERVAL.toMillis() + " ms; a stall is a heartbeat over "
                + FxStallMonitor.DEFAULT_THRESHOLD.toMillis() + " ms late:");
        out.println();
        out.println(fxTable(result));
        for (Phase phase : result.phases()) {
            for (FxStallMonitor.Stall stall : phase.worstStalls()) {
                out.println();
                out.println(name(phase) + ": " + stall.describe().lines().limit(16)
                        .reduce((a, b) -> a + "\n" + b).orElse(""));
            }
        }
        out.flush();
    }

    private static void writeSamples(Path file, WindowBench.Result result) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("pace,n,ticket,conversation_ms,articles_ms,laid_out_ms,all_shown_ms,hits,suggestion_failed");
        List<Phase> all = new ArrayList<>();
        all.add(result.warmUp());
        all.addAll(result.phases());
        for (Phase phase : all) {
            String pace = phase == result.warmUp() ? "warm-up" : name(phase);
            for (int i = 0; i < phase.opened().size(); i++) {
                Opened o = phase.opened().get(i);
                lines.add(String.join(",", pace, Integer.toString(i + 1), o.ticketId(),
                        Text.decimals(o.conversationMillis(), 2), Text.decimals(o.articlesMillis(), 2),
                        Text.decimals(o.laidOutMillis(), 2), Text.decimals(o.settledMillis(), 2),
                        Integer.toString(o.hits()), Boolean.toString(o.suggestionFailed())));
            }
        }
        try {
            Files.write(file, lines);
        } catch (IOException e) {
            throw new CliError("cannot write " + file + ": " + Sources.reason(e), e);
        }
    }

    static String latencyTable(List<Phase> phases) {
        var table = new Table("pace", "selections", "conversation p50", "articles p50", "p90", "p99", "max",
                "laid out p50", "laid out p99", "all shown p50", "all shown p99");
        for (Phase phase : phases) {
            boolean settled = phase.pace() == WindowBench.Pace.READING;
            table.row(name(phase), Text.count(phase.opened().size()),
                    ms(phase, Opened::conversationMillis, 50),
                    ms(phase, Opened::articlesMillis, 50), ms(phase, Opened::articlesMillis, 90),
                    ms(phase, Opened::articlesMillis, 99), ms(phase, Opened::articlesMillis, 100),
                    ms(phase, Opened::laidOutMillis, 50), ms(phase, Opened::laidOutMillis, 99),
                    settled ? ms(phase, Opened::settledMillis, 50) : "-",
                    settled ? ms(phase, Opened::settledMillis, 99) : "-");
        }
        return table.render();
    }

    private static String fxTable(WindowBench.Result result) {
        var table = new Table("pace", "heartbeats", "lateness p50", "p99", "max", "stalls > "
                + FxStallMonitor.DEFAULT_THRESHOLD.toMillis() + " ms");
        List<Phase> all = new ArrayList<>();
        all.add(result.warmUp());
        all.addAll(result.phases());
        for (Phase phase : all) {
            FxStallMonitor.Snapshot fx = phase.fx();
            table.row(phase == result.warmUp() ? "warm-up" : name(phase), Text.count(fx.heartbeats()),
                    Text.decimals(fx.p50Millis(), 1), Text.decimals(fx.p99Millis(), 1),
                    Text.decimals(fx.maxMillis(), 1), Text.count(fx.stalls()));
        }
        return table.render();
    }

    private static String name(Phase phase) {
        return phase.pace().name().toLowerCase();
    }

    private static String ms(Phase phase, ToDoubleFunction<Opened> which, double percentile) {
        return ms(phase.millis(which), percentile);
    }

    private static String ms(double[] values, double percentile) {
        return Text.decimals(Percentiles.nearestRank(values, percentile), 1);
    }

    /** Other work on the machine skews every figure here: the load is printed with them. */
    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** Progress for a person at a terminal, on stderr so the results on stdout stay clean. */
    private void status(String message) {
        if (env.interactive()) {
            spec.commandLine().getErr().println(message + "\u2026");
            spec.commandLine().getErr().flush();
        }
    }
}
