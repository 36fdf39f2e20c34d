package io.agentassist.core.persistence;

import java.util.Locale;

/**
 * What a team member may do in a team database (PostgreSQL with {@code assist team setup} applied), as the
 * database enforces it. Each role is a PostgreSQL group role that login roles are members of.
 */
public enum TeamRole {
    /** Reads and writes their own drafts, feedback and approvals, reads the coaching on them; shares the queue. */
    AGENT("assist_agent"),
    /** An agent who also reads everybody's drafts, feedback, approvals and knowledge gaps, and writes reviews. */
    LEAD("assist_lead");

    private final String groupRole;

    TeamRole(String groupRole) {
        this.groupRole = groupRole;
    }

    /** The NOLOGIN PostgreSQL role that members of this role are granted. */
    public String groupRole() {
        return groupRole;
    }

    /** "agent" or "lead", as the command line spells it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
