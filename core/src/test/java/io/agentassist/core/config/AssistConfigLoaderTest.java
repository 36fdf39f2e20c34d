package io.agentassist.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.agentassist.core.llm.ModelSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class AssistConfigLoaderTest {

    private static final String FILE_KEY = "sk-from-file-0123456789";
    private static final String ENV_KEY = "sk-from-env-0123456789";
    private static final String OPENAI_KEY = "sk-openai-0123456789";

    @TempDir
    Path home;
    private Path configDir;
    private final Map<String, String> env = new HashMap<>();

    @BeforeEach
    void defaultConfigFolder() throws IOException {
        configDir = Files.createDirectories(home.resolve(".config/agent-assist"));
    }

    private AssistConfigLoader loader() {
        return new AssistConfigLoader(env, home);
    }

    private Path writeConfig(String... lines) throws IOException {
        return Files.writeString(configDir.resolve("config.properties"), String.join("\n", lines) + "\n",
                StandardCharsets.UTF_8);
    }

    @Test
    void withoutFileOrEnvironmentNothingIsConfiguredAndTheModelIsOffline() throws Exception {
        AssistConfig config = loader().load();

        assertThat(config.model().isConfigured()).isFalse();
        assertThat(config.model().timeout()).isEqualTo(ModelSettings.DEFAULT_TIMEOUT);
        assertThat(config.agentName()).isEmpty();
        assertThat(config.databaseUrl()).isEmpty();
        assertThat(config.indexDir()).isEmpty();
        assertThat(config.file()).isEmpty();
    }

    @Test
    void everyKeyOfTheFileIsRead() throws Exception {
        Path file = writeConfig(
                "# Ana's settings",
                "llm.base_url = http://localhost:11434/v1/",
                "llm.api_key = " + FILE_KEY,
                "llm.model = llama3.1:8b",
                "llm.timeout_seconds = 90",
                "llm.max_retries = 4",
                "agent.name = Ana",
                "agent.signature = Kind regards,\\nAna from Acme support",
                "database.url = jdbc:postgresql://localhost:5432/assist",
                "index.dir = ~/assist/index",
                "inbox.dir = inbox");

        AssistConfig config = loader().load();

        assertThat(config.model()).isEqualTo(new ModelSettings("http://localhost:11434/v1", FILE_KEY,
                "llama3.1:8b", Duration.ofSeconds(90), 4));
        assertThat(config.agentName()).isEqualTo("Ana");
        assertThat(config.agentSignature()).isEqualTo("Kind regards,\nAna from Acme support");
        assertThat(config.databaseUrl()).contains("jdbc:postgresql://localhost:5432/assist");
        assertThat(config.indexDir()).contains(home.resolve("assist/index"));
        assertThat(config.inboxDir()).as("relative to the file's folder").contains(configDir.resolve("inbox"));
        assertThat(config.file()).contains(file);
    }

    @Test
    void theEnvironmentOverridesTheFile() throws Exception {
        writeConfig(
                "llm.base_url = http://localhost:11434/v1",
                "llm.api_key = " + FILE_KEY,
                "llm.model = llama3.1:8b",
                "agent.name = Ana",
                "database.url = jdbc:h2:~/assist/db");
        env.put("ASSIST_LLM_BASE_URL", "https://api.openai.com/v1");
        env.put("ASSIST_LLM_API_KEY", ENV_KEY);
        env.put("ASSIST_LLM_MODEL", "gpt-4o-mini");
        env.put("ASSIST_AGENT_NAME", "Bo");
        env.put("ASSIST_DATABASE_URL", "jdbc:postgresql://db/assist");

        AssistConfig config = loader().load();

        assertThat(config.model().baseUrl()).isEqualTo("https://api.openai.com/v1");
        assertThat(config.model().apiKey()).isEqualTo(ENV_KEY);
        assertThat(config.model().modelName()).isEqualTo("gpt-4o-mini");
        assertThat(config.agentName()).isEqualTo("Bo");
        assertThat(config.databaseUrl()).contains("jdbc:postgresql://db/assist");
    }

    @Test
    void blankValuesCountAsUnset() throws Exception {
        writeConfig("llm.base_url = http://localhost:11434/v1", "llm.model = llama3.1:8b", "agent.name =");
        env.put("ASSIST_LLM_MODEL", "  ");

        AssistConfig config = loader().load();

        assertThat(config.model().modelName()).isEqualTo("llama3.1:8b");
        assertThat(config.agentName()).isEmpty();
    }

    @Test
    void openAiApiKeyIsTheKeyWhenNoOtherIsGiven() throws Exception {
        env.put("ASSIST_LLM_BASE_URL", "https://api.openai.com/v1");
        env.put("ASSIST_LLM_MODEL", "gpt-4o-mini");
        env.put("OPENAI_API_KEY", OPENAI_KEY);

        assertThat(loader().load().model().apiKey()).isEqualTo(OPENAI_KEY);
    }

    @Test
    void openAiApiKeyNeverReplacesTheKeyOfTheFileOrOfAssistLlmApiKey() throws Exception {
        writeConfig("llm.base_url = https://gateway.example/v1", "llm.model = m", "llm.api_key = " + FILE_KEY);
        env.put("OPENAI_API_KEY", OPENAI_KEY);

        assertThat(loader().load().model().apiKey()).isEqualTo(FILE_KEY);

        env.put("ASSIST_LLM_API_KEY", ENV_KEY);
        assertThat(loader().load().model().apiKey()).isEqualTo(ENV_KEY);
    }

    @Test
    void theDefaultFileLivesUnderXdgConfigHomeWhenItIsAbsolute() throws Exception {
        Path xdg = Files.createDirectories(home.resolve("xdg"));
        env.put("XDG_CONFIG_HOME", xdg.toString());
        assertThat(loader().defaultFile()).isEqualTo(xdg.resolve("agent-assist/config.properties"));

        env.put("XDG_CONFIG_HOME", "relative/xdg");
        assertThat(loader().defaultFile()).isEqualTo(home.resolve(".config/agent-assist/config.properties"));
    }

    @Test
    void assistConfigNamesAnotherFileWhichMustExist() throws Exception {
        Path other = Files.writeString(home.resolve("team.properties"), "agent.name = Team A\n");
        env.put("ASSIST_CONFIG", other.toString());

        assertThat(loader().load().agentName()).isEqualTo("Team A");

        env.put("ASSIST_CONFIG", home.resolve("missing.properties").toString());
        ConfigException error = catchThrowableOfType(ConfigException.class, () -> loader().load());
        assertThat(error.getMessage()).contains("missing.properties", "no such config file");
    }

    @Test
    void aNonNumericTimeoutNamesTheKeyAndTheFile() throws Exception {
        Path file = writeConfig("llm.timeout_seconds = soon");

        ConfigException error = catchThrowableOfType(ConfigException.class, () -> loader().load());

        assertThat(error.key()).isEqualTo("llm.timeout_seconds");
        assertThat(error.source()).isEqualTo(file.toString());
        assertThat(error.getMessage()).isEqualTo("llm.timeout_seconds in " + file + ": 'soon' is not a whole number");
    }

    @Test
    void aTimeoutOutOfRangeNamesTheKeyAndTheLimits() throws Exception {
        writeConfig("llm.timeout_seconds = 0");

        ConfigException error = catchThrowableOfType(ConfigException.class, () -> loader().load());

        assertThat(error.getMessage()).contains("llm.timeout_seconds", "between 1 and 3600");
    }

    @Test
    void aMalformedBaseUrlNamesTheKeyAndTheFile() throws Exception {
        Path file = writeConfig("llm.base_url = localhost:11434/v1", "llm.model = m");

        ConfigException error = catchThrowableOfType(ConfigException.class, () -> loader().load());

        assertThat(error.key()).isEqualTo("llm.base_url");
        assertThat(error.getMessage()).startsWith("llm.base_url in " + file + ": 'localhost:11434/v1'")
                .contains("http://localhost:11434/v1");
    }

    @Test
    void aMalformedBaseUrlFromTheEnvironmentNamesTheVariable() {
        env.put("ASSIST_LLM_BASE_URL", "http://exa mple/v1");
        env.put("ASSIST_LLM_MODEL", "m");

        ConfigException error = catchThrowableOfType(ConfigException.class, () -> loader().load());

        assertThat(error.key()).isEqualTo("ASSIST_LLM_BASE_URL");
        assertThat(error.getMessage()).startsWith("ASSIST_LLM_BASE_URL in the environment: 'http://exa mple/v1'");
    }

    @Test
    void aBaseUrlCarryingCredentialsIsRefused() throws Exception {
        writeConfig("llm.base_url = https://user:secret@api.example/v1", "llm.model = m");

        ConfigException error = catchThrowableOfType(ConfigException.class, () -> loader().load());

        assertThat(error.getMessage()).contains("llm.base_url", "must not carry a user or password");
    }

    @Test
    void aBaseUrlWithoutAModelIsAnError() throws Exception {
        Path file = writeConfig("llm.base_url = https://api.openai.com/v1");

        ConfigException error = catchThrowableOfType(ConfigException.class, () -> loader().load());

        assertThat(error.key()).isEqualTo("llm.model");
        assertThat(error.getMessage()).startsWith("llm.model in " + file + ": missing").contains("ASSIST_LLM_MODEL");
    }

    @Test
    void aDatabaseUrlThatIsNotJdbcIsRefusedWithoutShowingItsPassword() throws Exception {
        writeConfig("database.url = postgresql://assist:hunter2@db/assist");

        ConfigException error = catchThrowableOfType(ConfigException.class, () -> loader().load());

        assertThat(error.getMessage()).contains("database.url", "not a JDBC URL").doesNotContain("hunter2");
    }

    @Test
    void aFileThatIsNotAPropertiesFileIsNamed() throws Exception {
        Path file = writeConfig("llm.model = \\uZZZZ");

        ConfigException error = catchThrowableOfType(ConfigException.class, () -> loader().load());

        assertThat(error.getMessage()).startsWith(file + ": not a properties file");
    }

    @Test
    void theApiKeyAndTheDatabasePasswordAreMaskedInToString() throws Exception {
        writeConfig("llm.base_url = https://api.openai.com/v1", "llm.model = gpt-4o-mini",
                "llm.api_key = " + FILE_KEY,
                "database.url = jdbc:postgresql://db/assist?user=assist&password=hunter2&ssl=true");

        AssistConfig config = loader().load();

        assertThat(config.model().toString()).contains("apiKey=****").doesNotContain(FILE_KEY);
        assertThat(config.toString()).contains("gpt-4o-mini", "password=****&ssl=true")
                .doesNotContain(FILE_KEY, "hunter2");
        assertThat(AssistConfig.maskPassword("jdbc:postgresql://assist:hunter2@db/assist"))
                .isEqualTo("jdbc:postgresql://assist:****@db/assist");
    }

    @Test
    void aTeamMembersDatabaseLoginComesFromTheFileOrTheEnvironmentAndItsPasswordIsNeverShown() throws Exception {
        writeConfig("database.url = jdbc:postgresql://db.example:5432/assist", "database.user = alice",
                "database.password = file-Secret-123");

        AssistConfig fromFile = loader().load();
        env.put("ASSIST_DATABASE_USER", "bob");
        env.put("ASSIST_DATABASE_PASSWORD", "env-Secret-456");
        AssistConfig fromEnvironment = loader().load();

        assertThat(fromFile.databaseUser()).isEqualTo("alice");
        assertThat(fromFile.databasePassword()).isEqualTo("file-Secret-123");
        assertThat(fromEnvironment.databaseUser()).isEqualTo("bob");
        assertThat(fromEnvironment.databasePassword()).isEqualTo("env-Secret-456");
        assertThat(fromFile.toString()).contains("databaseUser=alice", "databasePassword=****")
                .doesNotContain("file-Secret-123");
        assertThat(fromEnvironment.toString()).doesNotContain("env-Secret-456");
        assertThat(loader().overriddenBy(AssistConfigLoader.DATABASE_PASSWORD)).contains("ASSIST_DATABASE_PASSWORD");
        assertThat(AssistConfig.defaults().databaseUser()).isEmpty();
        assertThat(AssistConfig.defaults().databasePassword()).isEmpty();
    }

    @Test
    void aDatabasePasswordInAFileOthersCanReadIsWarnedAboutButNeverLogged() throws Exception {
        Path file = writeConfig("database.url = jdbc:postgresql://db/assist", "database.user = alice",
                "database.password = file-Secret-123");
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        Logger logger = (Logger) LoggerFactory.getLogger(AssistConfigLoader.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            loader().load();
        } finally {
            logger.detachAppender(appender);
        }

        List<String> lines = appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("holds a database password and other users "
                + "can read it: chmod 600"));
        assertThat(lines).noneSatisfy(line -> assertThat(line).contains("unknown keys"));
        assertThat(lines).noneSatisfy(line -> assertThat(line).contains("file-Secret-123"));
    }

    @Test
    void loadingLogsWhereTheKeyCameFromButNeverTheKey() throws Exception {
        writeConfig("llm.base_url = https://api.openai.com/v1", "llm.model = gpt-4o-mini",
                "llm.api_key = " + FILE_KEY, "llm.modle = typo");
        Logger logger = (Logger) LoggerFactory.getLogger(AssistConfigLoader.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        Level level = logger.getLevel();
        logger.setLevel(Level.INFO);
        logger.addAppender(appender);
        try {
            loader().load();
        } finally {
            logger.detachAppender(appender);
            logger.setLevel(level);
        }

        List<String> lines = appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("gpt-4o-mini", "from llm.api_key in"));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("unknown keys [llm.modle]"));
        assertThat(lines).noneSatisfy(line -> assertThat(line).contains(FILE_KEY));
    }

    @Test
    void anExplicitFileIsReadWithTheEnvironmentOnTop() throws Exception {
        Path file = Files.writeString(home.resolve("other.properties"), "agent.name = From file\n");
        env.put("ASSIST_AGENT_NAME", "From env");

        AssistConfig config = loader().load(file);

        assertThat(config.agentName()).isEqualTo("From env");
        assertThat(config.file()).isEqualTo(Optional.of(file));
    }

    @Test
    void knowledgeFoldersAreSeparatedByThePathSeparatorOrNewlinesAndResolvedLikeTheIndexFolder() throws Exception {
        writeConfig("knowledge.folders = ~/kb/policies" + java.io.File.pathSeparator + " faq \\n\\",
                "    /srv/kb\\n~/kb/policies");

        AssistConfig config = loader().load();

        assertThat(config.knowledgeFolders()).as("in order, repeats left out").containsExactly(
                home.resolve("kb/policies"), configDir.resolve("faq"), Path.of("/srv/kb"));
    }

    @Test
    void withoutKnowledgeFoldersTheListIsEmpty() throws Exception {
        writeConfig("knowledge.folders = ");

        assertThat(loader().load().knowledgeFolders()).isEmpty();
        assertThat(AssistConfig.defaults().knowledgeFolders()).isEmpty();
    }

    @Test
    void storedValuesAreTheFileAsWrittenEvenWhenLoadingItFails() throws Exception {
        Path file = writeConfig("llm.base_url = localhost:11434", "llm.api_key = " + FILE_KEY, "index.dir = ~/idx",
                "team.colour = teal");
        env.put("ASSIST_LLM_MODEL", "from-env");

        assertThat(loader().storedValues(file)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "llm.base_url", "localhost:11434", "llm.api_key", FILE_KEY, "index.dir", "~/idx",
                "team.colour", "teal"));
        assertThat(loader().storedValues(configDir.resolve("missing.properties"))).isEmpty();
    }

    @Test
    void resolveChecksValuesAsLoadingThemWouldWithTheEnvironmentOnTop() throws Exception {
        Path file = configDir.resolve("config.properties");
        env.put("ASSIST_AGENT_NAME", "Bo");

        AssistConfig config = loader().resolve(Map.of("llm.base_url", "http://localhost:11434/v1",
                "llm.model", "llama3.1", "agent.name", "Ana", "knowledge.folders", "kb"), file);

        assertThat(config.model().baseUrl()).isEqualTo("http://localhost:11434/v1");
        assertThat(config.agentName()).isEqualTo("Bo");
        assertThat(config.knowledgeFolders()).containsExactly(configDir.resolve("kb"));
        ConfigException error = catchThrowableOfType(ConfigException.class,
                () -> loader().resolve(Map.of("llm.base_url", "localhost:11434", "llm.model", "m"), file));
        assertThat(error.key()).isEqualTo("llm.base_url");
        assertThat(error.problem()).startsWith("'localhost:11434' is not an http(s) URL");
    }

    @Test
    void theLoaderSaysWhichVariablesOverrideWhichKeys() {
        env.put("ASSIST_LLM_BASE_URL", "http://localhost:8000/v1");
        env.put("ASSIST_DATABASE_URL", "  ");
        env.put("OPENAI_API_KEY", OPENAI_KEY);

        assertThat(loader().overriddenBy("llm.base_url")).contains("ASSIST_LLM_BASE_URL");
        assertThat(loader().overriddenBy("database.url")).as("blank counts as unset").isEmpty();
        assertThat(loader().overriddenBy("knowledge.folders")).isEmpty();
        assertThat(loader().fallbackApiKeyVariable()).contains("OPENAI_API_KEY");
        assertThat(loader().overrideValue("llm.base_url")).contains("http://localhost:8000/v1");
        assertThat(loader().overrideValue("llm.model")).isEmpty();
    }

    @Test
    void aKnowledgeFoldersValueIsResolvedAgainstTheFileItBelongsIn() throws Exception {
        Path file = configDir.resolve("config.properties");

        assertThat(loader().knowledgeFolders("~/kb\nfaq" + java.io.File.pathSeparator + "/srv/kb", file))
                .containsExactly(home.resolve("kb"), configDir.resolve("faq"), Path.of("/srv/kb"));
    }

    @Test
    void theConfigFileIsAssistConfigWhenSetElseTheDefaultFile() throws Exception {
        assertThat(loader().configFile()).isEqualTo(configDir.resolve("config.properties"));

        env.put("ASSIST_CONFIG", "~/team.properties");
        assertThat(loader().configFile()).isEqualTo(home.resolve("team.properties"));
    }

    @Test
    void baseUrlProblemIsEmptyForAGoodUrlAndSaysWhatIsWrongOtherwise() {
        assertThat(AssistConfigLoader.baseUrlProblem("https://api.openai.com/v1")).isEmpty();
        assertThat(AssistConfigLoader.baseUrlProblem("ftp://example.com")).get().asString()
                .contains("not an http(s) URL");
    }
}
