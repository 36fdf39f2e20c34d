package io.agentassist.core.model;

import java.util.Objects;

/**
 * A finding the agent should see before approving. {@code blocking} flags make approval ask for
 * confirmation; informational ones (offline mode) do not.
 */
public record Flag(FlagKind kind, String detail, boolean blocking) {
    public Flag {
        Objects.requireNonNull(kind, "kind");
        detail = detail == null ? "" : detail;
    }

    public static Flag blocking(FlagKind kind, String detail) {
        return new Flag(kind, detail, true);
    }

    public static Flag info(FlagKind kind, String detail) {
        return new Flag(kind, detail, false);
    }
}
