package io.agentassist.core.conversation;

import java.util.List;
import java.util.Optional;

/**
 * The turns of a live conversation, oldest first. Retrieval takes the whole conversation rather than a
 * query string because what the customer asks now ("are their rooms clean?") often only makes sense with
 * what was named earlier.
 */
public record Conversation(List<Turn> turns) {
    public Conversation {
        turns = List.copyOf(turns);
    }

    /** A conversation made of a single customer message, for searches typed by hand. */
    public static Conversation ofCustomerText(String text) {
        return new Conversation(List.of(Turn.customer(text)));
    }

    public boolean isEmpty() {
        return turns.stream().allMatch(t -> t.text().isBlank());
    }

    /** The newest customer turn, the one whose question retrieval must answer. */
    public Optional<Turn> latestCustomerTurn() {
        for (int i = turns.size() - 1; i >= 0; i--) {
            if (turns.get(i).speaker() == Speaker.CUSTOMER && !turns.get(i).text().isBlank()) {
                return Optional.of(turns.get(i));
            }
        }
        return Optional.empty();
    }

    /** The last {@code n} turns, oldest first. */
    public List<Turn> lastTurns(int n) {
        return turns.subList(Math.max(0, turns.size() - n), turns.size());
    }

    /** The text of the last {@code n} turns joined by blank lines. */
    public String lastTurnsText(int n) {
        return String.join("\n", lastTurns(n).stream().map(Turn::text).toList());
    }
}
