package io.agentassist.core.assist.offline;

import io.agentassist.core.knowledge.KnowledgeHit;
import io.agentassist.core.model.Author;
import io.agentassist.core.model.Channel;
import io.agentassist.core.model.Customer;
import io.agentassist.core.model.Message;
import io.agentassist.core.model.Ticket;
import io.agentassist.core.model.TicketStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Small fictional tickets and help-centre passages (a seaside hotel and its shop) for offline-mode tests. */
final class Fixtures {
    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    static final KnowledgeHit PARKING = hit("hotel-faq", "hotel-faq#2", "Harbour View Hotel FAQ", "Parking",
            """
            Is there parking at the hotel?
            Parking is free for hotel guests in the garage behind the hotel. \
            The garage is open from 6 am to 11 pm. \
            Electric cars can charge at the two wall boxes on level 1 for 0.39 EUR per kWh.""", 12.4);
    static final KnowledgeHit PETS = hit("pets", "pets#0", "Travelling with pets", "",
            """
            Dogs are welcome in all ground-floor rooms for a fee of 15 EUR per night. \
            Please tell us about your dog when you book, so we can give you a suitable room. \
            Other pets cannot stay at the hotel.
            Was this article helpful?""", 9.1);
    static final KnowledgeHit BREAKFAST = hit("breakfast", "breakfast#0", "Breakfast", "",
            """
            Breakfast is served in the Harbour Room from 7 to 10:30 every morning. \
            It is included in all room rates except the Saver rate.""", 7.7);
    static final KnowledgeHit RETURNS = hit("shop-returns", "shop-returns#1", "Returns and refunds", "How to return",
            """
            Home › Help › Returns
            ## How to return an item
            You can return any item within 30 days of delivery for a full refund.
            - Print the prepaid label from your order page.
            - Drop the parcel at any post office.
            Refunds reach your original payment method within 5 working days after we receive the parcel.
            Read more""", 11.0);
    static final KnowledgeHit RETURNS_COPY = hit("shop-returns-old", "shop-returns-old#0", "Returns (old)", "",
            "You can return any item within 30 days of delivery for a full refund.", 6.0);
    static final KnowledgeHit GIFT_CARDS = hit("gift-cards", "gift-cards#0", "Gift cards", "",
            "Gift cards never expire and can be used in the shop and at the hotel reception.", 5.0);

    private Fixtures() {
    }

    static KnowledgeHit hit(String articleId, String chunkId, String title, String section, String text, double score) {
        return new KnowledgeHit(articleId, chunkId, title, section, text, text,
                "https://help.example.com/" + articleId, score, Map.of());
    }

    static Ticket email(String customerName, String language, String... customerThenAgent) {
        return ticket(Channel.EMAIL, customerName, language, customerThenAgent);
    }

    static Ticket chat(String customerName, String... customerThenAgent) {
        return ticket(Channel.CHAT, customerName, "en", customerThenAgent);
    }

    /** Messages alternate customer, agent, customer, … one minute apart. */
    static Ticket ticket(Channel channel, String customerName, String language, String... customerThenAgent) {
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < customerThenAgent.length; i++) {
            Author author = i % 2 == 0 ? Author.CUSTOMER : Author.AGENT;
            messages.add(new Message("m" + i, author, customerThenAgent[i], T0.plusSeconds(60L * i)));
        }
        return new Ticket("T-100", "", channel, new Customer(customerName, "customer@example.com", language),
                TicketStatus.OPEN, messages);
    }
}
