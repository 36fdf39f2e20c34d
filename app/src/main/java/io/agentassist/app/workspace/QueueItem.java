package io.agentassist.app.workspace;

import io.agentassist.core.model.Channel;
import io.agentassist.core.model.FlagKind;
import io.agentassist.core.model.TicketStatus;
import io.agentassist.core.tickets.TicketSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * One row of the queue: enough to pick the next ticket without opening it. {@code flags} are the ticket-level
 * signals (frustration, a sensitive situation, hidden instructions), so the agent sees them in the list.
 */
public record QueueItem(String ticketId, String subject, String customer, Channel channel, TicketStatus status,
                        Optional<Instant> waitingSince, int messageCount, Set<FlagKind> flags) {

    public QueueItem {
        flags = Set.copyOf(flags);
    }

    static QueueItem of(TicketSummary summary, Set<FlagKind> flags) {
        String customer = summary.customer().name().isBlank() ? summary.customer().email() : summary.customer().name();
        return new QueueItem(summary.id(), summary.subject(), customer, summary.channel(), summary.status(),
                summary.lastCustomerMessageAt(), summary.messageCount(), flags);
    }

    /** How long the customer has waited since their last message; zero when solved or never written. */
    public Duration waiting(Instant now) {
        if (status == TicketStatus.SOLVED || waitingSince.isEmpty() || waitingSince.get().isAfter(now)) {
            return Duration.ZERO;
        }
        return Duration.between(waitingSince.get(), now);
    }

    /** "4 min", "3 h 5 min", "2 d 4 h": what fits a narrow column. */
    public static String shortDuration(Duration duration) {
        long minutes = duration.toMinutes();
        if (minutes < 1) {
            return "now";
        }
        if (minutes < 60) {
            return minutes + " min";
        }
        long hours = duration.toHours();
        if (hours < 24) {
            long rest = minutes % 60;
            return rest == 0 ? hours + " h" : hours + " h " + rest + " min";
        }
        long rest = hours % 24;
        return rest == 0 ? duration.toDays() + " d" : duration.toDays() + " d " + rest + " h";
    }

    /** Whether the filter text appears in the id, subject or customer, ignoring case. */
    boolean matches(String filter) {
        if (filter == null || filter.isBlank()) {
            return true;
        }
        String needle = filter.strip().toLowerCase(Locale.ROOT);
        return ticketId.toLowerCase(Locale.ROOT).contains(needle)
                || subject.toLowerCase(Locale.ROOT).contains(needle)
                || customer.toLowerCase(Locale.ROOT).contains(needle);
    }
}
