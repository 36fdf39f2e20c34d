package io.agentassist.core.assist.prompt;

import io.agentassist.core.model.Author;
import io.agentassist.core.model.Message;
import io.agentassist.core.model.Ticket;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Renders a ticket as quoted data for a prompt. Internal notes never reach the model. Anything in the
 * customer's text that looks like our own delimiters is defused, so a message cannot "close" the quote and
 * speak to the model as if it were us.
 */
public final class TicketQuoting {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

    private TicketQuoting() {
    }

    /** One line per message: {@code [customer, 2026-11-20 10:04] text}; {@code redact} hides personal data. */
    public static String conversation(Ticket ticket, UnaryOperator<String> redact) {
        StringBuilder out = new StringBuilder();
        for (Message message : ticket.messages()) {
            if (message.author() == Author.INTERNAL_NOTE) {
                continue;
            }
            String who = message.author() == Author.CUSTOMER ? "customer" : "agent";
            out.append('[').append(who).append(", ").append(TIME.format(message.at())).append("] ")
                    .append(defuse(redact.apply(message.text()).strip())).append('\n');
        }
        return out.toString().strip();
    }

    /** Neutralises our quote delimiters inside quoted text. */
    public static String defuse(String text) {
        return text.replaceAll("(?i)</?\\s*(ticket|draft)\\s*>", "[$1 tag removed]");
    }
}
