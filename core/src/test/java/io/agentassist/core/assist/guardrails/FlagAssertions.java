package io.agentassist.core.assist.guardrails;

import io.agentassist.core.model.Flag;
import io.agentassist.core.model.FlagKind;
import java.util.List;

/** Picks the flags of one kind, so a test about numbers is not disturbed by a commitment in the same draft. */
final class FlagAssertions {
    private FlagAssertions() {
    }

    static List<Flag> ofKind(List<Flag> flags, FlagKind kind) {
        return flags.stream().filter(f -> f.kind() == kind).toList();
    }

    static List<String> details(List<Flag> flags, FlagKind kind) {
        return ofKind(flags, kind).stream().map(Flag::detail).toList();
    }

    static List<Flag> draftFlags(String draftText, FlagKind kind) {
        return ofKind(Fixtures.guardrails().checkDraft(Fixtures.draft(draftText)), kind);
    }
}
