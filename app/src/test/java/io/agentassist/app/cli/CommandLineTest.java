package io.agentassist.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The command line's contract with its users: help everywhere, exit codes, and one-line errors. */
class CommandLineTest {
    @TempDir
    Path temp;

    private CliRunner cli;

    @BeforeEach
    void setUp() {
        cli = new CliRunner(temp.resolve("data"));
    }

    static Stream<List<String>> commands() {
        return Stream.of(List.of(), List.of("kb"), List.of("kb", "index"), List.of("kb", "search"),
                List.of("kb", "eval"), List.of("kb", "bench"));
    }

    @ParameterizedTest
    @MethodSource("commands")
    void everyCommandPrintsHelp(List<String> command) {
        var result = cli.run(with(command, "--help"));

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Usage: " + String.join(" ", with(List.of("assist"), command.toArray(String[]::new))));
        assertThat(result.out()).contains("--help").contains("--version");
        assertThat(result.err()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("commands")
    void everyCommandPrintsTheVersion(List<String> command) {
        var result = cli.run(with(command, "--version"));

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("Agent Assist ").contains("Java ");
    }

    @Test
    void helpShowsTheDefaultIndexFolder() {
        var result = cli.run("kb", "search", "--help");

        assertThat(result.out()).contains("Default: " + cli.directories().indexDir());
    }

    @Test
    void anUnknownSearchModeIsAUsageErrorThatNamesTheValue() {
        var result = cli.run("kb", "search", "--mode", "fuzzy", "--query", "refund");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err())
                .contains("error: Invalid value for option '--mode': unknown search mode \"fuzzy\"")
                .contains("Try 'assist kb search --help' for more information.");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void evalAlsoAcceptsAllButRejectsAnUnknownMode() {
        var result = cli.run("kb", "eval", "--mode", "everything", "--eval", "x.jsonl");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("unknown search mode \"everything\": expected bm25, dense, hybrid or all");
    }

    @Test
    void anUnknownEmbeddingModelIsAUsageError() {
        var result = cli.run("kb", "index", "--source", temp.toString(), "--embedding-model", "gpt-embed");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("unknown embedding model \"gpt-embed\"");
    }

    @Test
    void aMissingRequiredOptionIsAUsageError() {
        var result = cli.run("kb", "search");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Missing required option: '--query=TEXT'");
    }

    @Test
    void kbWithoutACommandSaysWhichOnesExist() {
        var result = cli.run("kb");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("expected one of index, search, eval, bench");
    }

    @Test
    void searchingWithoutAnIndexIsOneLineWithoutAStackTrace() {
        Path missing = temp.resolve("no-index-here");

        var result = cli.run("kb", "search", "--index", missing.toString(), "--query", "refund");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo(
                "error: no knowledge index at " + missing + ": run `assist kb index` first" + System.lineSeparator());
        assertThat(result.out()).isEmpty();
    }

    @Test
    void theDefaultIndexIsTheOneInTheDataFolder() {
        var result = cli.run("kb", "search", "--query", "refund");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("no knowledge index at " + cli.directories().indexDir());
    }

    @Test
    void anEmptyIndexFolderCountsAsNoIndex() throws IOException {
        Path empty = Files.createDirectories(temp.resolve("empty"));

        var result = cli.run("kb", "eval", "--index", empty.toString(), "--eval", evalFile().toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("error: no knowledge index at " + empty);
    }

    @Test
    void aFolderWithOtherFilesIsNotAnIndex() throws IOException {
        Path notAnIndex = Files.createDirectories(temp.resolve("photos"));
        Files.writeString(notAnIndex.resolve("holiday.jpg"), "not lucene");

        var result = cli.run("kb", "search", "--index", notAnIndex.toString(), "--query", "refund");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("error: no knowledge index at " + notAnIndex
                + ": run `assist kb index` first" + System.lineSeparator());
    }

    @Test
    void aMissingSourceIsOneLine() {
        var result = cli.run("kb", "index", "--source", temp.resolve("nowhere").toString(),
                "--index", temp.resolve("index").toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo(
                "error: source not found: " + temp.resolve("nowhere") + System.lineSeparator());
        assertThat(temp.resolve("index")).doesNotExist();
    }

    @Test
    void anIndexFolderThatIsAFileIsOneLine() throws IOException {
        Path file = Files.writeString(temp.resolve("index"), "not a folder");

        var result = cli.run("kb", "index", "--source", temp.toString(), "--index", file.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo(
                "error: cannot use " + file + " as the index folder: it is a file" + System.lineSeparator());
    }

    @Test
    void aFilterWithoutAnEqualsSignIsOneLine() {
        var result = cli.run("kb", "search", "--query", "refund", "--filter", "billing");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo(
                "error: bad --filter \"billing\": expected KEY=VALUE, e.g. category=billing" + System.lineSeparator());
    }

    @Test
    void aMissingEvalSetIsOneLine() {
        var result = cli.run("kb", "eval", "--eval", temp.resolve("missing.jsonl").toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo(
                "error: eval set not found: " + temp.resolve("missing.jsonl") + System.lineSeparator());
    }

    @Test
    void aBenchSizeBelowOneIsAUsageError() {
        var result = cli.run("kb", "bench", "--source", temp.toString(), "--size", "100,0");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--size must be at least 1, was 0");
    }

    @Test
    void noErrorEverShowsAStackTrace() {
        List<CliRunner.Result> results = List.of(
                cli.run("kb", "search", "--query", "x"),
                cli.run("kb", "index", "--source", "/definitely/not/here"),
                cli.run("kb", "eval", "--eval", "/definitely/not/here.jsonl"),
                cli.run("kb", "bench", "--source", "/definitely/not/here", "--size", "10"),
                cli.run("kb", "search", "--mode", "nope", "--query", "x"));

        assertThat(results).allSatisfy(r -> {
            assertThat(r.exitCode()).isIn(1, 2);
            assertThat(r.err()).startsWith("error: ").doesNotContain("Exception").doesNotContain("\tat ");
        });
    }

    private Path evalFile() throws IOException {
        return Files.writeString(temp.resolve("eval.jsonl"),
                "{\"id\":\"q1\",\"conversation\":[{\"role\":\"customer\",\"text\":\"refund\"}],\"relevant\":[\"a\"]}\n");
    }

    private static String[] with(List<String> command, String... more) {
        List<String> args = new ArrayList<>(command);
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }
}
