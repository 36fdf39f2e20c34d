package io.agentassist.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentassist.app.wiring.AssistServices;
import io.agentassist.core.persistence.Database;
import io.agentassist.core.review.DateRange;
import io.agentassist.core.review.GapGroup;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code assist review gaps}: the questions the knowledge base had no answer for, grouped by similarity. */
@Command(name = "gaps",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        versionProvider = VersionProvider.class,
        header = "List the questions retrieval found nothing for, grouped by similarity, largest group first.",
        description = {
            "Questions that share enough content words are grouped (Jaccard similarity, average linkage); each "
                    + "group shows how often it was asked, on how many tickets, when first and last, and its most "
                    + "typical question. 'assist review draft-article --group N' drafts an article for group N "
                    + "(with the same --from/--to)."})
final class ReviewGapsCommand implements Callable<Integer> {
    private final CliEnvironment env;

    @Spec
    CommandSpec spec;

    @Mixin
    ReviewOptions.Dates dates;

    @Option(names = "--json", description = "Print the groups as one line of JSON.")
    boolean json;

    ReviewGapsCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        DateRange range = dates.range(spec, false);
        AssistServices services = new AssistServices(env.config(), Clock.systemUTC());
        List<GapGroup> groups;
        try (Database database = CliDatabase.open(env, services)) {
            groups = services.review(database, range.zone()).gapGroups(range);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode root = Json.object();
            root.put("from", range.from().map(Object::toString).orElse(null));
            root.put("to", range.to().map(Object::toString).orElse(null));
            root.put("zone", range.zone().getId());
            ArrayNode list = root.putArray("groups");
            for (GapGroup group : groups) {
                ObjectNode node = list.addObject();
                node.put("group", group.number());
                node.put("count", group.count());
                node.put("representative", group.representative());
                ArrayNode tickets = node.putArray("tickets");
                group.ticketIds().forEach(tickets::add);
                node.put("first_seen", group.firstSeen().toString());
                node.put("last_seen", group.lastSeen().toString());
                ArrayNode variants = node.putArray("questions");
                group.variants().forEach(variants::add);
            }
            out.println(Json.write(root));
        } else if (groups.isEmpty()) {
            out.println("No knowledge gaps " + (range.from().isEmpty() && range.to().isEmpty() ? "recorded."
                    : "recorded " + range.describe() + "."));
        } else {
            int questions = groups.stream().mapToInt(GapGroup::count).sum();
            out.println("Knowledge gaps " + range.describe() + " (" + range.zone().getId() + "): "
                    + Text.count(questions, "question", "questions") + " in " + Text.count(groups.size(), "group", "groups"));
            Table table = new Table("group", "asked", "tickets", "first seen", "last seen", "question").left(0, 5);
            for (GapGroup group : groups) {
                table.row("#" + group.number(), Text.count(group.count()), Text.count(group.ticketIds().size()),
                        day(group.firstSeen(), range), day(group.lastSeen(), range), oneLine(group.representative()));
            }
            out.println(table.render());
        }
        out.flush();
        return 0;
    }

    private static String day(java.time.Instant at, DateRange range) {
        return range.dayOf(at).toString();
    }

    private static String oneLine(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() > 100 ? line.substring(0, 99) + "…" : line;
    }
}
