package io.agentassist.core.assist.offline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentassist.core.model.Author;
import io.agentassist.core.model.Channel;
import io.agentassist.core.model.Customer;
import io.agentassist.core.model.Message;
import io.agentassist.core.model.Ticket;
import io.agentassist.core.model.TicketStatus;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads DialogSum ({@code dialogsum/dev.jsonl}: {@code fname}, {@code dialogue} as "#PersonN#: text" lines,
 * the human {@code summary}, {@code topic}) and turns a dialogue into a ticket.
 *
 * <p>Mapping: #Person1# is the customer and every other speaker is our side (the agent). In a contact
 * centre the customer is the one who opens the conversation, and #Person1# always speaks first in DialogSum.
 * Many dialogues are not service conversations at all (friends chatting, a doctor's visit led by the
 * doctor), so no mapping fits every one; a fixed one is at least honest and not tuned per dialogue. The
 * customer is named "#Person1#", the name the human summaries use for them. Channel chat, no subject (the
 * topic label is close to a summary, so it is not given away), status open.
 */
final class DialogSum {
    static final String CUSTOMER_SPEAKER = "#Person1#";
    private static final Pattern TURN = Pattern.compile("^(#Person\\d+#)\\s*:\\s*(.*)$");
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    record Turn(String speaker, String text) {
        /** The line as it appears in the file, speaker tag included. */
        String line() {
            return speaker + ": " + text;
        }
    }

    record Dialogue(String id, List<Turn> turns, String summary) {
        Ticket toTicket() {
            List<Message> messages = new ArrayList<>();
            for (int i = 0; i < turns.size(); i++) {
                Turn turn = turns.get(i);
                Author author = turn.speaker().equals(CUSTOMER_SPEAKER) ? Author.CUSTOMER : Author.AGENT;
                messages.add(new Message(id + "-" + i, author, turn.text(), START.plusSeconds(30L * i)));
            }
            return new Ticket(id, "", Channel.CHAT, new Customer(CUSTOMER_SPEAKER, "", "en"), TicketStatus.OPEN,
                    messages);
        }

        /** The LEAD-3 baseline: the first three utterances as they stand in the file, speaker tags included. */
        String lead3() {
            return String.join("\n", turns.subList(0, Math.min(3, turns.size())).stream().map(Turn::line).toList());
        }
    }

    private DialogSum() {
    }

    static List<Dialogue> read(Path jsonLines) {
        ObjectMapper json = new ObjectMapper();
        List<Dialogue> dialogues = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(jsonLines, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isBlank()) {
                    JsonNode node = json.readTree(line);
                    dialogues.add(new Dialogue(node.path("fname").asText(), turns(node.path("dialogue").asText()),
                            node.path("summary").asText()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dialogues;
    }

    /** A line without a speaker tag continues the previous turn. */
    private static List<Turn> turns(String dialogue) {
        List<Turn> turns = new ArrayList<>();
        for (String line : dialogue.split("\\R")) {
            Matcher m = TURN.matcher(line.strip());
            if (m.matches()) {
                turns.add(new Turn(m.group(1), m.group(2).strip()));
            } else if (!line.isBlank() && !turns.isEmpty()) {
                Turn last = turns.removeLast();
                turns.add(new Turn(last.speaker(), last.text() + " " + line.strip()));
            }
        }
        return turns;
    }
}
