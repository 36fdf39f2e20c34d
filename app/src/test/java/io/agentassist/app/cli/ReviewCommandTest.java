package io.agentassist.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentassist.core.config.AssistConfig;
import io.agentassist.core.llm.ModelSettings;
import io.agentassist.core.persistence.Database;
import io.agentassist.core.persistence.DatabaseSettings;
import io.agentassist.core.persistence.EmbeddedPostgresServer;
import io.agentassist.core.review.ReviewSeed;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code assist review} as a team lead (or their cron job) runs it, on the embedded database seeded with the week
 * of {@link ReviewSeed}, whose figures are worked out by hand there.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReviewCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] WEEK = {"--from", "2026-03-02", "--to", "2026-03-08", "--zone", "Europe/Berlin"};

    @TempDir
    static Path temp;

    private CliRunner cli;

    @BeforeAll
    void seedTheEmbeddedDatabase() {
        Path data = temp.resolve("data");
        try (Database database = Database.openEmbedded(data)) {
            ReviewSeed.seed(database, temp.resolve("seed"));
        }
        cli = new CliRunner(data);
    }

    @Test
    void theReportPrintsTheWeeksFiguresAsText() {
        var report = cli.run(args("review", "report"));

        assertThat(report.exitCode()).as(report.err()).isZero();
        // The figures of ReviewSeed's week, worked out by hand there; shares are of 9 suggestions.
        assertThat(report.out()).isEqualTo("""
                Review report 2026-03-02 to 2026-03-08 (Europe/Berlin), all agents
                9 suggestions acted on: 7 sent, 2 discarded; 2 of the sent reviewed.

                Suggestions                        count  share
                used as is                             2  22.2%
                lightly edited (edit ratio ≤ 0.2)      3  33.3%
                heavily edited                         2  22.2%
                discarded                              2  22.2%

                Day         as is  light  heavy  discarded
                2026-03-02      1      1      0          0
                2026-03-03      0      0      1          1
                2026-03-04      1      0      0          0
                2026-03-05      0      1      0          0
                2026-03-06      0      0      0          1
                2026-03-07      0      0      1          0
                2026-03-08      0      1      0          0

                Edit ratio  replies
                0.0–0.1           3
                0.1–0.2           1
                0.2–0.3           2
                0.3–0.4           0
                0.4–0.5           0
                0.5–0.6           1
                0.6–0.7           0
                0.7–0.8           0
                0.8–0.9           0
                0.9–1.0           0

                Time to approve (7 replies): mean 197.1 s, median 120.0 s, p90 600.0 s (nearest rank)

                Flags          sent  discarded
                UNCITED_CLAIM     2          0
                COMMITMENT        1          1
                NO_KNOWLEDGE      1          1
                FRUSTRATION       1          0

                Most-cited articles                            replies
                Damaged items (returns/damaged-items)                4
                How to return an item (returns/how-to-return)        2
                Delivery delays (shipping/delays)                    2

                Feedback (latest rating of each suggestion): 2 helpful, 3 not helpful, 4 none.
                Rubric means over 2 reviewed replies: accuracy 3.50, policy compliance 4.00, tone 4.00, completeness 4.00.
                """);
    }

    @Test
    void theJsonReportHoldsTheSameFiguresForAScript() throws Exception {
        var report = cli.run(args("review", "report", "--json"));

        assertThat(report.exitCode()).as(report.err()).isZero();
        JsonNode json = JSON.readTree(report.out());
        assertThat(json.path("from").asText()).isEqualTo("2026-03-02");
        assertThat(json.path("zone").asText()).isEqualTo("Europe/Berlin");
        assertThat(json.path("totals").toString()).isEqualTo("{\"suggestions\":9,\"sent\":7,\"discarded\":2,\"reviewed\":2}");
        assertThat(json.path("usage").toString())
                .isEqualTo("{\"as_is\":2,\"light\":3,\"heavy\":2,\"discarded\":2,\"light_edit_limit\":0.2}");
        assertThat(json.path("by_day")).hasSize(7);
        assertThat(json.path("by_day").get(1).toString())
                .isEqualTo("{\"day\":\"2026-03-03\",\"as_is\":0,\"light\":0,\"heavy\":1,\"discarded\":1}");
        assertThat(json.path("by_week").toString()).isEqualTo("[{\"week\":\"2026-W10\",\"first\":\"2026-03-02\","
                + "\"last\":\"2026-03-08\",\"as_is\":2,\"light\":3,\"heavy\":2,\"discarded\":2}]");
        assertThat(json.path("edit_ratio_histogram").findValuesAsText("replies"))
                .containsExactly("3", "1", "2", "0", "0", "1", "0", "0", "0", "0");
        // 1380 s / 7 = 197.142857… → 197.143; median 120; p90 600.
        assertThat(json.path("time_to_approve").toString()).isEqualTo("{\"replies\":7,\"mean_seconds\":197.143,"
                + "\"median_seconds\":120.0,\"p90_seconds\":600.0,\"percentiles\":\"nearest-rank\"}");
        assertThat(json.path("flags").get(0).toString()).isEqualTo("{\"kind\":\"UNCITED_CLAIM\",\"sent\":2,\"discarded\":0}");
        assertThat(json.path("most_cited").get(0).toString())
                .isEqualTo("{\"article_id\":\"returns/damaged-items\",\"title\":\"Damaged items\",\"replies\":4}");
        assertThat(json.path("feedback").toString()).isEqualTo("{\"helpful\":2,\"not_helpful\":3,\"none\":4}");
        assertThat(json.path("rubric").toString()).isEqualTo("{\"reviewed\":2,\"accuracy\":3.5,\"policy_compliance\":4.0,"
                + "\"tone\":4.0,\"completeness\":4.0}");
    }

    @Test
    void theReportReadsTheSharedPostgresqlDatabaseTheConfigNames() throws Exception {
        DatabaseSettings shared = EmbeddedPostgresServer.newDatabase(); // its URL names the user, as a config would
        try (Database database = Database.open(shared)) {
            ReviewSeed.seed(database, temp.resolve("seed-pg"));
        }
        CliRunner team = new CliRunner(temp.resolve("data-team"), () -> new AssistConfig(ModelSettings.unconfigured(),
                "", "", Optional.of(shared.url()), Optional.empty(), Optional.empty(), Optional.empty(), List.of()));

        var report = team.run(args("review", "report", "--json"));

        assertThat(report.exitCode()).as(report.err()).isZero();
        assertThat(JSON.readTree(report.out()).path("totals").toString())
                .isEqualTo("{\"suggestions\":9,\"sent\":7,\"discarded\":2,\"reviewed\":2}");
        assertThat(temp.resolve("data-team/assist.mv.db")).as("no embedded database was opened").doesNotExist();
    }

    @Test
    void anAgentsReportCountsOnlyTheirReplies() throws Exception {
        var report = cli.run(args("review", "report", "--agent", "ben", "--json"));

        JsonNode json = JSON.readTree(report.out());
        assertThat(json.path("filter").path("agents").toString()).isEqualTo("[\"ben\"]");
        assertThat(json.path("usage").toString())
                .isEqualTo("{\"as_is\":1,\"light\":0,\"heavy\":1,\"discarded\":0,\"light_edit_limit\":0.2}");
        assertThat(json.path("time_to_approve").path("mean_seconds").asDouble()).isEqualTo(165.0); // (300 + 30) / 2
    }

    @Test
    void daysAreReadInTheSystemZoneUnlessToldOtherwise() {
        String system = ZoneId.systemDefault().getId();

        var implicit = cli.run("review", "report", "--from", "2026-03-02", "--to", "2026-03-08", "--json");
        var explicit = cli.run("review", "report", "--from", "2026-03-02", "--to", "2026-03-08", "--zone", system,
                "--json");

        assertThat(implicit.exitCode()).as(implicit.err()).isZero();
        assertThat(implicit.out()).isEqualTo(explicit.out()).contains("\"zone\":\"" + system + "\"");
    }

    @Test
    void exportWritesTheTableAsCsvAndKeepsAnExistingFile() throws Exception {
        Path csv = temp.resolve("exports/week.csv");

        var first = cli.run(args("review", "export", "--out", csv.toString()));
        var again = cli.run(args("review", "export", "--out", csv.toString()));
        var forced = cli.run(args("review", "export", "--agent", "ben", "--out", csv.toString(), "--force"));

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("Exported 7 replies").contains(csv.toString());
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("already exists; add --force to replace it");
        assertThat(forced.exitCode()).as(forced.err()).isZero();
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines.getFirst()).startsWith("sent_at,agent,ticket,channel,customer,edit_ratio,bucket,");
        assertThat(String.join("\n", lines)).contains("2026-03-03T12:05:00+01:00,ben,T-3,email,"
                + "\"Lopez, Maria <t-3@example.com>\",0.5000,heavy,300,COMMITMENT UNCITED_CLAIM,not_helpful,2,3,4,3,");
        assertThat(Files.list(csv.getParent())).as("no partial file left").hasSize(1);
    }

    @Test
    void aBadDateIsAUsageErrorNamingTheOption() {
        var badDate = cli.run("review", "report", "--from", "2026-13-01", "--to", "2026-03-08");
        var reversed = cli.run("review", "report", "--from", "2026-03-09", "--to", "2026-03-08");
        var missing = cli.run("review", "report", "--from", "2026-03-02");
        var badZone = cli.run("review", "export", "--from", "2026-03-02", "--to", "2026-03-08", "--zone", "Mars/Base",
                "--out", temp.resolve("x.csv").toString());

        assertThat(badDate.exitCode()).isEqualTo(2);
        assertThat(badDate.err()).contains("Invalid value for option '--from': '2026-13-01' is not a date: expected "
                + "YYYY-MM-DD");
        assertThat(reversed.exitCode()).isEqualTo(2);
        assertThat(reversed.err()).contains("--from 2026-03-09 is after --to 2026-03-08");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("Missing required option: '--to=YYYY-MM-DD'");
        assertThat(badZone.exitCode()).isEqualTo(2);
        assertThat(badZone.err()).contains("'--zone'").contains("'Mars/Base' is not a time zone");
    }

    @Test
    void gapsAreListedInGroupsWithCounts() throws Exception {
        var text = cli.run("review", "gaps", "--zone", "UTC");
        var json = cli.run("review", "gaps", "--zone", "UTC", "--json");

        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).startsWith("Knowledge gaps all dates (UTC): 7 questions in 4 groups\n")
                .contains("#1         3        2  2026-02-16  2026-02-18  My new card still hasn't arrived, it's been two weeks.");
        JsonNode groups = JSON.readTree(json.out()).path("groups");
        assertThat(groups).hasSize(4);
        assertThat(groups.get(0).path("count").asInt()).isEqualTo(3);
        assertThat(groups.get(0).path("tickets").toString()).isEqualTo("[\"G-1\",\"G-3\"]");
        assertThat(groups.get(1).path("representative").asText()).contains("exchange rate");
    }

    @Test
    void aDraftArticleIsWrittenForReviewOnceAndNeverIntoAKnowledgeFolder() throws Exception {
        Path drafts = temp.resolve("drafts");

        var drafted = cli.run("review", "draft-article", "--group", "1", "--out", drafts.toString());
        var again = cli.run("review", "draft-article", "--group", "1", "--out", drafts.toString());
        var noSuchGroup = cli.run("review", "draft-article", "--group", "9", "--out", drafts.toString());
        Path knowledge = Files.createDirectories(temp.resolve("kb"));
        var intoKnowledge = new CliRunner(temp.resolve("data"), () -> new AssistConfig(ModelSettings.unconfigured(), "",
                "", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(knowledge)))
                .run("review", "draft-article", "--group", "1", "--out", knowledge.resolve("drafts").toString());

        assertThat(drafted.exitCode()).as(drafted.err()).isZero();
        assertThat(drafted.out()).contains("as an offline skeleton").contains("Nothing was indexed.");
        List<Path> files;
        try (var listing = Files.list(drafts)) {
            files = listing.toList();
        }
        assertThat(files).singleElement().satisfies(file -> {
            assertThat(file.getFileName().toString()).startsWith("gap-").endsWith("-my-new-card-still-hasn-t-arrived-it-s-been-two-weeks.md");
            String markdown = Files.readString(file);
            assertThat(markdown).startsWith("---\ntitle: \"My new card still hasn't arrived, it's been two weeks.\"\n"
                    + "status: draft\nsource: knowledge-gap\n")
                    .contains("tickets: [\"G-1\", \"G-3\"]")
                    .contains("- New cards arrive within 7 working days of the order. _(G-1, G-3)_")
                    .doesNotContain("Jana").doesNotContain("7946 0958");
        });
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("already exists and was not overwritten");
        assertThat(noSuchGroup.exitCode()).isEqualTo(1);
        assertThat(noSuchGroup.err()).contains("there is no group 9").contains("4 groups (1 to 4)");
        assertThat(intoKnowledge.exitCode()).isEqualTo(1);
        assertThat(intoKnowledge.err()).contains("inside the knowledge folder");
    }

    private static String[] args(String... command) {
        String[] all = new String[command.length + WEEK.length];
        System.arraycopy(command, 0, all, 0, command.length);
        System.arraycopy(WEEK, 0, all, command.length, WEEK.length);
        return all;
    }
}
