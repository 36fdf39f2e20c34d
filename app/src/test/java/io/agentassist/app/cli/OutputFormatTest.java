package io.agentassist.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentassist.core.knowledge.KnowledgeHit;
import io.agentassist.core.knowledge.SearchMode;
import io.agentassist.knowledge.eval.EvalReport;
import io.agentassist.knowledge.eval.ModeMetrics;
import io.agentassist.knowledge.index.IndexReport;
import io.agentassist.knowledge.ingest.SkippedSource;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a person reads: the index summary, ranked hits, snippets and tables. */
class OutputFormatTest {

    @Test
    void theIndexSummaryCountsArticlesChunksAndChanges() {
        var report = new IndexReport(12, 3, 270, 2, 80, 285, 1234,
                List.of(new SkippedSource("kb/_defaults.md", "template, not an article"),
                        new SkippedSource("kb/old.md", "redirect stub without a body")),
                "", Duration.ofMillis(8_240));

        assertThat(print(out -> KbIndexCommand.printReport(out, report))).isEqualTo("""
                Indexed 285 articles into 1,234 chunks in 8.2 s: 12 added, 3 updated, 270 unchanged, 2 deleted.
                Skipped 2 files:
                  kb/_defaults.md: template, not an article
                  kb/old.md: redirect stub without a body
                """);
    }

    @Test
    void aRebuildIsExplainedFirst() {
        var report = new IndexReport(1, 0, 0, 0, 1, 1, 1, List.of(), "the embedding model changed",
                Duration.ofMillis(50));

        assertThat(print(out -> KbIndexCommand.printReport(out, report))).isEqualTo("""
                Rebuilt the whole index: the embedding model changed
                Indexed 1 article into 1 chunk in 0.1 s: 1 added, 0 updated, 0 unchanged, 0 deleted.
                """);
    }

    @Test
    void hitsAreRankedWithScoreTitleSectionAndArticleId() {
        var hits = List.of(
                hit("refunds", "Refunds", "Card payments", "You get your <b>refund</b> within\n5 days.", 0.81234),
                hit("returns", "Returns", "", "Send the <b>parcel</b> back.", 0.5));

        assertThat(print(out -> KbSearchCommand.printHits(out, hits, false))).isEqualTo("""
                1. 0.8123  Refunds \u203A Card payments  [refunds]
                   You get your refund within 5 days.
                2. 0.5000  Returns  [returns]
                   Send the parcel back.
                """);
    }

    @Test
    void highlightsAreBoldOnATerminalOnly() {
        assertThat(Text.snippet("a <b>refund</b>", true)).isEqualTo("a \u001B[1mrefund\u001B[0m");
        assertThat(Text.snippet("a <b>refund</b>", false)).isEqualTo("a refund");
    }

    @Test
    void noHitsSaySo() {
        assertThat(print(out -> KbSearchCommand.printHits(out, List.of(), false))).isEqualTo("No matching passages.\n");
    }

    @Test
    void hitsAsJsonAreAnArrayOfObjects() {
        String json = KbSearchCommand.toJson(List.of(hit("refunds", "Refunds", "", "<b>refund</b>", 0.5)));

        assertThat(json).startsWith("[{\"articleId\":\"refunds\",\"chunkId\":\"refunds#0\",\"title\":\"Refunds\"")
                .contains("\"snippet\":\"<b>refund</b>\"").contains("\"score\":0.5").endsWith("}]");
    }

    @Test
    void evalJsonIsCompactWithKeysInOrderAndRounded() {
        var report = new EvalReport(120, List.of(
                new ModeMetrics(SearchMode.BM25, 0.45, 0.7, 0.75, 0.55123456, 0.349, 1.2049),
                new ModeMetrics(SearchMode.HYBRID, 1.0, 1.0, 0.123456789, 0.00009, 12.0, 30.555)));

        assertThat(KbEvalCommand.toJson(report)).isEqualTo("{\"queries\":120,\"results\":["
                + "{\"mode\":\"bm25\",\"success@1\":0.45,\"success@5\":0.7,\"recall@10\":0.75,\"mrr@10\":0.5512,"
                + "\"p50_ms\":0.35,\"p99_ms\":1.2},"
                + "{\"mode\":\"hybrid\",\"success@1\":1.0,\"success@5\":1.0,\"recall@10\":0.1235,\"mrr@10\":0.0001,"
                + "\"p50_ms\":12.0,\"p99_ms\":30.56}]}");
    }

    @Test
    void tablesAlignNumbersRight() {
        var table = new Table("mode", "p50 ms").row("bm25", "0.35").row("hybrid", "12.50");

        assertThat(table.render()).isEqualTo("""
                mode    p50 ms
                bm25      0.35
                hybrid   12.50""");
    }

    @Test
    void filtersBecomeAMapAndRejectEmptyParts() {
        assertThat(KbSearchCommand.parseFilters(List.of("category=billing", "locale = de")))
                .containsExactly(Map.entry("category", "billing"), Map.entry("locale", "de"));
        assertThat(KbSearchCommand.parseFilters(List.of("q=a=b"))).containsEntry("q", "a=b");
        for (String bad : List.of("=x", "key=", "noequals")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> KbSearchCommand.parseFilters(List.of(bad)))
                    .isInstanceOf(CliError.class).hasMessageContaining("bad --filter \"" + bad + "\"");
        }
    }

    private static KnowledgeHit hit(String article, String title, String section, String snippet, double score) {
        return new KnowledgeHit(article, article + "#0", title, section, snippet, snippet, "", score, Map.of());
    }

    private static String print(java.util.function.Consumer<PrintWriter> printer) {
        var text = new StringWriter();
        var out = new PrintWriter(text);
        printer.accept(out);
        out.flush();
        return text.toString().replace(System.lineSeparator(), "\n");
    }
}
