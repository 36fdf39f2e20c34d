package io.agentassist.core.tickets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentassist.core.model.Author;
import io.agentassist.core.model.Channel;
import io.agentassist.core.model.Customer;
import io.agentassist.core.model.Message;
import io.agentassist.core.model.Ticket;
import io.agentassist.core.model.TicketStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Reads a ticket file:
 * <pre>{@code
 * {"id": "T-1042", "subject": "…", "channel": "email" | "chat", "status": "open"?,
 *  "customer": {"name": "…", "email": "…", "language": "de"?},
 *  "messages": [{"id": "…"?, "from": "customer" | "agent" | "note", "text": "…", "at": "2025-03-01T09:00:00Z"}]}
 * }</pre>
 * Read as a tree rather than bound to classes, so every error can name the field and the file
 * ({@code field "messages[1].at": …}); an agent dropping a hand-made file into the inbox reads that error.
 * {@code "note"} is an internal note: the team sees it, the customer never does, retrieval leaves it out.
 * A message without an {@code id} gets one derived from ticket, author, time and text, so re-importing the
 * file adds nothing.
 */
public final class TicketJsonReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    public Ticket read(Path file) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (JsonProcessingException e) {
            throw new TicketFileException(file, "is not valid JSON: " + e.getOriginalMessage() + " (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")", e);
        }
        if (root == null || !root.isObject()) {
            throw new TicketFileException(file, "expected a JSON object with the fields id, channel, customer and "
                    + "messages");
        }
        return new Fields(file).ticket(root);
    }

    /** The checks for one file; knows the file so every error can name it. */
    private record Fields(Path file) {

        Ticket ticket(JsonNode root) {
            String id = requiredText(root, "id", "id");
            Channel channel = parse("channel", requiredText(root, "channel", "channel"), Channel::parse,
                    "\"email\" or \"chat\"");
            TicketStatus status = root.hasNonNull("status")
                    ? parse("status", text(root, "status", "status"),
                            s -> TicketStatus.valueOf(s.toUpperCase(Locale.ROOT)), "\"open\", \"pending\" or \"solved\"")
                    : TicketStatus.OPEN;
            JsonNode customerNode = root.get("customer");
            if (customerNode == null || !customerNode.isObject()) {
                throw error("customer", "is missing (expected {\"name\": …, \"email\": …})");
            }
            String email = requiredText(customerNode, "email", "customer.email");
            if (!email.contains("@")) {
                throw error("customer.email", "\"" + email + "\" is not an e-mail address");
            }
            Customer customer = new Customer(optionalText(customerNode, "name", "customer.name"), email,
                    optionalText(customerNode, "language", "customer.language"));
            return new Ticket(id, optionalText(root, "subject", "subject"), channel, customer, status,
                    messages(id, root.get("messages")));
        }

        List<Message> messages(String ticketId, JsonNode array) {
            if (array == null || !array.isArray() || array.isEmpty()) {
                throw error("messages", "is missing or empty (expected at least one message)");
            }
            List<Message> messages = new ArrayList<>();
            for (int i = 0; i < array.size(); i++) {
                String field = "messages[" + i + "]";
                JsonNode node = array.get(i);
                if (!node.isObject()) {
                    throw error(field, "is not an object");
                }
                Author author = switch (requiredText(node, "from", field + ".from").toLowerCase(Locale.ROOT)) {
                    case "customer" -> Author.CUSTOMER;
                    case "agent" -> Author.AGENT;
                    case "note" -> Author.INTERNAL_NOTE;
                    default -> throw error(field + ".from", "\"" + node.get("from").asText()
                            + "\" is not \"customer\", \"agent\" or \"note\"");
                };
                if (!node.has("text") || !node.get("text").isTextual()) {
                    throw error(field + ".text", "is missing");
                }
                String text = node.get("text").asText();
                Instant at = instant(field + ".at", requiredText(node, "at", field + ".at"));
                String id = node.hasNonNull("id") ? requiredText(node, "id", field + ".id")
                        : StableIds.of("m-", ticketId, author.name(), at.toString(), text);
                messages.add(new Message(id, author, text, at));
            }
            return messages;
        }

        Instant instant(String field, String value) {
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException e) {
                throw error(field, "\"" + value + "\" is not an ISO-8601 time with a zone, such as "
                        + "2025-03-01T09:00:00Z or 2025-03-01T10:00:00+01:00");
            }
        }

        String requiredText(JsonNode node, String name, String field) {
            String value = text(node, name, field);
            if (value == null || value.isBlank()) {
                throw error(field, "is missing");
            }
            return value.strip();
        }

        String optionalText(JsonNode node, String name, String field) {
            String value = text(node, name, field);
            return value == null ? "" : value.strip();
        }

        String text(JsonNode node, String name, String field) {
            JsonNode value = node.get(name);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isTextual() && !value.isNumber()) {
                throw error(field, "must be a string, not " + value.getNodeType().name().toLowerCase(Locale.ROOT));
            }
            return value.asText();
        }

        <T> T parse(String field, String value, Function<String, T> parser, String expected) {
            try {
                return parser.apply(value);
            } catch (IllegalArgumentException e) {
                throw error(field, "\"" + value + "\" is not " + expected);
            }
        }

        TicketFileException error(String field, String problem) {
            return new TicketFileException(file, "field \"" + field + "\" " + problem);
        }
    }
}
