package io.agentassist.core.outbound;

import io.agentassist.core.approval.ApprovedReply;
import io.agentassist.core.model.Message;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A ticket store in memory, idempotent by message id as the real one must be; counts every call. */
final class RecordingTicketAppender implements TicketAppender {
    private final Map<String, Map<String, Message>> messagesByTicket = new LinkedHashMap<>();
    private int calls;
    private RuntimeException failNext;

    @Override
    public synchronized void append(ApprovedReply reply) {
        calls++;
        if (failNext != null) {
            RuntimeException failure = failNext;
            failNext = null;
            throw failure;
        }
        Message message = reply.asMessage();
        messagesByTicket.computeIfAbsent(reply.ticketId(), ticket -> new LinkedHashMap<>())
                .putIfAbsent(message.id(), message);
    }

    synchronized List<Message> messages(String ticketId) {
        return new ArrayList<>(messagesByTicket.getOrDefault(ticketId, Map.of()).values());
    }

    synchronized int calls() {
        return calls;
    }

    synchronized void failNextCall(RuntimeException failure) {
        failNext = failure;
    }
}
