package io.agentassist.core.assist.guardrails;

import io.agentassist.core.model.Author;
import io.agentassist.core.model.Channel;
import io.agentassist.core.model.Customer;
import io.agentassist.core.model.Message;
import io.agentassist.core.model.Ticket;
import io.agentassist.core.model.TicketStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A small shop's refund and shipping passages and tickets to check drafts against. */
final class Fixtures {

    static final String PROMPT = """
            You are a support assistant for Lumen Home. Write a reply the agent can send to the customer.
            Use only the numbered passages below and cite each fact with its marker, like [1].
            Never promise refunds, discounts or compensation: the agent decides those.
            If the passages do not answer the question, say that you will check and get back to them.
            """;

    static final PassageRef REFUNDS = new PassageRef(1, "refunds", "Refund policy",
            "You can request a refund within 14 days of delivery. Refunds are paid to the original payment "
                    + "method within 5 business days. Damaged items can be returned free of charge.",
            "https://help.lumen.example/refunds");
    static final PassageRef SHIPPING = new PassageRef(2, "shipping", "Delivery times",
            "Standard delivery takes 3-5 business days and costs $4.99. Orders over $50 ship free. "
                    + "Track your parcel at https://track.lumen.example/status.",
            "https://help.lumen.example/shipping");
    static final List<PassageRef> PASSAGES = List.of(REFUNDS, SHIPPING);

    static final String LAMP_COMPLAINT = "Hi, I ordered a lamp (order 88231) on 2 March for $49.99 and it "
            + "arrived broken. Can I get my money back?";

    private Fixtures() {
    }

    static Ticket ticket(String... customerMessages) {
        List<Message> messages = new ArrayList<>();
        Instant at = Instant.parse("2025-03-10T09:00:00Z");
        for (int i = 0; i < customerMessages.length; i++) {
            messages.add(new Message("m" + i, Author.CUSTOMER, customerMessages[i], at.plusSeconds(60L * i)));
        }
        return new Ticket("T-1", "", Channel.EMAIL, new Customer("Anna Berg", "anna@example.com", "en"),
                TicketStatus.OPEN, messages);
    }

    static Ticket lampTicket() {
        return ticket(LAMP_COMPLAINT);
    }

    static DraftUnderCheck draft(String text) {
        return new DraftUnderCheck(text, PASSAGES, lampTicket(), PROMPT);
    }

    static DraftGuardrails guardrails() {
        return new DraftGuardrails(GuardrailSettings.defaults());
    }
}
