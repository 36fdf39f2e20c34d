package io.agentassist.core.review;

import io.agentassist.core.model.Channel;
import io.agentassist.core.model.Feedback;
import io.agentassist.core.model.Flag;
import io.agentassist.core.model.FlagKind;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** A suggestion the agent threw away, as far as the review metrics need it. */
public record DiscardedDraft(String draftId, String ticketId, Channel channel, String agent, Instant suggestedAt,
                             Instant discardedAt, List<Flag> flags, List<Feedback> feedback) {
    public DiscardedDraft {
        Objects.requireNonNull(draftId, "draftId");
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(channel, "channel");
        agent = agent == null ? "" : agent;
        Objects.requireNonNull(suggestedAt, "suggestedAt");
        Objects.requireNonNull(discardedAt, "discardedAt");
        flags = List.copyOf(flags);
        feedback = List.copyOf(feedback);
    }

    public Rating rating() {
        return Rating.of(feedback);
    }

    public Set<FlagKind> flagKinds() {
        Set<FlagKind> kinds = new LinkedHashSet<>();
        flags.forEach(flag -> kinds.add(flag.kind()));
        return kinds;
    }
}
