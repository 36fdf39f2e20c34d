package io.agentassist.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentassist.knowledge.eval.EvalItem;
import io.agentassist.knowledge.eval.EvalReport;
import io.agentassist.knowledge.eval.EvalSetException;
import io.agentassist.knowledge.eval.EvalSetReader;
import io.agentassist.knowledge.eval.ModeMetrics;
import io.agentassist.knowledge.eval.RetrievalEvaluator;
import io.agentassist.knowledge.search.LuceneKnowledgeSearch;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code assist kb eval}: how well each search mode finds the articles an eval set marks as relevant. */
@Command(name = "eval",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        versionProvider = VersionProvider.class,
        header = "Measure retrieval quality and latency on an eval set.",
        description = {
            "Runs every conversation of the eval set against the index and reports, per search mode, "
                    + "success@1, success@5, recall@10 and MRR@10 over distinct articles, and p50/p99 latency.",
            "Eval set: JSON Lines, one item a line, e.g.",
            "  {\"id\":\"q1\",\"conversation\":[{\"role\":\"customer\",\"text\":\"...\"}],\"relevant\":[\"article-id\"]}"})
final class KbEvalCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    IndexOption index;

    @Option(names = "--eval", required = true, paramLabel = "FILE.jsonl", description = "The eval set.")
    Path evalFile;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "all", converter = ModeSelection.Converter.class,
            description = "bm25, dense, hybrid, or all three in that order (default: ${DEFAULT-VALUE}).")
    ModeSelection modes;

    @Option(names = "--json", description = "Print the report as one line of JSON.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        List<EvalItem> items = readEvalSet(evalFile);
        EvalReport report;
        try (LuceneKnowledgeSearch search = index.openForSearch()) {
            report = new RetrievalEvaluator(search).evaluate(items, modes.modes());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(json ? toJson(report) : table(report, index.dir()));
        out.flush();
        return 0;
    }

    static List<EvalItem> readEvalSet(Path file) {
        Path path = Sources.readableFile(file, "eval set");
        try {
            return EvalSetReader.read(path);
        } catch (EvalSetException e) {
            throw new CliError(e.getMessage(), e);
        } catch (IOException e) {
            throw new CliError("cannot read eval set " + file + ": " + Sources.reason(e), e);
        }
    }

    /**
     * The report as a stable, compact JSON object for scripts and CI:
     * {@code {"queries":N,"results":[{"mode":..,"success@1":..,"success@5":..,"recall@10":..,"mrr@10":..,
     * "p50_ms":..,"p99_ms":..}]}}; quality rounded to 4 decimals, milliseconds to 2.
     */
    static String toJson(EvalReport report) {
        ObjectNode root = Json.object();
        root.put("queries", report.queries());
        ArrayNode results = root.putArray("results");
        for (ModeMetrics m : report.results()) {
            results.addObject()
                    .put("mode", m.mode().id())
                    .put("success@1", Json.rounded(m.successAt1(), 4))
                    .put("success@5", Json.rounded(m.successAt5(), 4))
                    .put("recall@10", Json.rounded(m.recallAt10(), 4))
                    .put("mrr@10", Json.rounded(m.mrrAt10(), 4))
                    .put("p50_ms", Json.rounded(m.p50Millis(), 2))
                    .put("p99_ms", Json.rounded(m.p99Millis(), 2));
        }
        return Json.write(root);
    }

    static String table(EvalReport report, Path indexDir) {
        var table = new Table("mode", "success@1", "success@5", "recall@10", "mrr@10", "p50 ms", "p99 ms");
        for (ModeMetrics m : report.results()) {
            table.row(m.mode().id(),
                    Text.decimals(m.successAt1(), 4), Text.decimals(m.successAt5(), 4),
                    Text.decimals(m.recallAt10(), 4), Text.decimals(m.mrrAt10(), 4),
                    Text.decimals(m.p50Millis(), 2), Text.decimals(m.p99Millis(), 2));
        }
        return "Evaluated " + Text.count(report.queries(), "query", "queries") + " against " + indexDir + "\n\n"
                + table.render();
    }
}
