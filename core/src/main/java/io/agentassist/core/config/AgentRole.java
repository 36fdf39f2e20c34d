package io.agentassist.core.config;

import java.util.Locale;
import java.util.Optional;

/**
 * What the window offers a user ({@code agent.role}): an agent works the queue; a team lead also gets the review
 * workspace and the dashboard. The window only hides modes: in team mode the database decides what a login may
 * read (row-level security), so a role set by hand in a config file grants nothing there.
 */
public enum AgentRole {
    AGENT,
    LEAD;

    /** {@code agent} or {@code lead}, as written in the config file. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code agent} or {@code lead} in any case, blanks around it ignored; empty for anything else. */
    public static Optional<AgentRole> parse(String value) {
        String id = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        for (AgentRole role : values()) {
            if (role.id().equals(id)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
