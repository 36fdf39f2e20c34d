package io.agentassist.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The knowledge commands end to end on a tiny help centre in test resources: index it for real (Lucene and
 * the embedding model), then search and evaluate it the way an admin would from a terminal.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KnowledgeBaseEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NL = System.lineSeparator();

    @TempDir
    static Path temp;

    private CliRunner cli;
    private Path fixture;
    private Path evalSet;
    private Path index;
    private CliRunner.Result firstIndexRun;

    @BeforeAll
    void indexTheFixture() throws URISyntaxException {
        cli = new CliRunner(temp.resolve("data"));
        fixture = resource("/kb-fixture");
        evalSet = resource("/kb-fixture-eval.jsonl");
        index = temp.resolve("index");
        firstIndexRun = cli.run("kb", "index", "--source", fixture.toString(), "--index", index.toString());
    }

    @Test
    void indexingReportsArticlesChunksAndSkippedFiles() {
        assertThat(firstIndexRun.err()).isEmpty();
        assertThat(firstIndexRun.exitCode()).isZero();
        assertThat(firstIndexRun.out())
                .containsPattern("^Indexed 6 articles into \\d+ chunks in \\d+\\.\\d s: "
                        + "6 added, 0 updated, 0 unchanged, 0 deleted\\.")
                .contains("Skipped 2 files:" + NL)
                .contains("_defaults.md: ")
                .contains("old-returns.md: redirect stub");
    }

    @Test
    void indexingAgainFindsNothingChanged() {
        var again = cli.run("kb", "index", "--source", fixture.toString(), "--index", index.toString());

        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("Indexed 6 articles").contains("0 added, 0 updated, 6 unchanged, 0 deleted.");
    }

    @Test
    void reindexingWithoutNamingAModelKeepsTheModelTheIndexWasBuiltWith() {
        Path bgeIndex = temp.resolve("bge-index");
        var first = cli.run("kb", "index", "--source", fixture.toString(), "--index", bgeIndex.toString(),
                "--embedding-model", "bge-small-en-v1.5-q");
        var again = cli.run("kb", "index", "--source", fixture.toString(), "--index", bgeIndex.toString());

        assertThat(first.exitCode()).isZero();
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).doesNotContain("Rebuilt").contains("0 added, 0 updated, 6 unchanged, 0 deleted.");
    }

    @Test
    void searchRanksTheRefundArticleFirstForARefundQuestion() {
        var result = cli.run("kb", "search", "--index", index.toString(), "--mode", "bm25", "--k", "3",
                "--query", "When does my refund reach my credit card?");

        assertThat(result.exitCode()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines.getFirst()).matches("1\\. \\d\\.\\d{4}  Refunds( \u203A .+)?  \\[billing/refunds\\]");
        assertThat(lines.get(1)).startsWith("   ").doesNotContain("<b>").doesNotContain("\u001B[");
    }

    @Test
    void everySearchModeAnswersAndJsonListsTheHits() throws Exception {
        for (String mode : List.of("bm25", "dense", "hybrid")) {
            var result = cli.run("kb", "search", "--index", index.toString(), "--mode", mode, "--json",
                    "--query", "my account is locked");

            assertThat(result.exitCode()).as(mode).isZero();
            JsonNode hits = JSON.readTree(result.out());
            assertThat(hits.isArray()).as(mode).isTrue();
            assertThat(hits.size()).as(mode).isBetween(1, 5);
            assertThat(hits.get(0).get("articleId").asText()).as(mode).isEqualTo("account/reset-password");
            assertThat(hits.get(0).has("snippet")).isTrue();
            assertThat(hits.get(0).get("score").isNumber()).isTrue();
        }
    }

    @Test
    void aFilterKeepsOnlyMatchingArticles() throws Exception {
        var result = cli.run("kb", "search", "--index", index.toString(), "--json", "--filter", "category=shipping",
                "--query", "how long does it take");

        assertThat(result.exitCode()).isZero();
        List<String> articles = new ArrayList<>();
        JSON.readTree(result.out()).forEach(hit -> articles.add(hit.get("articleId").asText()));
        assertThat(articles).isNotEmpty().allMatch(id -> id.startsWith("shipping/"));
    }

    @Test
    void evalJsonHasExactlyTheDocumentedShape() throws Exception {
        var result = cli.run("kb", "eval", "--index", index.toString(), "--eval", evalSet.toString(),
                "--mode", "all", "--json");

        assertThat(result.err()).isEmpty();
        assertThat(result.exitCode()).isZero();
        String number = "\\d+(\\.\\d{1,4})?(E-?\\d+)?";
        String mode = "\\{\"mode\":\"%s\",\"success@1\":N,\"success@5\":N,\"recall@10\":N,\"mrr@10\":N,"
                + "\"p50_ms\":N,\"p99_ms\":N}";
        String results = String.join(",", List.of("bm25", "dense", "hybrid").stream()
                .map(m -> mode.formatted(m).replace("N", number)).toList());
        assertThat(result.out().strip()).matches("\\{\"queries\":6,\"results\":\\[" + results + "]}");

        JsonNode report = JSON.readTree(result.out());
        for (JsonNode metrics : report.get("results")) {
            for (String key : List.of("success@1", "success@5", "recall@10", "mrr@10")) {
                assertThat(metrics.get(key).asDouble()).as(key).isBetween(0.0, 1.0);
            }
            assertThat(metrics.get("success@5").asDouble()).as("every answer is among 6 articles").isEqualTo(1.0);
        }
    }

    @Test
    void evalPrintsAnAlignedTableForPeople() {
        var result = cli.run("kb", "eval", "--index", index.toString(), "--eval", evalSet.toString(),
                "--mode", "hybrid");

        assertThat(result.exitCode()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines.getFirst()).isEqualTo("Evaluated 6 queries against " + index);
        assertThat(lines.get(2)).matches("mode\\s+success@1\\s+success@5\\s+recall@10\\s+mrr@10\\s+p50 ms\\s+p99 ms");
        assertThat(lines.get(3)).matches("hybrid\\s+\\d\\.\\d{4}\\s+\\d\\.\\d{4}\\s+\\d\\.\\d{4}\\s+\\d\\.\\d{4}"
                + "\\s+\\d+\\.\\d{2}\\s+\\d+\\.\\d{2}");
        assertThat(lines.get(2).length()).isEqualTo(lines.get(3).length());
    }

    @Test
    void aBrokenEvalSetNamesTheFileAndLine() throws Exception {
        Path broken = java.nio.file.Files.writeString(temp.resolve("broken.jsonl"), "{\"id\":\"q1\"\n");

        var result = cli.run("kb", "eval", "--index", index.toString(), "--eval", broken.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("error: " + broken + " line 1: ").doesNotContain("Exception");
        assertThat(result.err().lines()).hasSize(1);
    }

    @Test
    void benchMeasuresIndexingAndSearchAtEachSize() throws Exception {
        var result = cli.run("kb", "bench", "--source", fixture.toString(), "--size", "5,12", "--query-count", "20",
                "--work", temp.resolve("bench").toString(), "--json");

        assertThat(result.err()).isEmpty();
        assertThat(result.exitCode()).isZero();
        JsonNode report = JSON.readTree(result.out());
        assertThat(report.get("queries").asInt()).isEqualTo(20);
        JsonNode runs = report.get("runs");
        assertThat(runs.size()).isEqualTo(2);
        assertThat(runs.get(0).get("size").asInt()).isEqualTo(5);
        assertThat(runs.get(0).get("articles").asInt()).isEqualTo(5);
        assertThat(runs.get(1).get("chunks").asInt()).as("one chunk per synthetic article").isEqualTo(12);
        assertThat(runs.get(1).get("chunks_per_s").asDouble()).isPositive();
        assertThat(runs.get(1).get("modes")).hasSize(3);
        assertThat(temp.resolve("bench").resolve("size-12")).isNotEmptyDirectory();
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(KnowledgeBaseEndToEndTest.class.getResource(name).toURI());
    }
}
