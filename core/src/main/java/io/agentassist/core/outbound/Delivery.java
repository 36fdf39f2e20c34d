package io.agentassist.core.outbound;

import io.agentassist.core.approval.ApprovedReply;
import java.io.IOException;

/**
 * Where the {@link OutboxDispatcher} delivers approved replies (a folder and the ticket, an e-mail server, a
 * helpdesk API).
 *
 * <p>Implementations must be idempotent by {@link ApprovedReply#idempotencyKey()}: the dispatcher delivers
 * at least once (after a crash between delivering and recording it, it delivers again), and the target turns
 * that into exactly once by recognising a key it has already seen.
 */
public interface Delivery {
    /** Delivers the reply, or does nothing if it was delivered before; throws when it could not be delivered. */
    void deliver(ApprovedReply reply) throws IOException;
}
