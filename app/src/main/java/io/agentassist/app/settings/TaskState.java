package io.agentassist.app.settings;

/** Where one of the screen's background jobs (test connection, test database, re-index, save) stands. */
public enum TaskState {
    /** Not started, or nothing to do. */
    IDLE,
    RUNNING,
    SUCCEEDED,
    FAILED
}
