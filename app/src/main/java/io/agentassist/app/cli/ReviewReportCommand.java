package io.agentassist.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentassist.app.wiring.AssistServices;
import io.agentassist.core.persistence.Database;
import io.agentassist.core.review.DateRange;
import io.agentassist.core.review.Rating;
import io.agentassist.core.review.ReviewFilter;
import io.agentassist.core.review.ReviewMetrics;
import io.agentassist.core.review.ReviewMetrics.ApprovalTimes;
import io.agentassist.core.review.ReviewMetrics.UsageCounts;
import io.agentassist.core.review.ReviewMetrics.UsagePeriod;
import io.agentassist.core.review.UsageBucket;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code assist review report}: the dashboard's figures for a date range, for a weekly report by cron. */
@Command(name = "report",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        versionProvider = VersionProvider.class,
        header = "Print how the team used the suggestions between two dates.",
        description = {
            "Suggestions used as is, lightly edited (edit ratio up to 0.2), heavily edited or discarded, per day "
                    + "or week; the edit-ratio histogram; flags by kind; mean, median and p90 time from suggestion "
                    + "to approval (nearest-rank percentiles); the most-cited articles; agents' feedback; mean "
                    + "rubric scores of reviewed replies.",
            "Dates are days in this computer's time zone unless --zone says otherwise, both ends included."})
final class ReviewReportCommand implements Callable<Integer> {
    private final CliEnvironment env;

    @Spec
    CommandSpec spec;

    @Mixin
    ReviewOptions.Dates dates;

    @Mixin
    ReviewOptions.Narrowing narrowing;

    @Option(names = "--by", paramLabel = "PERIOD", defaultValue = "day",
            description = "Usage over time per day or week (default: ${DEFAULT-VALUE}). JSON has both.")
    String by;

    @Option(names = "--json", description = "Print the report as one line of JSON.")
    boolean json;

    ReviewReportCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        DateRange range = dates.range(spec, true);
        if (!by.equals("day") && !by.equals("week")) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "Invalid value for option '--by': '" + by + "' (expected day or week)");
        }
        ReviewFilter filter = narrowing.filter(range);
        AssistServices services = new AssistServices(env.config(), Clock.systemUTC());
        ReviewMetrics metrics;
        try (Database database = CliDatabase.open(env, services)) {
            metrics = services.review(database, range.zone()).metrics(filter);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(json(metrics, filter)));
        } else {
            printText(out, metrics, filter);
        }
        out.flush();
        return 0;
    }

    private ObjectNode json(ReviewMetrics metrics, ReviewFilter filter) {
        ObjectNode root = Json.object();
        DateRange range = metrics.range();
        root.put("from", range.from().map(Object::toString).orElse(null));
        root.put("to", range.to().map(Object::toString).orElse(null));
        root.put("zone", range.zone().getId());
        ObjectNode narrowed = root.putObject("filter");
        ArrayNode agents = narrowed.putArray("agents");
        filter.agents().stream().sorted().forEach(agents::add);
        narrowed.put("channel", filter.channel().map(c -> c.id()).orElse(null));
        narrowed.put("flag", filter.flag().map(Enum::name).orElse(null));
        narrowed.put("rating", filter.rating().map(Rating::id).orElse(null));

        UsageCounts usage = metrics.usage();
        ObjectNode totals = root.putObject("totals");
        totals.put("suggestions", usage.total());
        totals.put("sent", usage.sent());
        totals.put("discarded", usage.discarded());
        totals.put("reviewed", metrics.rubric().reviewed());
        ObjectNode buckets = root.putObject("usage");
        putCounts(buckets, usage);
        buckets.put("light_edit_limit", Json.rounded(UsageBucket.LIGHT_EDIT_LIMIT, 2));
        ArrayNode days = root.putArray("by_day");
        metrics.byDay().forEach(day -> putCounts(days.addObject().put("day", day.label()), day.counts()));
        ArrayNode weeks = root.putArray("by_week");
        metrics.byWeek().forEach(week -> putCounts(weeks.addObject().put("week", week.label())
                .put("first", week.first().toString()).put("last", week.last().toString()), week.counts()));
        ArrayNode histogram = root.putArray("edit_ratio_histogram");
        metrics.editRatios().forEach(bin -> histogram.addObject().put("from", Json.rounded(bin.from(), 1))
                .put("to", Json.rounded(bin.to(), 1)).put("replies", bin.count()));
        ArrayNode flags = root.putArray("flags");
        metrics.flags().forEach(flag -> flags.addObject().put("kind", flag.kind().name()).put("sent", flag.sent())
                .put("discarded", flag.discarded()));
        ApprovalTimes times = metrics.timeToApprove();
        ObjectNode approval = root.putObject("time_to_approve");
        approval.put("replies", times.count());
        approval.put("mean_seconds", seconds(times.mean()));
        approval.put("median_seconds", seconds(times.median()));
        approval.put("p90_seconds", seconds(times.p90()));
        approval.put("percentiles", "nearest-rank");
        ArrayNode cited = root.putArray("most_cited");
        metrics.mostCited().forEach(article -> cited.addObject().put("article_id", article.articleId())
                .put("title", article.title()).put("replies", article.replies()));
        ObjectNode feedback = root.putObject("feedback");
        for (Rating rating : Rating.values()) {
            feedback.put(rating.id(), metrics.feedback().of(rating));
        }
        ObjectNode rubric = root.putObject("rubric");
        rubric.put("reviewed", metrics.rubric().reviewed());
        rubric.put("accuracy", mean(metrics.rubric().accuracy()));
        rubric.put("policy_compliance", mean(metrics.rubric().policyCompliance()));
        rubric.put("tone", mean(metrics.rubric().tone()));
        rubric.put("completeness", mean(metrics.rubric().completeness()));
        return root;
    }

    private static void putCounts(ObjectNode node, UsageCounts counts) {
        for (UsageBucket bucket : UsageBucket.values()) {
            node.put(bucket.id(), counts.of(bucket));
        }
    }

    private static java.math.BigDecimal seconds(Optional<Duration> duration) {
        return duration.map(d -> Json.rounded(d.toNanos() / 1e9, 3)).orElse(null);
    }

    private static java.math.BigDecimal mean(OptionalDouble value) {
        return value.isPresent() ? Json.rounded(value.getAsDouble(), 2) : null;
    }

    private void printText(PrintWriter out, ReviewMetrics metrics, ReviewFilter filter) {
        DateRange range = metrics.range();
        UsageCounts usage = metrics.usage();
        out.println("Review report " + range.describe() + " (" + range.zone().getId() + "), " + filter.describe());
        out.println(Text.count(usage.total(), "suggestion", "suggestions") + " acted on: " + usage.sent() + " sent, "
                + usage.discarded() + " discarded; " + metrics.rubric().reviewed() + " of the sent reviewed.");
        out.println();

        Table buckets = new Table("Suggestions", "count", "share");
        for (UsageBucket bucket : UsageBucket.values()) {
            String label = bucket.label() + (bucket == UsageBucket.LIGHT
                    ? " (edit ratio ≤ " + UsageBucket.LIGHT_EDIT_LIMIT + ")" : "");
            buckets.row(label, Text.count(usage.of(bucket)), percent(usage.share(bucket)));
        }
        out.println(buckets.render());
        out.println();

        List<UsagePeriod> periods = by.equals("week") ? metrics.byWeek() : metrics.byDay();
        Table overTime = new Table(by.equals("week") ? "Week" : "Day", "as is", "light", "heavy", "discarded");
        periods.forEach(p -> overTime.row(p.label(), Text.count(p.counts().asIs()), Text.count(p.counts().light()),
                Text.count(p.counts().heavy()), Text.count(p.counts().discarded())));
        out.println(overTime.render());
        out.println();

        Table ratios = new Table("Edit ratio", "replies");
        metrics.editRatios().forEach(bin -> ratios.row(bin.label(), Text.count(bin.count())));
        out.println(ratios.render());
        out.println();

        ApprovalTimes times = metrics.timeToApprove();
        if (times.count() == 0) {
            out.println("Time to approve: no reply sent.");
        } else {
            out.println("Time to approve (" + Text.count(times.count(), "reply", "replies") + "): mean "
                    + Text.seconds(times.mean().orElseThrow()) + " s, median " + Text.seconds(times.median().orElseThrow())
                    + " s, p90 " + Text.seconds(times.p90().orElseThrow()) + " s (nearest rank)");
        }
        out.println();

        if (metrics.flags().isEmpty()) {
            out.println("Flags: none.");
        } else {
            Table flags = new Table("Flags", "sent", "discarded");
            metrics.flags().forEach(f -> flags.row(f.kind().name(), Text.count(f.sent()), Text.count(f.discarded())));
            out.println(flags.render());
        }
        out.println();

        if (metrics.mostCited().isEmpty()) {
            out.println("Most-cited articles: none.");
        } else {
            Table cited = new Table("Most-cited articles", "replies");
            metrics.mostCited().forEach(a -> cited.row((a.title().isBlank() ? "" : a.title() + " ") + "(" + a.articleId()
                    + ")", Text.count(a.replies())));
            out.println(cited.render());
        }
        out.println();

        out.println("Feedback (latest rating of each suggestion): " + metrics.feedback().helpful() + " helpful, "
                + metrics.feedback().notHelpful() + " not helpful, " + metrics.feedback().none() + " none.");
        var rubric = metrics.rubric();
        if (rubric.reviewed() == 0) {
            out.println("Rubric: no reply reviewed.");
        } else {
            out.println("Rubric means over " + Text.count(rubric.reviewed(), "reviewed reply", "reviewed replies")
                    + ": accuracy " + two(rubric.accuracy()) + ", policy compliance " + two(rubric.policyCompliance())
                    + ", tone " + two(rubric.tone()) + ", completeness " + two(rubric.completeness()) + ".");
        }
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    private static String two(OptionalDouble value) {
        return Text.decimals(value.orElseThrow(), 2);
    }
}
