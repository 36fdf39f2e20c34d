/**
 * Approval: the only code that turns an agent's explicit decision ({@link io.agentassist.core.approval.AgentApproval})
 * into an {@link io.agentassist.core.approval.ApprovedReply}, the one thing the outbound channel accepts; and the
 * {@link io.agentassist.core.approval.Outbox} that keeps approved replies until they are delivered.
 *
 * <p>Flow: {@code ApprovalService.approve} → (caller's transaction: record the approval, {@code Outbox.enqueue})
 * → {@code OutboundChannel.send} → {@code OutboxDispatcher} → {@code Delivery}. {@code ApprovalArchitectureTest}
 * keeps the way to an {@code ApprovedReply} closed for code outside this package.
 */
package io.agentassist.core.approval;
