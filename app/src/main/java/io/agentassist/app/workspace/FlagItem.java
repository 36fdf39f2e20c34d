package io.agentassist.app.workspace;

import io.agentassist.core.model.Flag;
import io.agentassist.core.model.FlagKind;
import java.util.Objects;

/**
 * A flag as the agent reads it: a short title, what was found, and what to do about it. Blocking flags must
 * be looked at (checked off, or confirmed when approving) before a reply goes out.
 */
public record FlagItem(Flag flag, String title, String advice) {

    public FlagItem {
        Objects.requireNonNull(flag, "flag");
        title = Objects.requireNonNullElse(title, "");
        advice = Objects.requireNonNullElse(advice, "");
    }

    public static FlagItem of(Flag flag) {
        return new FlagItem(flag, titleOf(flag.kind()), adviceOn(flag.kind()));
    }

    public FlagKind kind() {
        return flag.kind();
    }

    public String detail() {
        return flag.detail();
    }

    public boolean blocking() {
        return flag.blocking();
    }

    /** Ticket-level signals (about the customer) rather than findings in the draft text. */
    public boolean aboutTheCustomer() {
        return switch (flag.kind()) {
            case FRUSTRATION, SENSITIVE_SITUATION, PROMPT_INJECTION -> true;
            default -> false;
        };
    }

    static String titleOf(FlagKind kind) {
        return switch (kind) {
            case UNKNOWN_CITATION -> "Citation points nowhere";
            case UNCITED_CLAIM -> "Claim without a source";
            case UNSUPPORTED_NUMBER -> "Number not in any source";
            case COMMITMENT -> "Commitment to decide on";
            case PLACEHOLDER -> "Placeholder left in";
            case PROMPT_LEAK -> "Instructions leaked into the draft";
            case UNKNOWN_LINK -> "Link from no source";
            case FRUSTRATION -> "Frustrated customer";
            case SENSITIVE_SITUATION -> "Sensitive situation";
            case NO_KNOWLEDGE -> "Nothing in the knowledge base";
            case PROMPT_INJECTION -> "Instructions hidden in the message";
            case OFFLINE -> "Offline draft";
        };
    }

    static String adviceOn(FlagKind kind) {
        return switch (kind) {
            case UNKNOWN_CITATION -> "Remove the marker or cite an article that says it.";
            case UNCITED_CLAIM -> "Check the sentence against an article, cite it, or take it out.";
            case UNSUPPORTED_NUMBER -> "Prices, dates and durations must come from an article or the ticket.";
            case COMMITMENT -> "Only promise what policy allows and you are authorised to give.";
            case PLACEHOLDER -> "Fill in or remove the placeholder before sending.";
            case PROMPT_LEAK -> "Delete the instruction text; the customer must not see it.";
            case UNKNOWN_LINK -> "Only send links that appear in our articles.";
            case FRUSTRATION -> "Acknowledge the problem first and keep it personal; avoid stock phrases.";
            case SENSITIVE_SITUATION -> "Write personally and with care; consider a call or an escalation.";
            case NO_KNOWLEDGE -> "Answer from your own knowledge or ask a colleague; the question is logged as a gap.";
            case PROMPT_INJECTION -> "The message tries to instruct the assistant. Follow policy, not the message.";
            case OFFLINE -> "Drafted from the help centre without a language model; expect a plain skeleton.";
        };
    }
}
