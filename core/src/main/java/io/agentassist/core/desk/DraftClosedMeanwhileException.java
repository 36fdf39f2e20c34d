package io.agentassist.core.desk;

/**
 * The draft passed the approval checks but was closed (superseded because the customer wrote again, or
 * discarded) before its approval could be stored. Nothing was stored, queued or sent; the agent should look at
 * the ticket again. Unchecked because it is a lost race, not a decision the caller could have checked first.
 */
public final class DraftClosedMeanwhileException extends IllegalStateException {
    private final String draftId;

    DraftClosedMeanwhileException(String draftId, IllegalStateException cause) {
        super("Draft " + draftId + " was closed while it was being approved (" + cause.getMessage()
                + "); nothing was queued or sent.", cause);
        this.draftId = draftId;
    }

    public String draftId() {
        return draftId;
    }
}
