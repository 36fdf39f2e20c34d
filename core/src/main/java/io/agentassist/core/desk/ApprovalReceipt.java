package io.agentassist.core.desk;

import io.agentassist.core.approval.ApprovedReply;
import io.agentassist.core.approval.EditAudit;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * What the window learns from a successful {@link ReplyDesk#approveAndSend}: the reply is approved and queued,
 * under this key. It is not the {@link ApprovedReply} itself on purpose: {@code ApprovalArchitectureTest} allows
 * only {@code ApprovalService.approve} and the outbox to hand one out, and the window has no use for one (it
 * could only send it again).
 */
public record ApprovalReceipt(UUID idempotencyKey, String ticketId, Optional<String> draftId, String agent,
                              Instant approvedAt, Optional<EditAudit> edit) {

    static ApprovalReceipt of(ApprovedReply reply) {
        return new ApprovalReceipt(reply.idempotencyKey(), reply.ticketId(), reply.draftId(), reply.agent(),
                reply.approvedAt(), reply.edit());
    }
}
