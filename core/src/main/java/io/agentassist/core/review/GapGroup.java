package io.agentassist.core.review;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Knowledge-gap questions that ask about the same thing, as {@link GapGrouping} found them.
 *
 * @param number         1 for the largest group, 2 for the next, …: how a team lead names a group
 * @param representative the question most like the others in the group, as a customer wrote it
 * @param variants       the group's distinct wordings: the representative first, then the most asked
 * @param questions      every event of the group, oldest first (the same question on two tickets is two)
 * @param ticketIds      the tickets the questions came from, each once, in the order first seen
 */
public record GapGroup(int number, String representative, List<String> variants, List<GapQuestion> questions,
                       List<String> ticketIds, Instant firstSeen, Instant lastSeen) {
    public GapGroup {
        if (number < 1) {
            throw new IllegalArgumentException("group numbers start at 1, was " + number);
        }
        Objects.requireNonNull(representative, "representative");
        variants = List.copyOf(variants);
        questions = List.copyOf(questions);
        if (questions.isEmpty()) {
            throw new IllegalArgumentException("a group has at least one question");
        }
        ticketIds = List.copyOf(ticketIds);
        Objects.requireNonNull(firstSeen, "firstSeen");
        Objects.requireNonNull(lastSeen, "lastSeen");
    }

    /** How often retrieval found nothing for a question of this group. */
    public int count() {
        return questions.size();
    }
}
