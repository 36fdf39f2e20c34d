package io.agentassist.core.persistence;

import java.util.Objects;

/**
 * Who the app is connected as in a team database: the PostgreSQL login, which is the owner name of every draft,
 * feedback, approval and review this connection writes, and the team role the database grants it.
 */
public record TeamMember(String login, TeamRole role) {
    public TeamMember {
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(role, "role");
    }

    public boolean isLead() {
        return role == TeamRole.LEAD;
    }
}
