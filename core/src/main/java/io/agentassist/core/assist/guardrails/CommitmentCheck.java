package io.agentassist.core.assist.guardrails;

import io.agentassist.core.model.Flag;
import io.agentassist.core.model.FlagKind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Refunds, discounts, compensation and admissions of fault are the agent's decision, never the assistant's.
 * Even a commitment the policy allows is flagged: the agent is the one who makes it. One flag per rule that
 * fired, quoting what fired it.
 */
final class CommitmentCheck {

    /** Words that, earlier in the same clause, turn a commitment into its refusal. */
    private static final Pattern NEGATION = Pattern.compile(
            "\\b(?:not|never|no|unable|cannot|can't|can’t|won't|won’t|isn't|isn’t|aren't|aren’t|don't|don’t|doesn't|"
                    + "doesn’t|without|neither|nor)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CLAUSE_BREAK = Pattern.compile("[.!?;:,\\n—–]|\\s-\\s|\\b(?:but|however|although|"
            + "though)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final int MAX_QUOTES = 3;

    private CommitmentCheck() {
    }

    static List<Flag> commitments(String draftText, List<CommitmentRule> rules) {
        String text = CitationMarkers.strip(draftText);
        List<Flag> flags = new ArrayList<>();
        for (CommitmentRule rule : rules) {
            Set<String> found = new LinkedHashSet<>();
            for (Pattern pattern : rule.patterns()) {
                Matcher m = pattern.matcher(text);
                while (m.find()) {
                    if (!negated(text, m.start(), m.end())) {
                        found.add(m.group().strip());
                    }
                }
            }
            if (!found.isEmpty()) {
                List<String> quotes = List.copyOf(found).subList(0, Math.min(MAX_QUOTES, found.size()));
                String why = rule.explanation().isEmpty() ? "" : " — " + rule.explanation();
                flags.add(Flag.blocking(FlagKind.COMMITMENT, "Commitment (" + rule.name() + "): "
                        + Texts.quoteAll(quotes) + why + ". Send it only if you can make this commitment yourself."));
            }
        }
        return flags;
    }

    /** A negation between the start of the clause and the end of the match: "we will not refund". */
    private static boolean negated(String text, int matchStart, int matchEnd) {
        int clauseStart = 0;
        Matcher breaks = CLAUSE_BREAK.matcher(text).region(0, matchStart);
        while (breaks.find()) {
            clauseStart = breaks.end();
        }
        return NEGATION.matcher(text.substring(clauseStart, matchEnd)).find();
    }
}
