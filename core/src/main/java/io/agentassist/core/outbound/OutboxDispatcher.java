package io.agentassist.core.outbound;

import io.agentassist.core.approval.ApprovedReply;
import io.agentassist.core.approval.Outbox;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox's pending replies to a {@link Delivery} and marks each delivered.
 *
 * <p>Delivering comes first and marking second, so a crash in between leaves the reply pending and it is
 * delivered again on the next run; the delivery target is idempotent by key, so the customer still gets it
 * once. The other order (mark, then deliver) would lose replies instead. Call {@link #dispatchPending()} when
 * the application starts, to deliver what a previous run left behind, and after every enqueue
 * ({@link OutboxChannel} does).
 *
 * <p>A reply whose delivery fails stays pending with the error recorded. Later replies to the same ticket are
 * held back in that run, so a customer never receives a second answer before the first; other tickets go on.
 */
public final class OutboxDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);
    private static final int BATCH = 100;

    private final Outbox outbox;
    private final Delivery delivery;

    public OutboxDispatcher(Outbox outbox, Delivery delivery) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.delivery = Objects.requireNonNull(delivery, "delivery");
    }

    /**
     * Delivers every reply that is pending now, oldest approval first. Runs are serialised, so concurrent triggers
     * in one process do not deliver the same reply twice at once (and if two processes share an outbox, the
     * idempotent target absorbs the overlap).
     *
     * @throws io.agentassist.core.approval.OutboxException when the outbox cannot be read or updated; what was
     *                                                      delivered but not marked is delivered again next run
     */
    public synchronized DispatchReport dispatchPending() {
        Set<UUID> attempted = new HashSet<>();
        Set<String> failedTickets = new HashSet<>();
        int delivered = 0;
        int failed = 0;
        int heldBack = 0;
        boolean sawNew = true;
        while (sawNew) {
            sawNew = false;
            // Failed and held-back replies stay pending; asking for more than were attempted always reaches new ones.
            for (ApprovedReply reply : outbox.pending(attempted.size() + BATCH)) {
                if (!attempted.add(reply.idempotencyKey())) {
                    continue;
                }
                sawNew = true;
                if (failedTickets.contains(reply.ticketId())) {
                    heldBack++;
                    continue;
                }
                try {
                    delivery.deliver(reply);
                } catch (Exception e) {
                    failed++;
                    failedTickets.add(reply.ticketId());
                    LOG.warn("Reply {} to ticket {} was not delivered and stays queued: {}",
                            reply.idempotencyKey(), reply.ticketId(), e.toString());
                    outbox.recordFailure(reply.idempotencyKey(), e.toString());
                    continue;
                }
                outbox.markDelivered(reply.idempotencyKey());
                delivered++;
            }
        }
        return new DispatchReport(delivered, failed, heldBack);
    }
}
