package io.agentassist.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssistConfigWriterTest {

    private static final String KEY = "sk-written-0123456789";

    @TempDir
    Path home;

    private Path configFile() {
        return home.resolve(".config/agent-assist/config.properties");
    }

    private AssistConfigLoader loader() {
        return new AssistConfigLoader(Map.of(), home);
    }

    private static Map<String, String> values(String... keysAndValues) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return values;
    }

    private List<String> filesBesideTheConfig() throws IOException {
        try (Stream<Path> files = Files.list(configFile().getParent())) {
            return files.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void whatIsWrittenIsWhatTheLoaderReadsBack() throws Exception {
        String signature = "Kind regards,\n  Ana — Acme support\n# not a comment\n!nor this\nC:\\support = 100% \t";
        new AssistConfigWriter(configFile()).update(values(
                "llm.base_url", "http://localhost:11434/v1",
                "llm.model", "llama3.1:8b",
                "llm.api_key", KEY,
                "agent.name", "José Ñúñez",
                "agent.signature", signature,
                "database.url", "jdbc:postgresql://db:5432/assist?ssl=true&user=a",
                "knowledge.folders", "~/kb/policies\n" + home.resolve("faq with spaces")));

        AssistConfig config = loader().load();

        assertThat(config.model().baseUrl()).isEqualTo("http://localhost:11434/v1");
        assertThat(config.model().modelName()).isEqualTo("llama3.1:8b");
        assertThat(config.model().apiKey()).isEqualTo(KEY);
        assertThat(config.agentName()).isEqualTo("José Ñúñez");
        assertThat(config.agentSignature()).as("only the ends are stripped").isEqualTo(signature.strip());
        assertThat(config.databaseUrl()).contains("jdbc:postgresql://db:5432/assist?ssl=true&user=a");
        assertThat(config.knowledgeFolders())
                .containsExactly(home.resolve("kb/policies"), home.resolve("faq with spaces"));
        assertThat(config.file()).contains(configFile());
    }

    @Test
    void aMultiLineSignatureIsWrittenAsContinuedLinesAPersonCanRead() throws Exception {
        new AssistConfigWriter(configFile()).update(values("agent.signature", "Kind regards,\nAna"));

        assertThat(Files.readString(configFile())).contains("agent.signature = Kind regards,\\n\\\n    Ana\n");
    }

    @Test
    void commentsBlankLinesAndTheOrderOfAnExistingFileAreKept() throws Exception {
        Files.createDirectories(configFile().getParent());
        Files.writeString(configFile(), """
                # Ana's settings — keep this comment
                ! and this one

                llm.base_url=http://localhost:11434/v1
                llm.model : llama3.1:8b
                # the signature below spans lines
                agent.signature = Regards,\\n\\
                    Ana
                agent.name = Ana
                """);

        new AssistConfigWriter(configFile()).update(values("llm.model", "qwen2.5:7b", "agent.signature", "Cheers"));

        assertThat(Files.readString(configFile())).isEqualTo("""
                # Ana's settings — keep this comment
                ! and this one

                llm.base_url=http://localhost:11434/v1
                llm.model = qwen2.5:7b
                # the signature below spans lines
                agent.signature = Cheers
                agent.name = Ana
                """);
    }

    @Test
    void keysTheAppDoesNotKnowAreKeptAndNewKeysAreAddedAtTheEnd() throws Exception {
        Files.createDirectories(configFile().getParent());
        Files.writeString(configFile(), "team.colour = teal\nagent.name = Ana\n");

        new AssistConfigWriter(configFile()).update(values("agent.name", "Bo", "database.url", "jdbc:h2:mem:x"));

        assertThat(Files.readString(configFile()))
                .isEqualTo("team.colour = teal\nagent.name = Bo\ndatabase.url = jdbc:h2:mem:x\n");
    }

    @Test
    void anEmptyValueRemovesTheKeyWithItsContinuedLines() throws Exception {
        Files.createDirectories(configFile().getParent());
        Files.writeString(configFile(), "llm.api_key = " + KEY + "\nagent.signature = a\\n\\\n  b\nagent.name = Ana\n");

        new AssistConfigWriter(configFile()).update(values("llm.api_key", "", "agent.signature", ""));

        assertThat(Files.readString(configFile())).isEqualTo("agent.name = Ana\n").doesNotContain(KEY);
    }

    @Test
    void aKeyWrittenTwiceEndsUpOnceWithTheNewValue() throws Exception {
        Files.createDirectories(configFile().getParent());
        Files.writeString(configFile(), "agent.name = A\nllm.model = m\nagent.name = B\n");

        new AssistConfigWriter(configFile()).update(values("agent.name", "C"));

        assertThat(Files.readString(configFile())).isEqualTo("agent.name = C\nllm.model = m\n");
    }

    @Test
    void windowsLineEndsStayWindowsLineEnds() throws Exception {
        Files.createDirectories(configFile().getParent());
        Files.writeString(configFile(), "# settings\r\nagent.name = Ana\r\n");

        new AssistConfigWriter(configFile()).update(values("agent.name", "Bo", "llm.model", "m"));

        assertThat(Files.readString(configFile())).isEqualTo("# settings\r\nagent.name = Bo\r\nllm.model = m\r\n");
    }

    @Test
    void aNewFileGetsItsFoldersAHeaderAndOwnerOnlyPermissions() throws Exception {
        new AssistConfigWriter(configFile()).update(values("llm.api_key", KEY));

        assertThat(Files.readString(configFile())).startsWith("# Agent Assist settings").endsWith(
                "llm.api_key = " + KEY + "\n");
        assumeThat(Files.getFileStore(configFile()).supportsFileAttributeView("posix")).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(configFile()))).isEqualTo("rw-------");
    }

    @Test
    void anExistingFileOthersCouldReadIsOwnerOnlyAfterSaving() throws Exception {
        Files.createDirectories(configFile().getParent());
        Files.writeString(configFile(), "agent.name = Ana\n");
        assumeThat(Files.getFileStore(configFile()).supportsFileAttributeView("posix")).isTrue();
        Files.setPosixFilePermissions(configFile(), PosixFilePermissions.fromString("rw-r--r--"));

        new AssistConfigWriter(configFile()).update(values("llm.api_key", KEY));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(configFile()))).isEqualTo("rw-------");
    }

    @Test
    void aSymbolicLinkToTheFileStaysALink() throws Exception {
        Path dotfiles = Files.createDirectories(home.resolve("dotfiles"));
        Path real = Files.writeString(dotfiles.resolve("assist.properties"), "agent.name = Ana\n");
        Files.createDirectories(configFile().getParent());
        Files.createSymbolicLink(configFile(), real);

        new AssistConfigWriter(configFile()).update(values("agent.name", "Bo"));

        assertThat(Files.isSymbolicLink(configFile())).isTrue();
        assertThat(Files.readString(real)).isEqualTo("agent.name = Bo\n");
    }

    @Test
    void aFailedWriteLeavesTheOldFileIntactAndNoTemporaryFileBehind() throws Exception {
        Files.createDirectories(configFile().getParent());
        Files.writeString(configFile(), "llm.api_key = " + KEY + "\nagent.name = Ana\n");
        byte[] before = Files.readAllBytes(configFile());

        IOException error = catchThrowableOfType(IOException.class, () -> new AssistConfigWriter(configFile())
                .update(values("agent.name", "Bo", "agent.signature", "broken \uD800 text")));

        assertThat(error.getMessage()).contains(configFile().toString(), "not changed");
        assertThat(Files.readAllBytes(configFile())).isEqualTo(before);
        assertThat(filesBesideTheConfig()).containsExactly("config.properties");
    }

    @Test
    void aFolderThatCannotBeWrittenLeavesTheOldFileIntact() throws Exception {
        assumeThat(System.getProperty("user.name")).as("root may write anywhere").isNotEqualTo("root");
        Path dir = Files.createDirectories(configFile().getParent());
        Files.writeString(configFile(), "agent.name = Ana\n");
        assumeThat(Files.getFileStore(dir).supportsFileAttributeView("posix")).isTrue();
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-x------"));
        try {
            catchThrowableOfType(IOException.class,
                    () -> new AssistConfigWriter(configFile()).update(values("agent.name", "Bo")));

            assertThat(Files.readString(configFile())).isEqualTo("agent.name = Ana\n");
        } finally {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void aFileThatIsNotUtf8IsNotOverwritten() throws Exception {
        Files.createDirectories(configFile().getParent());
        byte[] latin1 = "agent.name = Jos\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(configFile(), latin1);

        IOException error = catchThrowableOfType(IOException.class,
                () -> new AssistConfigWriter(configFile()).update(values("llm.model", "m")));

        assertThat(error.getMessage()).contains("not UTF-8");
        assertThat(Files.readAllBytes(configFile())).isEqualTo(latin1);
    }
}
