package io.agentassist.core.approval;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Where an approved reply stands in the outbox, for the window ("queued", "delivered") and for tests.
 * {@code attempts} counts delivery attempts, successful or not; {@code lastError} is "" unless the last attempt
 * failed.
 */
public record OutboxStatus(UUID idempotencyKey, String ticketId, Instant enqueuedAt, Optional<Instant> deliveredAt,
                           int attempts, String lastError) {
    public boolean delivered() {
        return deliveredAt.isPresent();
    }
}
