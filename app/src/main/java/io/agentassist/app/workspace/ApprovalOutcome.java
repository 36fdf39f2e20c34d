package io.agentassist.app.workspace;

import io.agentassist.core.desk.ApprovalReceipt;
import java.util.List;

/** What came of pressing "Approve & send". */
public sealed interface ApprovalOutcome {

    /** Approved, queued and handed to the channel. */
    record Sent(ApprovalReceipt receipt) implements ApprovalOutcome {
    }

    /**
     * Not sent yet: the agent must confirm first, because blocking flags are unchecked or the customer wrote
     * again since the draft was suggested. Approving again with confirmation sends.
     */
    record NeedsConfirmation(List<FlagItem> unresolvedFlags, boolean stale) implements ApprovalOutcome {
        public NeedsConfirmation {
            unresolvedFlags = List.copyOf(unresolvedFlags);
        }
    }

    /** Not sent, and nothing was stored; the reason is for the agent. */
    record Refused(String reason) implements ApprovalOutcome {
    }
}
