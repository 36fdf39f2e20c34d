package io.agentassist.core.conversation;

/** Who said a turn of a conversation. Internal notes are never part of a retrieval conversation. */
public enum Speaker {
    CUSTOMER,
    AGENT;

    /**
     * Reads the names used in files and on the command line ("customer", "agent", and the
     * DSTC-style "U"/"S"), so every reader agrees on one mapping.
     */
    public static Speaker parse(String value) {
        if (value == null) {
            throw new IllegalArgumentException("speaker is missing: expected \"customer\" or \"agent\"");
        }
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "customer", "user", "u" -> CUSTOMER;
            case "agent", "system", "s" -> AGENT;
            default -> throw new IllegalArgumentException(
                    "unknown speaker \"" + value + "\": expected \"customer\" or \"agent\"");
        };
    }
}
