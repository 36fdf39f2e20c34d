package io.agentassist.core.tickets;

import io.agentassist.core.model.Channel;
import io.agentassist.core.model.Customer;
import io.agentassist.core.model.TicketStatus;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of the ticket queue, loaded without the messages. {@code lastCustomerMessageAt} is empty for a ticket
 * with no customer message (e.g. one opened by an agent).
 */
public record TicketSummary(String id, String subject, TicketStatus status, Customer customer, Channel channel,
                            Optional<Instant> lastCustomerMessageAt, int messageCount) {
    public TicketSummary {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(channel, "channel");
        lastCustomerMessageAt = lastCustomerMessageAt == null ? Optional.empty() : lastCustomerMessageAt;
    }
}
