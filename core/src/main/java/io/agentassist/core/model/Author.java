package io.agentassist.core.model;

/** Who wrote a message. Internal notes are visible to agents only and never sent to the customer. */
public enum Author {
    CUSTOMER,
    AGENT,
    INTERNAL_NOTE
}
