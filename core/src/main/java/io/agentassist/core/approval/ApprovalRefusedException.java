package io.agentassist.core.approval;

import io.agentassist.core.model.Flag;
import java.util.List;

/**
 * An approval that was not given, with a reason the window can show the agent. Checked, so that every caller
 * of {@link ApprovalService#approve} decides what the agent sees when approval is refused.
 */
public final class ApprovalRefusedException extends Exception {
    public enum Reason {
        /** No agent named: every approval is someone's. */
        NO_AGENT,
        /** No ticket named. */
        NO_TICKET,
        /** The text is empty or only white space. */
        BLANK_TEXT,
        /** The draft belongs to another ticket than the one being answered. */
        OTHER_TICKET,
        /** The draft was already sent, discarded or superseded. */
        DRAFT_CLOSED,
        /** The draft was already approved once; a second approval would send it twice. */
        ALREADY_APPROVED,
        /** The draft has blocking flags the agent did not confirm; see {@link #unconfirmedFlags()}. */
        UNCONFIRMED_BLOCKING_FLAGS
    }

    private final Reason reason;
    private final List<Flag> unconfirmedFlags;

    ApprovalRefusedException(Reason reason, String message) {
        this(reason, message, List.of());
    }

    ApprovalRefusedException(Reason reason, String message, List<Flag> unconfirmedFlags) {
        super(message);
        this.reason = reason;
        this.unconfirmedFlags = List.copyOf(unconfirmedFlags);
    }

    public Reason reason() {
        return reason;
    }

    /** The blocking flags still waiting for the agent's confirmation; empty for the other reasons. */
    public List<Flag> unconfirmedFlags() {
        return unconfirmedFlags;
    }
}
