package io.agentassist.core.config;

import io.agentassist.core.llm.ModelSettings;
import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@link AssistConfig}: first the config file, then the environment, which wins.
 *
 * <p>The file is Java properties (UTF-8, {@code key = value}, {@code #} comments): the one named by
 * {@code $ASSIST_CONFIG} or passed to {@link #load(Path)}, else {@code $XDG_CONFIG_HOME/agent-assist/config.properties},
 * else {@code ~/.config/agent-assist/config.properties}. A missing default file is no error: everything takes
 * its default. Keys:
 * <pre>
 * llm.base_url        = https://api.openai.com/v1     # none: offline
 * llm.api_key         = sk-...
 * llm.model           = gpt-4o-mini                   # needed with a base URL
 * llm.timeout_seconds = 60
 * llm.max_retries     = 2
 * agent.name          = Ana
 * agent.signature     = Kind regards,\nAna — Acme support
 * agent.role          = lead                          # agent (default) or lead: adds review and dashboard
 * database.url        = jdbc:postgresql://localhost/assist
 * database.user       = alice                         # a team member's own login (assist team add-member)
 * database.password   = ...
 * index.dir           = ~/assist/index                # relative paths are relative to the file
 * inbox.dir           = ~/assist/inbox
 * knowledge.folders   = ~/kb/policies:~/kb/faq        # separated by the path separator (: or ;) or by newlines
 * </pre>
 * (The notes after the values are for this page: in the file, {@code #} starts a comment only at the start of a
 * line.) Folders ({@code index.dir}, {@code inbox.dir}, each of {@code knowledge.folders}) may start with
 * {@code ~}; relative ones are relative to the file's folder. {@link AssistConfigWriter} saves values into it.
 *
 * <p>Environment variables override the file: {@code ASSIST_LLM_BASE_URL}, {@code ASSIST_LLM_API_KEY},
 * {@code ASSIST_LLM_MODEL}, {@code ASSIST_AGENT_NAME}, {@code ASSIST_DATABASE_URL}, {@code ASSIST_DATABASE_USER},
 * {@code ASSIST_DATABASE_PASSWORD}, {@code ASSIST_AGENT_ROLE}. {@code OPENAI_API_KEY} is
 * the last resort for the key: it fills in only when neither {@code ASSIST_LLM_API_KEY} nor the file gives
 * one, so a key exported for other tools never replaces the one written for this app and its endpoint.
 *
 * <p>A bad value fails with a {@link ConfigException} naming the key and the file (or the variable).
 */
public final class AssistConfigLoader {

    public static final String CONFIG_VARIABLE = "ASSIST_CONFIG";
    static final String APP_FOLDER = "agent-assist";
    static final String FILE_NAME = "config.properties";
    static final String ENVIRONMENT = "the environment";

    public static final String LLM_BASE_URL = "llm.base_url";
    public static final String LLM_API_KEY = "llm.api_key";
    public static final String LLM_MODEL = "llm.model";
    public static final String LLM_TIMEOUT_SECONDS = "llm.timeout_seconds";
    public static final String LLM_MAX_RETRIES = "llm.max_retries";
    public static final String AGENT_NAME = "agent.name";
    public static final String AGENT_SIGNATURE = "agent.signature";
    public static final String DATABASE_URL = "database.url";
    public static final String DATABASE_USER = "database.user";
    public static final String DATABASE_PASSWORD = "database.password";
    public static final String INDEX_DIR = "index.dir";
    public static final String INBOX_DIR = "inbox.dir";
    public static final String KNOWLEDGE_FOLDERS = "knowledge.folders";
    /** {@code agent} (the default) or {@code lead}: a lead's window also has the review modes. */
    public static final String AGENT_ROLE = "agent.role";

    private static final Set<String> KEYS = Set.of(LLM_BASE_URL, LLM_API_KEY, LLM_MODEL, LLM_TIMEOUT_SECONDS,
            LLM_MAX_RETRIES, AGENT_NAME, AGENT_SIGNATURE, DATABASE_URL, DATABASE_USER, DATABASE_PASSWORD, INDEX_DIR,
            INBOX_DIR, KNOWLEDGE_FOLDERS, AGENT_ROLE);
    /** Between the folders of {@code knowledge.folders}: newlines, or this platform's path separator. */
    private static final Pattern FOLDER_SEPARATOR = Pattern.compile("[\\r\\n]+|" + Pattern.quote(File.pathSeparator));
    /** Which environment variable overrides which key. */
    private static final Map<String, String> OVERRIDES = Map.of(
            LLM_BASE_URL, "ASSIST_LLM_BASE_URL",
            LLM_API_KEY, "ASSIST_LLM_API_KEY",
            LLM_MODEL, "ASSIST_LLM_MODEL",
            AGENT_NAME, "ASSIST_AGENT_NAME",
            DATABASE_URL, "ASSIST_DATABASE_URL",
            DATABASE_USER, "ASSIST_DATABASE_USER",
            DATABASE_PASSWORD, "ASSIST_DATABASE_PASSWORD",
            AGENT_ROLE, "ASSIST_AGENT_ROLE");
    static final String OPENAI_API_KEY = "OPENAI_API_KEY";
    private static final int LONGEST_TIMEOUT_SECONDS = 3600;
    private static final int MOST_RETRIES = 10;

    private static final Logger LOG = LoggerFactory.getLogger(AssistConfigLoader.class);

    private final Map<String, String> env;
    private final Path userHome;

    /** A loader that reads these environment variables and resolves {@code ~} to this home folder. */
    public AssistConfigLoader(Map<String, String> env, Path userHome) {
        this.env = Map.copyOf(env);
        this.userHome = userHome;
    }

    /** The real environment and home folder. */
    public static AssistConfigLoader forCurrentUser() {
        return new AssistConfigLoader(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /** Where the config file is looked for when neither {@code $ASSIST_CONFIG} nor a path is given. */
    public Path defaultFile() {
        // The XDG spec says a relative XDG_CONFIG_HOME is invalid and must be ignored.
        String xdg = env.get("XDG_CONFIG_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg.strip()).isAbsolute()) {
            return Path.of(xdg.strip()).resolve(APP_FOLDER).resolve(FILE_NAME);
        }
        return userHome.resolve(".config").resolve(APP_FOLDER).resolve(FILE_NAME);
    }

    /** Reads {@code $ASSIST_CONFIG} (which must exist) or else the default file (which may be missing). */
    public AssistConfig load() throws ConfigException {
        String named = env(CONFIG_VARIABLE);
        if (named != null) {
            return load(expand(named, userHome, CONFIG_VARIABLE, ENVIRONMENT));
        }
        Path file = defaultFile();
        return Files.exists(file) ? load(file) : combine(new Properties(), Optional.empty(), true);
    }

    /** Reads this file, which must exist, then the environment. */
    public AssistConfig load(Path file) throws ConfigException {
        Path absolute = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(absolute)) {
            throw new ConfigException("", absolute.toString(), "no such config file");
        }
        Properties properties = read(absolute);
        Set<String> unknown = new TreeSet<>(properties.stringPropertyNames());
        unknown.removeAll(KEYS);
        if (!unknown.isEmpty()) {
            LOG.warn("{}: ignoring unknown keys {} (known: {})", absolute, unknown, new TreeSet<>(KEYS));
        }
        return combine(properties, Optional.of(absolute), true);
    }

    /**
     * The file {@link #load()} reads and a settings screen writes: {@code $ASSIST_CONFIG} when set, else
     * {@link #defaultFile()}. It need not exist.
     */
    public Path configFile() throws ConfigException {
        String named = env(CONFIG_VARIABLE);
        Path file = named != null ? expand(named, userHome, CONFIG_VARIABLE, ENVIRONMENT) : defaultFile();
        return file.toAbsolutePath().normalize();
    }

    /**
     * The values written in this file, as written (not checked, {@code ~} not expanded, no environment
     * applied), so a settings screen can show a file that {@link #load} refuses and let the user fix it.
     * A missing file has no values.
     */
    public Map<String, String> storedValues(Path file) throws ConfigException {
        Path absolute = file.toAbsolutePath().normalize();
        if (!Files.exists(absolute)) {
            return Map.of();
        }
        Properties properties = read(absolute);
        Map<String, String> values = new LinkedHashMap<>();
        for (String key : new TreeSet<>(properties.stringPropertyNames())) {
            values.put(key, properties.getProperty(key).strip());
        }
        return values;
    }

    /**
     * What {@link #load(Path)} would give if {@code file} held exactly these values: the same checks, the
     * environment on top, relative folders resolved against the file's folder. Nothing is read or logged, so a
     * settings screen can check what it is about to write.
     */
    public AssistConfig resolve(Map<String, String> fileValues, Path file) throws ConfigException {
        Properties properties = new Properties();
        fileValues.forEach((key, value) -> {
            if (value != null) {
                properties.setProperty(key, value);
            }
        });
        return combine(properties, Optional.of(file.toAbsolutePath().normalize()), false);
    }

    /** The environment variable that overrides this key, when it is set (and not blank). */
    public Optional<String> overriddenBy(String key) {
        String variable = OVERRIDES.get(key);
        return variable != null && env(variable) != null ? Optional.of(variable) : Optional.empty();
    }

    /**
     * The value of the environment variable that overrides this key, when it is set. For {@link #LLM_API_KEY}
     * and {@link #DATABASE_PASSWORD} this is a secret: never show or log it.
     */
    public Optional<String> overrideValue(String key) {
        return overriddenBy(key).map(this::env);
    }

    /**
     * The folders a {@code knowledge.folders} value in {@code file} names: split, {@code ~} expanded, relative
     * ones resolved against the file's folder, repeats left out.
     */
    public List<Path> knowledgeFolders(String value, Path file) throws ConfigException {
        Properties properties = new Properties();
        properties.setProperty(KNOWLEDGE_FOLDERS, value);
        Path absolute = file.toAbsolutePath().normalize();
        return new Values(properties, absolute.toString(), false).paths(KNOWLEDGE_FOLDERS,
                Optional.ofNullable(absolute.getParent()));
    }

    /** {@code OPENAI_API_KEY} when it is set: the key used when neither the file nor the environment give one. */
    public Optional<String> fallbackApiKeyVariable() {
        return env(OPENAI_API_KEY) != null ? Optional.of(OPENAI_API_KEY) : Optional.empty();
    }

    private static Properties read(Path absolute) throws ConfigException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(absolute, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (MalformedInputException e) {
            throw new ConfigException("", absolute.toString(), "not UTF-8 text", e);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("", absolute.toString(), "not a properties file (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new ConfigException("", absolute.toString(), "cannot be read (" + e.getMessage() + ")", e);
        }
        return properties;
    }

    private AssistConfig combine(Properties properties, Optional<Path> file, boolean loading)
            throws ConfigException {
        String fileName = file.map(Path::toString).orElse("");
        Values values = new Values(properties, fileName);

        Optional<Setting> baseUrl = values.get(LLM_BASE_URL);
        Optional<Setting> model = values.get(LLM_MODEL);
        Optional<Setting> apiKey = values.get(LLM_API_KEY)
                .or(() -> Optional.ofNullable(env(OPENAI_API_KEY)).map(key -> new Setting(key, OPENAI_API_KEY,
                        ENVIRONMENT)));
        int timeoutSeconds = values.integer(LLM_TIMEOUT_SECONDS, 1, LONGEST_TIMEOUT_SECONDS)
                .orElse((int) ModelSettings.DEFAULT_TIMEOUT.toSeconds());
        int maxRetries = values.integer(LLM_MAX_RETRIES, 0, MOST_RETRIES).orElse(ModelSettings.DEFAULT_MAX_RETRIES);

        ModelSettings modelSettings;
        if (baseUrl.isPresent()) {
            String url = checkedBaseUrl(baseUrl.get());
            if (model.isEmpty()) {
                throw new ConfigException(LLM_MODEL, file.isPresent() ? fileName : ENVIRONMENT,
                        "missing: a model name is needed with " + LLM_BASE_URL + " (" + url
                                + "); set it, or ASSIST_LLM_MODEL (on Azure, the deployment name)");
            }
            modelSettings = new ModelSettings(url, apiKey.map(Setting::value).orElse(""), model.get().value(),
                    Duration.ofSeconds(timeoutSeconds), maxRetries);
            if (loading) {
                LOG.info("language model {} at {}, API key {}", modelSettings.modelName(), modelSettings.baseUrl(),
                        apiKey.map(key -> "from " + key.key() + " in " + key.source()).orElse("none"));
            }
        } else {
            modelSettings = new ModelSettings("", "", "", Duration.ofSeconds(timeoutSeconds), maxRetries);
            if (loading) {
                LOG.info("no language model configured ({} unset): offline", LLM_BASE_URL);
            }
        }
        Optional<Setting> databasePassword = values.get(DATABASE_PASSWORD);
        if (loading && file.isPresent()) {
            List<String> secrets = new ArrayList<>();
            apiKey.filter(key -> key.key().equals(LLM_API_KEY) && key.source().equals(fileName))
                    .ifPresent(key -> secrets.add("an API key"));
            databasePassword.filter(password -> password.source().equals(fileName))
                    .ifPresent(password -> secrets.add("a database password"));
            if (!secrets.isEmpty()) {
                warnIfOthersCanRead(file.get(), String.join(" and ", secrets));
            }
        }

        Optional<Path> baseDir = file.map(Path::getParent);
        return new AssistConfig(modelSettings,
                values.get(AGENT_NAME).map(Setting::value).orElse(""),
                values.get(AGENT_SIGNATURE).map(Setting::value).orElse(""),
                checkedDatabaseUrl(values.get(DATABASE_URL)),
                values.path(INDEX_DIR, baseDir),
                values.path(INBOX_DIR, baseDir),
                file,
                values.paths(KNOWLEDGE_FOLDERS, baseDir),
                values.get(DATABASE_USER).map(Setting::value).orElse(""),
                databasePassword.map(Setting::value).orElse(""),
                checkedRole(values.get(AGENT_ROLE)));
    }

    private static AgentRole checkedRole(Optional<Setting> setting) throws ConfigException {
        if (setting.isEmpty()) {
            return AgentRole.AGENT;
        }
        return AgentRole.parse(setting.get().value())
                .orElseThrow(() -> setting.get().invalid("'" + setting.get().value() + "' is not a role: agent or lead"));
    }

    private static String checkedBaseUrl(Setting setting) throws ConfigException {
        Optional<String> problem = baseUrlProblem(setting.value());
        if (problem.isPresent()) {
            throw setting.invalid(problem.get());
        }
        return setting.value();
    }

    /**
     * What is wrong with a model base URL, or empty when it is a usable http(s) URL with a host and without
     * credentials, query or fragment. The one check the loader and a settings screen share.
     */
    public static Optional<String> baseUrlProblem(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            return Optional.of("'" + text + "' is not a URL (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                || uri.getHost() == null) {
            return Optional.of("'" + text + "' is not an http(s) URL with a host, e.g. "
                    + "https://api.openai.com/v1 or http://localhost:11434/v1");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("the URL must not carry a user or password (they would end up in logs); "
                    + "put the key in " + LLM_API_KEY);
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return Optional.of("'" + text + "' has a query or fragment; give the base URL only, e.g. "
                    + "https://api.openai.com/v1");
        }
        return Optional.empty();
    }

    private static Optional<String> checkedDatabaseUrl(Optional<Setting> setting) throws ConfigException {
        if (setting.isPresent() && !setting.get().value().regionMatches(true, 0, "jdbc:", 0, 5)) {
            throw setting.get().invalid("'" + AssistConfig.maskPassword(setting.get().value())
                    + "' is not a JDBC URL, e.g. jdbc:postgresql://localhost:5432/assist or jdbc:h2:~/assist/db");
        }
        return setting.map(Setting::value);
    }

    private void warnIfOthersCanRead(Path file, String secrets) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (permissions.contains(PosixFilePermission.OTHERS_READ)
                    || permissions.contains(PosixFilePermission.GROUP_READ)) {
                LOG.warn("{} holds {} and other users can read it: chmod 600 {}", file, secrets, file);
            }
        } catch (UnsupportedOperationException | IOException notPosix) {
            // nothing to check on this file system
        }
    }

    private String env(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Path expand(String text, Path home, String key, String source) throws ConfigException {
        try {
            if (text.equals("~")) {
                return home;
            }
            if (text.startsWith("~/")) {
                return home.resolve(text.substring(2));
            }
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new ConfigException(key, source, "'" + text + "' is not a path (" + e.getReason() + ")", e);
        }
    }

    /** One value and where it came from. */
    private record Setting(String value, String key, String source) {
        ConfigException invalid(String problem) {
            return new ConfigException(key, source, problem);
        }

        ConfigException invalid(String problem, Throwable cause) {
            return new ConfigException(key, source, problem, cause);
        }
    }

    /** The file's values with the environment's on top. */
    private final class Values {
        private final Properties properties;
        private final String fileName;
        private final boolean withEnvironment;

        Values(Properties properties, String fileName) {
            this(properties, fileName, true);
        }

        Values(Properties properties, String fileName, boolean withEnvironment) {
            this.properties = properties;
            this.fileName = fileName;
            this.withEnvironment = withEnvironment;
        }

        Optional<Setting> get(String key) {
            String variable = OVERRIDES.get(key);
            if (withEnvironment && variable != null && env(variable) != null) {
                return Optional.of(new Setting(env(variable), variable, ENVIRONMENT));
            }
            String value = properties.getProperty(key);
            return value == null || value.isBlank()
                    ? Optional.empty()
                    : Optional.of(new Setting(value.strip(), key, fileName));
        }

        Optional<Integer> integer(String key, int least, int most) throws ConfigException {
            Optional<Setting> setting = get(key);
            if (setting.isEmpty()) {
                return Optional.empty();
            }
            String text = setting.get().value();
            int number;
            try {
                number = Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw setting.get().invalid("'" + text + "' is not a whole number", e);
            }
            if (number < least || number > most) {
                throw setting.get().invalid(number + " is not between " + least + " and " + most);
            }
            return Optional.of(number);
        }

        Optional<Path> path(String key, Optional<Path> baseDir) throws ConfigException {
            Optional<Setting> setting = get(key);
            if (setting.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(resolved(setting.get().value(), key, setting.get().source(), baseDir));
        }

        /** Folders separated by newlines or the path separator; blanks and repeats left out. */
        List<Path> paths(String key, Optional<Path> baseDir) throws ConfigException {
            Optional<Setting> setting = get(key);
            if (setting.isEmpty()) {
                return List.of();
            }
            Set<Path> paths = new LinkedHashSet<>();
            for (String part : FOLDER_SEPARATOR.split(setting.get().value())) {
                if (!part.isBlank()) {
                    paths.add(resolved(part.strip(), key, setting.get().source(), baseDir));
                }
            }
            return new ArrayList<>(paths);
        }

        private Path resolved(String text, String key, String source, Optional<Path> baseDir)
                throws ConfigException {
            Path path = expand(text, userHome, key, source);
            if (!path.isAbsolute()) {
                path = baseDir.orElse(Path.of("")).resolve(path);
            }
            return path.toAbsolutePath().normalize();
        }
    }
}
