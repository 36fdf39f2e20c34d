package io.agentassist.app.cli;

import io.agentassist.app.wiring.AssistServices;
import io.agentassist.core.persistence.Database;
import io.agentassist.core.persistence.DatabaseUnavailableException;

/** Opens the configured (or embedded) database for a command, or explains in one line why it cannot. */
final class CliDatabase {
    private CliDatabase() {
    }

    static Database open(CliEnvironment env, AssistServices services) {
        try {
            return services.openDatabase(env.directories().dataDir());
        } catch (DatabaseUnavailableException e) {
            throw new CliError(e.getMessage(), e);
        }
    }
}
