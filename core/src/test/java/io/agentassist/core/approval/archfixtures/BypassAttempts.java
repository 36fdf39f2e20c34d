package io.agentassist.core.approval.archfixtures;

import io.agentassist.core.approval.ApprovedReply;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import java.util.Optional;

/**
 * Code that breaks the approval rules on purpose, compiled only into the tests: {@code ApprovalGateTest} checks
 * that every rule reports it. Never called.
 */
public final class BypassAttempts {
    private ApprovedReply last;

    /** A send that takes plain text, skipping the approval. */
    public void sendText(String ticketId, String text) {
    }

    /** Hands out an approved reply it did not get from ApprovalService. */
    public ApprovedReply forward(ApprovedReply reply) {
        last = reply;
        return reply;
    }

    /** Hands one out wrapped. */
    public Optional<ApprovedReply> latest() {
        return Optional.ofNullable(last);
    }

    /** Goes to the mail server directly. */
    public void mailDirectly(Message message) throws MessagingException {
        Transport.send(message);
    }
}
