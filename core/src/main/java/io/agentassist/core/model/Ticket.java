package io.agentassist.core.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A customer's case: subject, channel, who wrote, and the messages so far, oldest first. */
public record Ticket(String id, String subject, Channel channel, Customer customer, TicketStatus status,
                     List<Message> messages) {
    public Ticket {
        Objects.requireNonNull(id, "id");
        subject = subject == null ? "" : subject;
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(status, "status");
        messages = List.copyOf(messages);
    }

    /** The newest message from the customer, which a suggested reply answers. */
    public Optional<Message> latestCustomerMessage() {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).author() == Author.CUSTOMER) {
                return Optional.of(messages.get(i));
            }
        }
        return Optional.empty();
    }

    public Ticket withMessages(List<Message> newMessages) {
        return new Ticket(id, subject, channel, customer, status, newMessages);
    }

    public Ticket withStatus(TicketStatus newStatus) {
        return new Ticket(id, subject, channel, customer, newStatus, messages);
    }
}
