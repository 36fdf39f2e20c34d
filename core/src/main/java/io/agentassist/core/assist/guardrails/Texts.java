package io.agentassist.core.assist.guardrails;

import io.agentassist.core.model.Author;
import io.agentassist.core.model.Message;
import io.agentassist.core.model.Ticket;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Small text helpers shared by the checks: quoting for flag details, and the texts of a ticket. */
final class Texts {

    private static final int QUOTE_LIMIT = 90;
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private Texts() {
    }

    /** The text in typographic quotes, on one line and shortened to a readable length. */
    static String quote(String text) {
        String oneLine = SPACES.matcher(text == null ? "" : text.strip()).replaceAll(" ");
        if (oneLine.length() > QUOTE_LIMIT) {
            int cut = oneLine.lastIndexOf(' ', QUOTE_LIMIT);
            oneLine = oneLine.substring(0, cut > QUOTE_LIMIT / 2 ? cut : QUOTE_LIMIT) + "…";
        }
        return "“" + oneLine + "”";
    }

    /** Quotes joined for a detail: “a”, “b” and “c”. */
    static String quoteAll(List<String> texts) {
        List<String> quoted = texts.stream().map(Texts::quote).toList();
        if (quoted.size() <= 1) {
            return String.join("", quoted);
        }
        return String.join(", ", quoted.subList(0, quoted.size() - 1)) + " and " + quoted.getLast();
    }

    /** What the customer wrote: the subject line and every customer message, oldest first. */
    static List<String> customerTexts(Ticket ticket) {
        List<String> texts = new ArrayList<>();
        if (!ticket.subject().isBlank()) {
            texts.add(ticket.subject());
        }
        for (Message message : ticket.messages()) {
            if (message.author() == Author.CUSTOMER && !message.text().isBlank()) {
                texts.add(message.text());
            }
        }
        return texts;
    }

    /** Everything written on the ticket, including agents' replies and internal notes. */
    static List<String> allTexts(Ticket ticket) {
        List<String> texts = new ArrayList<>();
        texts.add(ticket.subject());
        texts.add(ticket.customer().name());
        texts.add(ticket.customer().email());
        for (Message message : ticket.messages()) {
            texts.add(message.text());
        }
        return texts;
    }

    /** "[1]", "[1] and [3]" or "[1], [2] and [4]". */
    static String markers(List<Integer> markers) {
        return quoteLike(markers.stream().map(n -> "[" + n + "]").toList());
    }

    private static String quoteLike(List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.getLast();
    }
}
