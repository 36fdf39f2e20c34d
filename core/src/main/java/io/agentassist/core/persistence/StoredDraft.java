package io.agentassist.core.persistence;

import io.agentassist.core.model.Draft;
import io.agentassist.core.model.Feedback;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * A draft as stored, with what the {@link Draft} record does not carry: the agents' feedback, when it was
 * discarded or superseded, and the edit distance and ratio the review metrics recorded (empty until then).
 */
public record StoredDraft(Draft draft, List<Feedback> feedback, Optional<Instant> discardedAt,
                          Optional<Instant> supersededAt, OptionalInt editDistance, OptionalDouble editRatio) {
    public StoredDraft {
        Objects.requireNonNull(draft, "draft");
        feedback = List.copyOf(feedback);
        discardedAt = discardedAt == null ? Optional.empty() : discardedAt;
        supersededAt = supersededAt == null ? Optional.empty() : supersededAt;
        editDistance = editDistance == null ? OptionalInt.empty() : editDistance;
        editRatio = editRatio == null ? OptionalDouble.empty() : editRatio;
    }
}
