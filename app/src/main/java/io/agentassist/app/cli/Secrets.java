package io.agentassist.app.cli;

import java.io.Console;
import java.util.Map;
import java.util.Optional;

/**
 * Where a command gets a password: an environment variable, or a prompt that does not echo, in a terminal.
 * Never an argument: arguments show in {@code ps}, in shell history and in CI logs.
 */
public interface Secrets {

    /** The variable's value, when it is set and not blank. */
    Optional<String> variable(String name);

    /** Asks without echo; empty when there is no terminal to ask at. */
    Optional<char[]> prompt(String question);

    /** The process's environment and, when there is one, its terminal. */
    static Secrets of(Map<String, String> environment, Console console) {
        Map<String, String> variables = Map.copyOf(environment);
        return new Secrets() {
            @Override
            public Optional<String> variable(String name) {
                return Optional.ofNullable(variables.get(name)).filter(value -> !value.isBlank());
            }

            @Override
            public Optional<char[]> prompt(String question) {
                if (console == null || !console.isTerminal()) {
                    return Optional.empty();
                }
                return Optional.ofNullable(console.readPassword("%s", question));
            }
        };
    }

    /** No variables and no terminal. */
    static Secrets none() {
        return of(Map.of(), null);
    }
}
