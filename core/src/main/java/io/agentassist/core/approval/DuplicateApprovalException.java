package io.agentassist.core.approval;

/**
 * Another reply for the same draft is already in the outbox: two approvals of one draft raced past
 * {@link ApprovalService}, and this one must not be sent. The caller rolls back whatever it recorded with it.
 */
public final class DuplicateApprovalException extends OutboxException {
    private final String draftId;

    DuplicateApprovalException(String draftId) {
        super("Draft " + draftId + " was already approved and queued; a second approval is never sent.");
        this.draftId = draftId;
    }

    public String draftId() {
        return draftId;
    }
}
