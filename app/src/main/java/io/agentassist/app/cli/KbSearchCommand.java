package io.agentassist.app.cli;

import io.agentassist.core.conversation.Conversation;
import io.agentassist.core.knowledge.KnowledgeHit;
import io.agentassist.core.knowledge.KnowledgeQuery;
import io.agentassist.core.knowledge.SearchMode;
import io.agentassist.knowledge.search.LuceneKnowledgeSearch;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code assist kb search}: one query against the index, as the co-pilot would run it. */
@Command(name = "search",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        versionProvider = VersionProvider.class,
        header = "Search the knowledge index with a customer message.",
        description = "Treats the query as one customer message and prints the best passages, best first.")
final class KbSearchCommand implements Callable<Integer> {
    private final CliEnvironment env;

    @Spec
    CommandSpec spec;

    @Mixin
    IndexOption index;

    @Option(names = {"-q", "--query"}, required = true, paramLabel = "TEXT",
            description = "What the customer wrote.")
    String query;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "hybrid", converter = SearchModeConverter.class,
            description = "Ranking: bm25 (words), dense (meaning) or hybrid (both; default).")
    SearchMode mode;

    @Option(names = "--k", paramLabel = "N", defaultValue = "5",
            description = "How many passages to show (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--filter", paramLabel = "KEY=VALUE",
            description = "Only articles whose metadata field KEY equals VALUE, e.g. category=billing. Repeatable.")
    List<String> filters = List.of();

    @Option(names = "--json", description = "Print the hits as a JSON array.")
    boolean json;

    KbSearchCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() throws IOException {
        if (query.isBlank()) {
            throw new ParameterException(spec.commandLine(), "--query must not be blank");
        }
        if (k < 1) {
            throw new ParameterException(spec.commandLine(), "--k must be at least 1, was " + k);
        }
        var request = new KnowledgeQuery(Conversation.ofCustomerText(query), mode, k, parseFilters(filters));
        List<KnowledgeHit> hits;
        try (LuceneKnowledgeSearch search = index.openForSearch()) {
            hits = search.search(request);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(toJson(hits));
        } else {
            printHits(out, hits, env.interactive());
        }
        out.flush();
        return 0;
    }

    static Map<String, String> parseFilters(List<String> filters) {
        Map<String, String> parsed = new LinkedHashMap<>();
        for (String filter : filters) {
            int eq = filter.indexOf('=');
            if (eq <= 0 || filter.substring(0, eq).isBlank()) {
                throw new CliError("bad --filter \"" + filter + "\": expected KEY=VALUE, e.g. category=billing");
            }
            String key = filter.substring(0, eq).strip();
            String value = filter.substring(eq + 1).strip();
            if (value.isEmpty()) {
                throw new CliError("bad --filter \"" + filter + "\": the value after '=' is empty");
            }
            if (parsed.putIfAbsent(key, value) != null) {
                throw new CliError("bad --filter \"" + filter + "\": " + key + " is filtered twice");
            }
        }
        return parsed;
    }

    static void printHits(PrintWriter out, List<KnowledgeHit> hits, boolean terminal) {
        if (hits.isEmpty()) {
            out.println("No matching passages.");
            return;
        }
        for (int i = 0; i < hits.size(); i++) {
            KnowledgeHit hit = hits.get(i);
            String heading = hit.section().isBlank() ? hit.title() : hit.title() + " \u203A " + hit.section();
            String number = (i + 1) + ". ";
            out.println(number + Text.decimals(hit.score(), 4) + "  " + heading + "  [" + hit.articleId() + "]");
            out.println(" ".repeat(number.length()) + Text.snippet(hit.snippet(), terminal));
        }
    }

    static String toJson(List<KnowledgeHit> hits) {
        return Json.write(hits);
    }
}
