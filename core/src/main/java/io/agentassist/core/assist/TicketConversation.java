package io.agentassist.core.assist;

import io.agentassist.core.conversation.Conversation;
import io.agentassist.core.conversation.Turn;
import io.agentassist.core.model.Author;
import io.agentassist.core.model.Message;
import io.agentassist.core.model.Ticket;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A ticket as retrieval sees it: customer and agent messages in order; internal notes are left out. */
public final class TicketConversation {
    private TicketConversation() {
    }

    public static Conversation of(Ticket ticket) {
        List<Turn> turns = new ArrayList<>();
        if (!ticket.subject().isBlank() && ticket.messages().stream().noneMatch(m -> m.author() == Author.AGENT)) {
            turns.add(Turn.customer(ticket.subject()));
        }
        for (Message message : ticket.messages()) {
            switch (message.author()) {
                case CUSTOMER -> turns.add(Turn.customer(message.text()));
                case AGENT -> turns.add(Turn.agent(message.text()));
                case INTERNAL_NOTE -> { }
            }
        }
        return new Conversation(turns);
    }

    /** The question a suggestion answers: the newest customer message. */
    public static Optional<String> question(Ticket ticket) {
        return ticket.latestCustomerMessage().map(Message::text).filter(text -> !text.isBlank());
    }
}
