package io.agentassist.core.config;

import io.agentassist.core.llm.ModelSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The user's settings, as {@link AssistConfigLoader} read them from the config file and the environment.
 * Values the app has its own defaults for (database, index and inbox folders) are empty when not set.
 * {@link #toString()} shows neither the API key nor a database password.
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
 * @param role           {@code agent.role}: whether the window offers the review modes; {@link AgentRole#AGENT}
 *                       when not set
 */
public record AssistConfig(ModelSettings model, String agentName, String agentSignature,
        Optional<String> databaseUrl, Optional<Path> indexDir, Optional<Path> inboxDir, Optional<Path> file,
        List<Path> knowledgeFolders, AgentRole role) {

    public AssistConfig {
        Objects.requireNonNull(model, "model");
        agentName = Objects.requireNonNullElse(agentName, "");
        agentSignature = Objects.requireNonNullElse(agentSignature, "");
        Objects.requireNonNull(databaseUrl, "databaseUrl");
        Objects.requireNonNull(indexDir, "indexDir");
        Objects.requireNonNull(inboxDir, "inboxDir");
        Objects.requireNonNull(file, "file");
        knowledgeFolders = knowledgeFolders == null ? List.of() : List.copyOf(knowledgeFolders);
        role = Objects.requireNonNullElse(role, AgentRole.AGENT);
    }

    /** An agent's configuration (no review modes). */
    public AssistConfig(ModelSettings model, String agentName, String agentSignature, Optional<String> databaseUrl,
                        Optional<Path> indexDir, Optional<Path> inboxDir, Optional<Path> file,
                        List<Path> knowledgeFolders) {
        this(model, agentName, agentSignature, databaseUrl, indexDir, inboxDir, file, knowledgeFolders,
                AgentRole.AGENT);
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
