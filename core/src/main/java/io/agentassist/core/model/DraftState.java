package io.agentassist.core.model;

/**
 * The life of a suggested reply: SUGGESTED → EDITED → APPROVED → SENT; or DISCARDED by the agent, or
 * SUPERSEDED when the customer wrote again (or the agent left) before it was approved. A superseded draft is
 * kept, never silently replaced.
 */
public enum DraftState {
    SUGGESTED,
    EDITED,
    APPROVED,
    SENT,
    DISCARDED,
    SUPERSEDED;

    public boolean isFinal() {
        return this == SENT || this == DISCARDED || this == SUPERSEDED;
    }
}
