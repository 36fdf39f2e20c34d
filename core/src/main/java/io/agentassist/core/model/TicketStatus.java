package io.agentassist.core.model;

/** Where a ticket stands: open until the agent replies, pending while waiting for the customer. */
public enum TicketStatus {
    OPEN,
    PENDING,
    SOLVED
}
