package io.agentassist.core.outbound;

import io.agentassist.core.approval.ApprovedReply;

/**
 * The way out to the customer. It has one method and that method takes an {@link ApprovedReply}, which only
 * {@link io.agentassist.core.approval.ApprovalService} can make from an agent's explicit approval: there is no
 * way to hand it a string, a draft or a model's output. {@code ApprovalArchitectureTest} keeps it that way.
 */
public interface OutboundChannel {
    /**
     * Accepts the reply for delivery. When this returns, the reply is stored and will reach the customer even
     * if the application stops before it went out; when it throws, the reply was not accepted.
     */
    void send(ApprovedReply reply);
}
