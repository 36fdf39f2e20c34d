package io.agentassist.core.assist.guardrails;

import java.util.ArrayList;
import java.util.List;

/**
 * What the guardrails look for that a contact centre may want to change: which commitments need the
 * agent's decision, and how many words copied from our instructions count as a leak.
 *
 * @param commitmentRules rules for {@link io.agentassist.core.model.FlagKind#COMMITMENT}, in the order their
 *                        flags are shown
 * @param leakRunWords    a run of at least this many consecutive words of the instruction text, found in the
 *                        draft and in neither a passage nor the ticket, is a prompt leak; at least 4
 */
public record GuardrailSettings(List<CommitmentRule> commitmentRules, int leakRunWords) {

    /** Eight words: long enough that ordinary phrases ("if you have any questions, please") do not count. */
    public static final int DEFAULT_LEAK_RUN_WORDS = 8;

    private static final String NEAR = "(?:\\w+\\s+){0,3}";
    private static final String WE_WILL = "\\b(?:we|i)\\s*(?:'ll|’ll|will|shall|can|'ve|’ve|have|are going to|"
            + "am going to|'m going to|’m going to|'re going to|’re going to|would be happy to|'d be happy to|"
            + "am happy to|'m happy to|are happy to|have already|'ve already|just)\\s+(?:\\w+\\s+)?";

    public GuardrailSettings {
        commitmentRules = List.copyOf(commitmentRules);
        if (leakRunWords < 4) {
            throw new IllegalArgumentException("leakRunWords must be at least 4, was " + leakRunWords);
        }
    }

    /** The built-in rules: refund, discount, compensation, replacement, guarantee and legal admission. */
    public static GuardrailSettings defaults() {
        return new GuardrailSettings(defaultCommitmentRules(), DEFAULT_LEAK_RUN_WORDS);
    }

    public GuardrailSettings withCommitmentRules(List<CommitmentRule> rules) {
        return new GuardrailSettings(rules, leakRunWords);
    }

    /** These settings with one more rule after the others, e.g. a contact centre's own "upgrade" rule. */
    public GuardrailSettings withAdditionalCommitmentRule(CommitmentRule rule) {
        List<CommitmentRule> rules = new ArrayList<>(commitmentRules);
        rules.add(rule);
        return new GuardrailSettings(rules, leakRunWords);
    }

    public GuardrailSettings withLeakRunWords(int words) {
        return new GuardrailSettings(commitmentRules, words);
    }

    public static List<CommitmentRule> defaultCommitmentRules() {
        return List.of(
                CommitmentRule.regexes("refund",
                        "it promises the customer money back",
                        WE_WILL + "refund(?:ed)?\\b",
                        WE_WILL + "(?:issue|issued|process|processed|arrange|arranged|approve|approved|authori[sz]e|"
                                + "authori[sz]ed|give|send|sent|initiate|initiated)\\s+" + NEAR + "refund",
                        "\\byou(?:'ll|’ll| will| are going to| shall)\\s+(?:\\w+\\s+)?(?:receive|get|be (?:given|"
                                + "issued|sent))\\s+"
                                + NEAR + "(?:refund|money back)",
                        "\\brefund\\s+(?:has|have|will)\\s+(?:been|be)\\s+(?:issued|processed|approved|sent|initiated|"
                                + "credited)",
                        "\\b(?:get|have|receive)\\s+your\\s+money\\s+back\\b"),
                CommitmentRule.regexes("discount",
                        "it offers a price reduction, voucher or code",
                        "\\b\\d+(?:[.,]\\d+)?\\s?(?:%|percent|per cent)\\s+(?:off|discount)\\b",
                        "\\bdiscount\\s+(?:code|voucher|of\\s+\\d)",
                        WE_WILL + "(?:give|offer|apply|applied|add|added|send|sent|issue|issued)\\s+" + NEAR
                                + "(?:discount|voucher|coupon|promo(?:tional)? code|gift card|price reduction)",
                        "\\bprice\\s+(?:match|reduction)\\b"),
                CommitmentRule.regexes("compensation",
                        "it offers compensation or a goodwill gesture",
                        "\\bcompensat(?:e|ed|ion|ing)\\b",
                        "\\bgood\\s?will\\b",
                        "\\b(?:store|account)\\s+credit\\b",
                        "\\bcredit(?:ed)?\\s+" + NEAR + "(?:to\\s+)?your\\s+account\\b",
                        "\\bwaiv(?:e|ed|ing)\\s+(?:the\\s+|your\\s+|any\\s+)?(?:\\w+\\s+)?(?:fee|charge|cost)s?\\b",
                        "\\bon\\s+the\\s+house\\b",
                        WE_WILL + "(?:offer|give|send|provide|add|added|include|upgrade)\\s+" + NEAR
                                + "complimentary\\b"),
                CommitmentRule.regexes("replacement",
                        "it promises to send a new or replacement item",
                        WE_WILL + "(?:send|ship|dispatch|arrange|post)\\s+(?:you\\s+)?(?:a\\s+|an\\s+)?(?:new|"
                                + "replacement|another)\\b",
                        WE_WILL + "replace\\b",
                        "\\breplacement\\s+(?:has been|will be|is being)\\s+(?:sent|shipped|dispatched|arranged)\\b"),
                CommitmentRule.regexes("guarantee",
                        "it guarantees an outcome or a date we may not control",
                        "\\b(?:i|we)\\s+(?:can\\s+)?(?:guarantee|promise)\\b",
                        "\\bguaranteed\\s+to\\b"),
                CommitmentRule.regexes("legal admission",
                        "it admits fault or liability, which can be used against the company",
                        "\\bwe\\s+admit\\b",
                        "\\b(?:our|my|the company's|the company’s)\\s+fault\\b",
                        "\\b(?:we\\s+are|we're|we’re|i\\s+am|i'm|i’m|the company is)\\s+(?:fully\\s+|entirely\\s+|"
                                + "legally\\s+)?liable\\b",
                        "\\bliability\\b",
                        "\\bnegligen(?:t|ce)\\b",
                        "\\b(?:it|this|that)\\s+(?:was|is)\\s+(?:entirely\\s+|completely\\s+|all\\s+)?(?:our|"
                                + "my)\\s+(?:mistake|error|fault)\\b",
                        "\\bwe\\s+(?:accept|take)\\s+(?:full\\s+)?(?:responsibility|liability|the blame)\\b"));
    }
}
