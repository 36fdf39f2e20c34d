package io.agentassist.core.approval;

/**
 * The durable record of which drafts were approved, so a draft cannot be approved (and sent) twice, even when
 * the caller holds a stale copy of it or the application restarted in between. {@link Outbox} is the
 * implementation: an approval is recorded exactly when its reply is enqueued.
 */
@FunctionalInterface
public interface ApprovalLog {
    boolean hasApproved(String draftId);
}
