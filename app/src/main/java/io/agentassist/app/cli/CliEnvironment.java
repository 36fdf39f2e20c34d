package io.agentassist.app.cli;

import io.agentassist.app.AppDirectories;
import io.agentassist.core.config.AssistConfig;
import io.agentassist.core.config.AssistConfigLoader;
import io.agentassist.core.config.ConfigException;

/**
 * What commands need from outside the command line: where the user's data lives, whether a person is
 * watching a terminal (progress bars and bold text only then; plain text when piped or in tests), the
 * configuration (config file plus environment), read only by the commands that need it, and where passwords
 * come from (the admin's, for the team commands).
 */
public record CliEnvironment(AppDirectories directories, boolean interactive, ConfigSource configSource,
                             Secrets secrets) {

    /** Where the configuration comes from; tests pass a fixed one. */
    @FunctionalInterface
    public interface ConfigSource {
        AssistConfig load() throws ConfigException;
    }

    /** Without a configuration source: nothing configured, so everything runs offline. */
    public CliEnvironment(AppDirectories directories, boolean interactive) {
        this(directories, interactive, AssistConfig::defaults);
    }

    /** Without secrets: no password variables, nobody to ask. */
    public CliEnvironment(AppDirectories directories, boolean interactive, ConfigSource configSource) {
        this(directories, interactive, configSource, Secrets.none());
    }

    /** The real environment: the user's folders and config file, and a terminal when there is a console. */
    public static CliEnvironment current(AppDirectories directories) {
        var console = System.console();
        return new CliEnvironment(directories, console != null && console.isTerminal(),
                () -> AssistConfigLoader.forCurrentUser().load(), Secrets.of(System.getenv(), console));
    }

    /** The configuration, or a one-line error naming the key and the file that are wrong. */
    public AssistConfig config() {
        try {
            return configSource.load();
        } catch (ConfigException e) {
            throw new CliError("bad configuration: " + e.getMessage(), e);
        }
    }
}
