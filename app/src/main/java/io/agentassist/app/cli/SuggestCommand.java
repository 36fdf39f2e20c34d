package io.agentassist.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentassist.app.wiring.AssistServices;
import io.agentassist.core.assist.reply.Suggestion;
import io.agentassist.core.llm.Cancellation;
import io.agentassist.core.model.Citation;
import io.agentassist.core.model.Flag;
import io.agentassist.core.model.Ticket;
import io.agentassist.core.persistence.Database;
import io.agentassist.core.persistence.JdbcTicketStore;
import io.agentassist.knowledge.search.LuceneKnowledgeSearch;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code assist suggest}: the suggested reply for a ticket, exactly as the co-pilot would offer it. */
@Command(name = "suggest",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        versionProvider = VersionProvider.class,
        header = "Suggest a reply to a ticket, grounded in the knowledge index.",
        description = {"Retrieves passages for the conversation, drafts a reply with the configured language model "
                + "(or offline, from the passages alone, when none is configured or it fails), checks it with every "
                + "guardrail and prints it with its sources and flags.",
                "Nothing is sent: a reply reaches a customer only through an agent's approval."})
final class SuggestCommand implements Callable<Integer> {
    private static final int EARLIER_TICKETS = 5;

    private final CliEnvironment env;

    @Spec
    CommandSpec spec;

    @Mixin
    TicketOption ticket;

    @Mixin
    IndexOption index;

    @Option(names = "--json", description = "Print {\"mode\",\"draft\",\"citations\",\"flags\"} as one line of JSON.")
    boolean json;

    SuggestCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() throws Exception {
        Ticket read = ticket.read();
        AssistServices services = new AssistServices(env.config(), Clock.systemUTC());
        Suggestion suggestion;
        try (LuceneKnowledgeSearch search = index.openForSearch();
             Database database = CliDatabase.open(env, services)) {
            suggestion = services.suggestions(search, services.gapsIn(database))
                    .suggest(read, services.agent(), earlierTickets(database, read), new Cancellation());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(toJson(suggestion)));
        } else {
            print(out, read, suggestion);
        }
        out.flush();
        return 0;
    }

    /** The customer's other tickets in the database, newest first, so the reply can take them into account. */
    private static List<Ticket> earlierTickets(Database database, Ticket ticket) {
        if (ticket.customer().email().isBlank()) {
            return List.of();
        }
        JdbcTicketStore store = new JdbcTicketStore(database);
        return store.list().stream()
                .filter(summary -> !summary.id().equals(ticket.id()))
                .filter(summary -> summary.customer().email().equalsIgnoreCase(ticket.customer().email()))
                .limit(EARLIER_TICKETS)
                .map(summary -> store.find(summary.id()))
                .flatMap(java.util.Optional::stream)
                .toList();
    }

    static ObjectNode toJson(Suggestion suggestion) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("mode", suggestion.draft().mode());
        root.put("draft", suggestion.draft().text());
        ArrayNode citations = root.putArray("citations");
        for (Citation citation : suggestion.draft().citations()) {
            citations.addObject().put("marker", citation.marker()).put("articleId", citation.articleId())
                    .put("title", citation.title());
        }
        ArrayNode flags = root.putArray("flags");
        for (Flag flag : suggestion.draft().flags()) {
            flags.addObject().put("kind", flag.kind().name().toLowerCase(Locale.ROOT)).put("detail", flag.detail());
        }
        return root;
    }

    private static void print(PrintWriter out, Ticket ticket, Suggestion suggestion) {
        String how = suggestion.offline()
                ? suggestion.modelProblem().map(p -> "offline — the model could not be used: " + p)
                        .orElse("offline — no language model is configured")
                : "from " + suggestion.draft().model() + ", prompt " + suggestion.draft().promptVersion();
        out.println("Suggested reply for ticket " + ticket.id() + " (" + how + "):");
        out.println();
        out.println(suggestion.draft().text());
        out.println();
        if (!suggestion.draft().citations().isEmpty()) {
            out.println("Sources:");
            for (Citation citation : suggestion.draft().citations()) {
                out.println("  [" + citation.marker() + "] " + citation.title() + "  (" + citation.articleId() + ")");
            }
        }
        if (!suggestion.draft().flags().isEmpty()) {
            out.println("Flags (! needs the agent's confirmation before approval):");
            for (Flag flag : suggestion.draft().flags()) {
                out.println("  " + (flag.blocking() ? "!" : "i") + " " + flag.kind().name().toLowerCase(Locale.ROOT)
                        + ": " + flag.detail());
            }
        }
        out.println("Nothing was sent: a reply reaches the customer only when an agent approves it.");
    }
}
