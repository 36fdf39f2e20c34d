package io.agentassist.knowledge.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentassist.core.conversation.Turn;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EvalSetReaderTest {

    private static final String GOOD =
            "{\"id\":\"ok\",\"conversation\":[{\"role\":\"customer\",\"text\":\"hi\"}],\"relevant\":[\"a\"]}";

    @TempDir
    Path dir;

    @Test
    void readsItemsInFileOrderAndSkipsBlankLines() throws IOException {
        Path file = write("""
                {"id":"q2","conversation":[{"role":"customer","text":"Is parking free?"}],"relevant":["parking"]}

                {"id":"q1","conversation":[{"role":"customer","text":"Hotel Alpha please"},\
                {"role":"agent","text":"Booked."},{"role":"customer","text":"Is it clean?"}],\
                "relevant":["alpha-reviews","cleaning"]}
                \t
                """);

        List<EvalItem> items = EvalSetReader.read(file);

        assertThat(items).extracting(EvalItem::id).containsExactly("q2", "q1");
        assertThat(items.get(1).conversation().turns()).containsExactly(
                Turn.customer("Hotel Alpha please"), Turn.agent("Booked."), Turn.customer("Is it clean?"));
        assertThat(items.get(1).relevant()).containsExactlyInAnyOrder("alpha-reviews", "cleaning");
    }

    @Test
    void readsRolesTheWaySpeakerParseDoes() throws IOException {
        Path file = write("""
                {"id":"q","conversation":[{"role":"U","text":"a"},{"role":"S","text":"b"},\
                {"role":"Agent","text":"c"},{"role":"user","text":"d"}],"relevant":["x"]}
                """);

        assertThat(EvalSetReader.read(file).getFirst().conversation().turns()).containsExactly(
                Turn.customer("a"), Turn.agent("b"), Turn.agent("c"), Turn.customer("d"));
    }

    @Test
    void ignoresAByteOrderMarkAndUnknownFields() throws IOException {
        Path file = write("\uFEFF{\"id\":\"q\",\"note\":\"hand-made\",\"conversation\":"
                + "[{\"role\":\"customer\",\"text\":\"hi\"}],\"relevant\":[\"a\"]}\n");

        assertThat(EvalSetReader.read(file)).extracting(EvalItem::id).containsExactly("q");
    }

    @Test
    void emptyFileIsAnError() throws IOException {
        Path file = write("");

        assertThatThrownBy(() -> EvalSetReader.read(file))
                .isInstanceOf(EvalSetException.class)
                .hasMessage(file + ": the file is empty: expected one eval item per line");
    }

    @Test
    void fileOfBlankLinesIsAnError() throws IOException {
        Path file = write("\n   \n\n");

        assertThatThrownBy(() -> EvalSetReader.read(file))
                .isInstanceOf(EvalSetException.class)
                .hasMessageStartingWith(file.toString())
                .hasMessageContaining("only blank lines");
    }

    static Stream<Arguments> badLines() {
        return Stream.of(
                bad("invalid JSON names the column", "{\"id\":\"q\",", "invalid JSON at column 11"),
                bad("a line that is not an object", "[1,2]", "expected a JSON object, found an array"),
                bad("two objects on one line", GOOD + " " + GOOD, "more than one JSON value at column 79"),
                bad("a repeated key", "{\"id\":\"a\",\"id\":\"b\"}", "invalid JSON at column 15: Duplicate field 'id'"),
                bad("missing id", "{\"conversation\":[{\"role\":\"customer\",\"text\":\"hi\"}],\"relevant\":[\"a\"]}",
                        "missing \"id\""),
                bad("numeric id", "{\"id\":7,\"conversation\":[{\"role\":\"customer\",\"text\":\"hi\"}],\"relevant\":[\"a\"]}",
                        "\"id\" must be a string, found a number"),
                bad("blank id", "{\"id\":\" \",\"conversation\":[{\"role\":\"customer\",\"text\":\"hi\"}],\"relevant\":[\"a\"]}",
                        "\"id\" is blank"),
                bad("missing conversation", "{\"id\":\"q\",\"relevant\":[\"a\"]}", "missing \"conversation\""),
                bad("empty conversation", "{\"id\":\"q\",\"conversation\":[],\"relevant\":[\"a\"]}",
                        "empty \"conversation\""),
                bad("conversation as a string", "{\"id\":\"q\",\"conversation\":\"hi\",\"relevant\":[\"a\"]}",
                        "\"conversation\" must be an array of turns, found a string"),
                bad("no customer turn", "{\"id\":\"q\",\"conversation\":[{\"role\":\"agent\",\"text\":\"hello\"}],\"relevant\":[\"a\"]}",
                        "\"conversation\" has no customer turn"),
                bad("unknown role", "{\"id\":\"q\",\"conversation\":[{\"role\":\"customer\",\"text\":\"hi\"},"
                                + "{\"role\":\"bot\",\"text\":\"x\"}],\"relevant\":[\"a\"]}",
                        "\"conversation\" turn 2: unknown speaker \"bot\""),
                bad("missing role", "{\"id\":\"q\",\"conversation\":[{\"text\":\"hi\"}],\"relevant\":[\"a\"]}",
                        "\"conversation\" turn 1 is missing \"role\""),
                bad("missing text", "{\"id\":\"q\",\"conversation\":[{\"role\":\"customer\"}],\"relevant\":[\"a\"]}",
                        "\"conversation\" turn 1 is missing \"text\""),
                bad("blank text", "{\"id\":\"q\",\"conversation\":[{\"role\":\"customer\",\"text\":\"\"}],\"relevant\":[\"a\"]}",
                        "\"conversation\" turn 1 has a blank \"text\""),
                bad("missing relevant", "{\"id\":\"q\",\"conversation\":[{\"role\":\"customer\",\"text\":\"hi\"}]}",
                        "missing \"relevant\""),
                bad("empty relevant", "{\"id\":\"q\",\"conversation\":[{\"role\":\"customer\",\"text\":\"hi\"}],\"relevant\":[]}",
                        "empty \"relevant\""),
                bad("relevant as a string", "{\"id\":\"q\",\"conversation\":[{\"role\":\"customer\",\"text\":\"hi\"}],\"relevant\":\"a\"}",
                        "\"relevant\" must be an array of article ids, found a string"),
                bad("blank relevant id", "{\"id\":\"q\",\"conversation\":[{\"role\":\"customer\",\"text\":\"hi\"}],\"relevant\":[\"a\",\"\"]}",
                        "\"relevant\" entry 2 must be a non-blank article id, found a blank string"));
    }

    private static Arguments bad(String name, String line, String problem) {
        return Arguments.argumentSet(name, line, problem);
    }

    @ParameterizedTest
    @MethodSource("badLines")
    void badLineIsReportedWithFileLineAndProblem(String badLine, String problem) throws IOException {
        Path file = write(GOOD.replace("\"ok\"", "\"first\"") + "\n\n" + badLine + "\n" + GOOD + "\n");

        assertThatThrownBy(() -> EvalSetReader.read(file))
                .isInstanceOfSatisfying(EvalSetException.class, e -> {
                    assertThat(e.file()).isEqualTo(file);
                    assertThat(e.line()).isEqualTo(3);
                })
                .hasMessageStartingWith(file + " line 3: ")
                .hasMessageContaining(problem);
    }

    @Test
    void duplicateIdNamesBothLines() throws IOException {
        Path file = write(GOOD + "\n" + GOOD + "\n");

        assertThatThrownBy(() -> EvalSetReader.read(file))
                .isInstanceOf(EvalSetException.class)
                .hasMessage(file + " line 2: duplicate \"id\" \"ok\" (first used on line 1)");
    }

    @Test
    void textThatIsNotUtf8IsReportedWithItsLine() throws IOException {
        Path file = dir.resolve("latin1.jsonl");
        Files.write(file, (GOOD + "\n{\"id\":\"caf\u00e9\"}\n").getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> EvalSetReader.read(file))
                .isInstanceOf(EvalSetException.class)
                .hasMessageStartingWith(file + " line ")
                .hasMessageContaining("not valid UTF-8");
    }

    private Path write(String content) throws IOException {
        Path file = dir.resolve("eval.jsonl");
        Files.writeString(file, content);
        return file;
    }
}
