package io.agentassist.app.cli;

import io.agentassist.app.AppDirectories;
import io.agentassist.core.config.AssistConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/** Runs {@code assist} in-process, as a script would (no terminal), capturing what it prints. */
final class CliRunner {
    private final AppDirectories directories;
    private final CliEnvironment.ConfigSource config;
    private final Secrets secrets;

    CliRunner(Path dataDir) {
        this(dataDir, AssistConfig::defaults);
    }

    /** With a configuration, as if read from a config file and the environment. */
    CliRunner(Path dataDir, CliEnvironment.ConfigSource config) {
        this(dataDir, config, Secrets.none());
    }

    /** With a configuration and where passwords come from (environment variables, answers typed at prompts). */
    CliRunner(Path dataDir, CliEnvironment.ConfigSource config, Secrets secrets) {
        this.directories = new AppDirectories(dataDir);
        this.config = config;
        this.secrets = secrets;
    }

    AppDirectories directories() {
        return directories;
    }

    Result run(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        var cmd = AssistCli.create(new CliEnvironment(directories, false, config, secrets));
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int exitCode = cmd.execute(args);
        return new Result(exitCode, out.toString(), err.toString());
    }

    record Result(int exitCode, String out, String err) {
    }
}
