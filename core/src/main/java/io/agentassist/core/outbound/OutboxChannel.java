package io.agentassist.core.outbound;

import io.agentassist.core.approval.ApprovedReply;
import io.agentassist.core.approval.Outbox;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default {@link OutboundChannel}: stores the reply in the {@link Outbox}, then asks the
 * {@link OutboxDispatcher} to deliver, on {@code executor} so the caller (the window) does not wait for the
 * delivery target.
 *
 * <p>Sending a reply the caller already enqueued (in the transaction that recorded the approval) just triggers
 * delivery: enqueueing the same reply twice keeps one entry.
 */
public final class OutboxChannel implements OutboundChannel {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxChannel.class);

    private final Outbox outbox;
    private final OutboxDispatcher dispatcher;
    private final Executor executor;

    public OutboxChannel(Outbox outbox, OutboxDispatcher dispatcher, Executor executor) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    /**
     * Returns once the reply is stored. A delivery that fails afterwards does not make this throw: the reply
     * stays queued and is delivered by a later dispatch.
     *
     * @throws io.agentassist.core.approval.DuplicateApprovalException when another reply for the same draft was
     *                                                                 already queued; this one is not sent
     * @throws io.agentassist.core.approval.OutboxException            when the reply could not be stored
     */
    @Override
    public void send(ApprovedReply reply) {
        outbox.enqueue(reply);
        try {
            executor.execute(this::dispatch);
        } catch (RejectedExecutionException e) {
            LOG.warn("Reply {} is queued; delivery will start with the next dispatch ({})",
                    reply.idempotencyKey(), e.toString());
        }
    }

    private void dispatch() {
        try {
            dispatcher.dispatchPending();
        } catch (RuntimeException e) {
            LOG.error("Delivering queued replies failed; they stay queued", e);
        }
    }
}
