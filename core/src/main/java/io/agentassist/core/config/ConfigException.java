package io.agentassist.core.config;

/**
 * A configuration value the user has to fix, with the key and where it came from in the message:
 * {@code llm.timeout_seconds in /home/ana/.config/agent-assist/config.properties: 'abc' is not a whole number}.
 */
public final class ConfigException extends Exception {

    private final String key;
    private final String source;
    private final String problem;

    public ConfigException(String key, String source, String problem) {
        this(key, source, problem, null);
    }

    public ConfigException(String key, String source, String problem, Throwable cause) {
        super(key.isEmpty() ? source + ": " + problem : key + " in " + source + ": " + problem, cause);
        this.key = key;
        this.source = source;
        this.problem = problem;
    }

    /** The offending key or environment variable, "" when the whole file is at fault. */
    public String key() {
        return key;
    }

    /** The file or "environment" the value came from. */
    public String source() {
        return source;
    }

    /** What is wrong with the value, without the key and the source ("'abc' is not a whole number"). */
    public String problem() {
        return problem;
    }
}
