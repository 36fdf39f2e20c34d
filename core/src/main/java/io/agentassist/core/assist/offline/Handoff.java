package io.agentassist.core.assist.offline;

import io.agentassist.core.model.CaseSummary;
import io.agentassist.core.model.Channel;
import io.agentassist.core.model.Customer;
import io.agentassist.core.model.Ticket;
import java.util.ArrayList;
import java.util.List;

/** The text an agent hands a case over with: one labelled line per question the next agent will ask. */
record Handoff(Ticket ticket, CaseSummary summary) {

    String text() {
        List<String> lines = new ArrayList<>();
        String subject = ticket.subject().isBlank() ? "" : " \"" + ticket.subject().strip() + "\"";
        lines.add("Ticket " + ticket.id() + " (" + (ticket.channel() == Channel.EMAIL ? "e-mail" : "chat") + ")"
                + subject);
        lines.add("Customer: " + who(ticket.customer()) + "; sentiment " + summary.sentiment());
        lines.add("Wants: " + orElse(summary.intent(), "not stated"));
        lines.add("What happened: " + orElse(summary.whatHappened(), "nothing beyond the request"));
        lines.add("Tried or promised: " + orElse(String.join(" | ", summary.triedOrPromised()), "nothing yet"));
        lines.add("Open questions: " + orElse(String.join(" | ", summary.openQuestions()), "none"));
        lines.add("Next step: " + orElse(summary.nextStep(), "none"));
        return String.join("\n", lines);
    }

    private static String who(Customer customer) {
        StringBuilder who = new StringBuilder(customer.name().isEmpty() ? "unknown name" : customer.name());
        if (!customer.email().isEmpty()) {
            who.append(" <").append(customer.email()).append('>');
        }
        if (!customer.language().isEmpty()) {
            who.append(", language ").append(customer.language());
        }
        return who.toString();
    }

    private static String orElse(String text, String fallback) {
        return text == null || text.isBlank() ? fallback : text;
    }
}
