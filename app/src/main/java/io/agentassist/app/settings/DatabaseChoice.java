package io.agentassist.app.settings;

/** Where the app keeps tickets, drafts and the approval log. */
public enum DatabaseChoice {
    /** The H2 database in the app's data folder: nothing to set up. */
    EMBEDDED,
    /** A PostgreSQL server the team shares, by JDBC URL. */
    POSTGRESQL
}
