package io.agentassist.core.outbound;

/**
 * What one {@link OutboxDispatcher#dispatchPending()} run did: replies delivered, replies whose delivery failed
 * (they stay queued), and replies held back because an earlier reply to the same ticket failed.
 */
public record DispatchReport(int delivered, int failed, int heldBack) {
    public boolean nothingLeft() {
        return failed == 0 && heldBack == 0;
    }
}
