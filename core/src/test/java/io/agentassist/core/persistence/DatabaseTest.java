package io.agentassist.core.persistence;

import static io.agentassist.core.persistence.JdbcTicketStoreTest.T0;
import static io.agentassist.core.persistence.JdbcTicketStoreTest.customer;
import static io.agentassist.core.persistence.JdbcTicketStoreTest.ticket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DatabaseTest {

    @TempDir
    Path tempDir;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void openingMigratesTheSchemaToTheFirstVersionAtLeast(Backend backend) throws SQLException {
        try (Database database = backend.openFresh(tempDir)) {
            assertThat(appliedVersions(database)).contains("1");
            assertThat(tables(database)).contains("tickets", "messages", "drafts", "draft_citations", "draft_flags",
                    "feedback", "knowledge_gaps");
        }
    }

    @Test
    void theEmbeddedDatabaseIsAFileInAnOwnerOnlyDataFolderThatKeepsItsData() throws IOException {
        Path dataDir = tempDir.resolve("not/yet/there");
        try (Database database = Database.openEmbedded(dataDir)) {
            new JdbcTicketStore(database).save(ticket("T-1", customer("m1", "hi", T0)));
        }

        assertThat(dataDir.resolve("assist.mv.db")).isRegularFile();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir))).isEqualTo("rwx------");
        try (Database reopened = Database.openEmbedded(dataDir)) {
            assertThat(new JdbcTicketStore(reopened).find("T-1")).isPresent();
        }
    }

    @Test
    void anotherAppProcessCanUseTheEmbeddedDatabaseWhileThisOneHasItOpen() throws Exception {
        Path dataDir = tempDir.resolve("data");
        try (Database database = Database.openEmbedded(dataDir)) {
            JdbcTicketStore store = new JdbcTicketStore(database);
            store.save(ticket("T-here", customer("m1", "hi", T0)));

            ProcessResult second = runSecondProcess(dataDir, "T-there");

            assertThat(second.exitCode()).as(second.output()).isZero();
            assertThat(second.output()).contains("tickets seen: 2");
            assertThat(store.find("T-there")).isPresent();
        }
    }

    @Test
    void anUnreachableServerIsReportedWithItsUrlButNeverThePassword() {
        DatabaseSettings settings = new DatabaseSettings(
                "jdbc:postgresql://127.0.0.1:1/assist?connectTimeout=2&password=url-secret", "support", "hunter2");

        assertThatThrownBy(() -> Database.open(settings))
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageStartingWith("cannot open database jdbc:postgresql://127.0.0.1:1/assist?connectTimeout=2"
                        + "&password=*** as user \"support\": ")
                .hasMessageNotContaining("hunter2")
                .hasMessageNotContaining("url-secret");
    }

    @Test
    void aMissingPostgresDatabaseIsReportedWithItsUrl() {
        DatabaseSettings existing = EmbeddedPostgresServer.newDatabase();
        DatabaseSettings missing = new DatabaseSettings(existing.url().replaceAll("assist_test_\\d+", "no_such_db"),
                existing.user(), "secret");

        assertThatThrownBy(() -> Database.open(missing))
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageContaining(missing.url())
                .hasMessageContaining("no_such_db")
                .hasMessageNotContaining("secret");
    }

    @Test
    void aDataFolderThatCannotBeCreatedIsReported() throws IOException {
        Path file = Files.writeString(tempDir.resolve("a-file"), "not a folder");

        assertThatThrownBy(() -> Database.openEmbedded(file.resolve("data")))
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageContaining("cannot create the data folder " + file.resolve("data"));
    }

    @Test
    void settingsNeverShowThePassword() {
        DatabaseSettings settings = new DatabaseSettings("jdbc:postgresql://db/assist?password=p1", "u", "p2");

        assertThat(settings.toString()).doesNotContain("p1").doesNotContain("p2").contains("jdbc:postgresql://db/assist");
        assertThat(DatabaseSettings.embedded(tempDir).url())
                .isEqualTo("jdbc:h2:file:" + tempDir.toAbsolutePath().resolve("assist")
                        + ";AUTO_SERVER=TRUE;LOCK_TIMEOUT=10000;WRITE_DELAY=0");
        assertThatThrownBy(() -> new DatabaseSettings(" ", "", "")).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<String> appliedVersions(Database database) throws SQLException {
        return column(database, "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" ORDER BY "
                + "\"installed_rank\"");
    }

    private static List<String> tables(Database database) throws SQLException {
        return column(database, "SELECT LOWER(table_name) FROM information_schema.tables");
    }

    private static List<String> column(Database database, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private record ProcessResult(int exitCode, String output) {
    }

    private static ProcessResult runSecondProcess(Path dataDir, String ticketId) throws Exception {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-cp", classPath, SecondAppProcess.class.getName(),
                dataDir.toString(), ticketId).redirectErrorStream(true).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the second process did not finish within 60 s");
        }
        return new ProcessResult(process.exitValue(), new String(process.getInputStream().readAllBytes(),
                StandardCharsets.UTF_8));
    }
}
