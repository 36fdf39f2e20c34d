package io.agentassist.core.review;

import io.agentassist.core.model.Channel;
import io.agentassist.core.model.FlagKind;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which rows the review table, the metrics and the CSV export cover. Every criterion is optional and they
 * combine with AND; within {@code agents}, any of the names matches.
 *
 * <ul>
 *   <li>{@code agents}: the agents who approved the reply (empty: everybody);</li>
 *   <li>{@code dates}: the day a reply was sent, or a suggestion discarded, in the range's zone;</li>
 *   <li>{@code channel}: e-mail or chat;</li>
 *   <li>{@code flag}: the suggestion carried at least one flag of this kind;</li>
 *   <li>{@code rating}: the agent's latest feedback was this ({@link Rating#NONE}: no feedback).</li>
 * </ul>
 */
public record ReviewFilter(Set<String> agents, DateRange dates, Optional<Channel> channel, Optional<FlagKind> flag,
                           Optional<Rating> rating) {

    public ReviewFilter {
        Set<String> names = new TreeSet<>();
        for (String agent : agents == null ? List.<String>of() : agents) {
            if (agent != null && !agent.isBlank()) {
                names.add(agent.strip());
            }
        }
        agents = Set.copyOf(names);
        Objects.requireNonNull(dates, "dates");
        channel = channel == null ? Optional.empty() : channel;
        flag = flag == null ? Optional.empty() : flag;
        rating = rating == null ? Optional.empty() : rating;
    }

    /** Everything, days read in the system zone. */
    public static ReviewFilter all() {
        return new ReviewFilter(Set.of(), DateRange.always(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public ReviewFilter agents(Collection<String> names) {
        return new ReviewFilter(Set.copyOf(names), dates, channel, flag, rating);
    }

    public ReviewFilter agents(String... names) {
        return agents(List.of(names));
    }

    public ReviewFilter dates(DateRange range) {
        return new ReviewFilter(agents, range, channel, flag, rating);
    }

    /** Sent (or discarded) from {@code from} to {@code to}, both inclusive, in {@code zone}. */
    public ReviewFilter between(LocalDate from, LocalDate to, ZoneId zone) {
        return dates(DateRange.of(from, to, zone));
    }

    public ReviewFilter channel(Channel only) {
        return new ReviewFilter(agents, dates, Optional.of(only), flag, rating);
    }

    public ReviewFilter flag(FlagKind kind) {
        return new ReviewFilter(agents, dates, channel, Optional.of(kind), rating);
    }

    public ReviewFilter rating(Rating only) {
        return new ReviewFilter(agents, dates, channel, flag, Optional.of(only));
    }

    public boolean matches(SentReply reply) {
        return matches(reply.agent(), reply.sentAt(), reply.channel(), reply.flagKinds(), reply.rating());
    }

    public boolean matches(DiscardedDraft draft) {
        return matches(draft.agent(), draft.discardedAt(), draft.channel(), draft.flagKinds(), draft.rating());
    }

    private boolean matches(String agent, Instant at, Channel replyChannel, Set<FlagKind> kinds, Rating replyRating) {
        return (agents.isEmpty() || agents.contains(agent))
                && dates.contains(at)
                && channel.map(replyChannel::equals).orElse(true)
                && flag.map(kinds::contains).orElse(true)
                && rating.map(replyRating::equals).orElse(true);
    }

    /** "agents ana, ben · email · flag COMMITMENT · rating none", or "everything" when nothing narrows it. */
    public String describe() {
        List<String> parts = new java.util.ArrayList<>();
        if (!agents.isEmpty()) {
            parts.add((agents.size() == 1 ? "agent " : "agents ") + String.join(", ", new TreeSet<>(agents)));
        }
        channel.ifPresent(c -> parts.add(c.id()));
        flag.ifPresent(k -> parts.add("flag " + k.name()));
        rating.ifPresent(r -> parts.add("rating " + r.id()));
        return parts.isEmpty() ? "all agents" : String.join(" · ", parts);
    }
}
