package io.agentassist.core.assist.guardrails;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One kind of commitment an agent must decide on before it goes out: a name the agent sees ("refund"),
 * a sentence saying why it matters, and the patterns that recognise it. A pattern that is found after a
 * negation in the same clause ("we are unable to offer compensation") does not count: saying what we will
 * not do is no promise.
 *
 * @param name        short name shown in the flag, e.g. "refund"
 * @param explanation what the commitment means for the business, in the agent's words
 * @param patterns    case-insensitive patterns; any one that matches fires the rule
 */
public record CommitmentRule(String name, String explanation, List<Pattern> patterns) {

    public CommitmentRule {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a commitment rule needs a name");
        }
        explanation = explanation == null ? "" : explanation.strip();
        patterns = List.copyOf(patterns);
        if (patterns.isEmpty()) {
            throw new IllegalArgumentException("commitment rule \"" + name + "\" has no pattern");
        }
    }

    /**
     * A rule from plain phrases, matched as whole words, ignoring case and how much space separates the
     * words: {@code phrases("refund", "...", "we will refund", "money back")}.
     */
    public static CommitmentRule phrases(String name, String explanation, String... phrases) {
        return new CommitmentRule(name, explanation, Arrays.stream(phrases)
                .map(CommitmentRule::phrasePattern)
                .toList());
    }

    /** A rule from regular expressions, compiled case-insensitively. */
    public static CommitmentRule regexes(String name, String explanation, String... regexes) {
        return new CommitmentRule(name, explanation, Arrays.stream(regexes)
                .map(regex -> Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE))
                .toList());
    }

    private static Pattern phrasePattern(String phrase) {
        Objects.requireNonNull(phrase, "phrase");
        String words = Arrays.stream(phrase.strip().split("\\s+"))
                .map(Pattern::quote)
                .collect(Collectors.joining("\\s+"));
        return Pattern.compile("(?<![\\w])" + words + "(?![\\w])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
