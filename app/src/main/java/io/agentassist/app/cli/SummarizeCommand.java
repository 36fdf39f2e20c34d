package io.agentassist.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentassist.app.wiring.AssistServices;
import io.agentassist.core.assist.offline.ExtractiveSummarizer;
import io.agentassist.core.assist.summary.CaseSummaryService;
import io.agentassist.core.llm.Cancellation;
import io.agentassist.core.model.CaseSummary;
import io.agentassist.core.model.Ticket;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code assist summarize}: the case summary of a ticket, so the customer never has to repeat themselves. */
@Command(name = "summarize",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        versionProvider = VersionProvider.class,
        header = "Summarise a ticket: intent, what happened, what was tried or promised, open questions, next step.",
        description = "Uses the configured language model, or the offline extractive summary when none is "
                + "configured or it fails. Also prints the handoff note for escalating to another agent.")
final class SummarizeCommand implements Callable<Integer> {
    private final CliEnvironment env;

    @Spec
    CommandSpec spec;

    @Mixin
    TicketOption ticket;

    @Mixin
    IndexOption index;

    @Option(names = "--json", description = "Print the summary as one line of JSON.")
    boolean json;

    SummarizeCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        Ticket read = ticket.read();
        CaseSummaryService.Result result = new AssistServices(env.config(), Clock.systemUTC()).summaries()
                .summarize(read, new Cancellation());
        CaseSummary summary = result.summary();
        String handoff = new ExtractiveSummarizer().handoffSummary(read, summary);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode root = JsonNodeFactory.instance.objectNode();
            root.put("mode", summary.mode());
            root.put("intent", summary.intent());
            root.put("what_happened", summary.whatHappened());
            ArrayNode tried = root.putArray("tried_or_promised");
            summary.triedOrPromised().forEach(tried::add);
            ArrayNode open = root.putArray("open_questions");
            summary.openQuestions().forEach(open::add);
            root.put("next_step", summary.nextStep());
            root.put("sentiment", summary.sentiment());
            root.put("handoff", handoff);
            out.println(Json.write(root));
        } else {
            out.println("Case summary of ticket " + read.id() + " (" + summary.mode()
                    + result.modelProblem().map(p -> " — the model could not be used: " + p).orElse("") + "):");
            out.println("  Intent:             " + summary.intent());
            out.println("  What happened:      " + summary.whatHappened());
            printList(out, "Tried or promised:", summary.triedOrPromised());
            printList(out, "Open questions:", summary.openQuestions());
            out.println("  Next step:          " + summary.nextStep());
            out.println("  Sentiment:          " + summary.sentiment());
            out.println();
            out.println("Handoff note:");
            handoff.lines().forEach(line -> out.println("  " + line));
        }
        out.flush();
        return 0;
    }

    private static void printList(PrintWriter out, String label, List<String> items) {
        String pad = " ".repeat(Math.max(1, 20 - label.length()));
        if (items.isEmpty()) {
            out.println("  " + label + pad + "—");
            return;
        }
        out.println("  " + label + pad + items.getFirst());
        items.subList(1, items.size()).forEach(item -> out.println("  " + " ".repeat(20) + item));
    }
}
