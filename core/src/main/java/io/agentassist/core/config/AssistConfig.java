package io.agentassist.core.config;

import io.agentassist.core.llm.ModelSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The user's settings, as {@link AssistConfigLoader} read them from the config file and the environment.
 * Values the app has its own defaults for (database, index and inbox folders) are empty when not set.
 * {@link #toString()} shows neither the API key nor a database password (in the URL or on its own).
 *
 * @param model          the language model; {@link ModelSettings#unconfigured()} means offline
 * @param agentName      how the agent signs and is addressed, "" when not set
 * @param agentSignature the closing of a reply, "" when not set
 * @param databaseUrl    a JDBC URL
 * @param indexDir       the knowledge index folder
 * @param inboxDir       the folder tickets are read from
 * @param file           the config file read, empty when there was none
 * @param knowledgeFolders the folders of knowledge articles the index is built from, absolute; empty when
 *                       not set (the app's default)
 * @param databaseUser   the login for {@code databaseUrl}, "" when not set (the URL's or the driver's default);
 *                       in a team database, the member's own login
 * @param databasePassword that login's password, "" when not set; never shown or logged
 * @param role           {@code agent.role}: whether the window offers the review modes; {@link AgentRole#AGENT}
 *                       when not set
 */
public record AssistConfig(ModelSettings model, String agentName, String agentSignature,
        Optional<String> databaseUrl, Optional<Path> indexDir, Optional<Path> inboxDir, Optional<Path> file,
        List<Path> knowledgeFolders, String databaseUser, String databasePassword, AgentRole role) {

    public AssistConfig {
        Objects.requireNonNull(model, "model");
        agentName = Objects.requireNonNullElse(agentName, "");
        agentSignature = Objects.requireNonNullElse(agentSignature, "");
        Objects.requireNonNull(databaseUrl, "databaseUrl");
        Objects.requireNonNull(indexDir, "indexDir");
        Objects.requireNonNull(inboxDir, "inboxDir");
        Objects.requireNonNull(file, "file");
        knowledgeFolders = knowledgeFolders == null ? List.of() : List.copyOf(knowledgeFolders);
        databaseUser = Objects.requireNonNullElse(databaseUser, "");
        databasePassword = Objects.requireNonNullElse(databasePassword, "");
        role = Objects.requireNonNullElse(role, AgentRole.AGENT);
    }

    /** An agent without a database login: the URL says everything there is to say about the database. */
    public AssistConfig(ModelSettings model, String agentName, String agentSignature, Optional<String> databaseUrl,
                        Optional<Path> indexDir, Optional<Path> inboxDir, Optional<Path> file,
                        List<Path> knowledgeFolders) {
        this(model, agentName, agentSignature, databaseUrl, indexDir, inboxDir, file, knowledgeFolders, "", "",
                AgentRole.AGENT);
    }

    /** An agent with a database login. */
    public AssistConfig(ModelSettings model, String agentName, String agentSignature, Optional<String> databaseUrl,
                        Optional<Path> indexDir, Optional<Path> inboxDir, Optional<Path> file,
                        List<Path> knowledgeFolders, String databaseUser, String databasePassword) {
        this(model, agentName, agentSignature, databaseUrl, indexDir, inboxDir, file, knowledgeFolders, databaseUser,
                databasePassword, AgentRole.AGENT);
    }

    /** Without a database login, in the given role. */
    public AssistConfig(ModelSettings model, String agentName, String agentSignature, Optional<String> databaseUrl,
                        Optional<Path> indexDir, Optional<Path> inboxDir, Optional<Path> file,
                        List<Path> knowledgeFolders, AgentRole role) {
        this(model, agentName, agentSignature, databaseUrl, indexDir, inboxDir, file, knowledgeFolders, "", "", role);
    }

    /** Nothing set anywhere: offline, every folder the app's default. */
    public static AssistConfig defaults() {
        return new AssistConfig(ModelSettings.unconfigured(), "", "", Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), List.of());
    }

    @Override
    public String toString() {
        return "AssistConfig[model=" + model + ", agentName=" + agentName + ", agentSignature="
                + (agentSignature.isEmpty() ? "" : "(" + agentSignature.length() + " characters)")
                + ", databaseUrl=" + databaseUrl.map(AssistConfig::maskPassword).orElse("(default)")
                + ", databaseUser=" + databaseUser
                + ", databasePassword=" + (databasePassword.isEmpty() ? "" : "****")
                + ", indexDir=" + indexDir.map(Path::toString).orElse("(default)")
                + ", inboxDir=" + inboxDir.map(Path::toString).orElse("(default)")
                + ", file=" + file.map(Path::toString).orElse("(none)")
                + ", knowledgeFolders=" + (knowledgeFolders.isEmpty() ? "(default)" : knowledgeFolders)
                + ", role=" + role.id() + "]";
    }

    /** A JDBC URL with any password replaced by {@code ****}: {@code password=...} and {@code user:pass@}. */
    static String maskPassword(String jdbcUrl) {
        return jdbcUrl
                .replaceAll("(?i)(password=)[^&;]*", "$1****")
                .replaceAll("(//[^/:@]+:)[^/@]*@", "$1****@");
    }
}
