package io.agentassist.core.assist.offline;

import io.agentassist.core.model.Author;
import io.agentassist.core.model.Message;
import io.agentassist.core.model.Ticket;
import io.agentassist.core.model.TicketStatus;
import java.util.List;

/**
 * The next step of a case, chosen by rule from its state: who wrote last, what is still unanswered, what our
 * side promised, and whether the customer sounds unhappy or says it is sorted. Worded as advice to the agent.
 */
final class NextStep {
    private NextStep() {
    }

    static String of(Ticket ticket, List<String> openQuestions, List<String> triedOrPromised, String sentiment) {
        List<Message> messages = ticket.messages().stream().filter(m -> m.author() != Author.INTERNAL_NOTE).toList();
        if (ticket.status() == TicketStatus.SOLVED) {
            return "Nothing: the ticket is solved. Reopen it if the customer writes again.";
        }
        if (messages.isEmpty()) {
            return "Read the ticket and reply: nobody has written in it yet.";
        }
        String promise = lastPromise(triedOrPromised);
        Message last = messages.getLast();
        if (last.author() == Author.AGENT) {
            if (!promise.isEmpty()) {
                return "Follow up on the promise made: \"" + promise + "\"";
            }
            return "Wait for the customer's reply; if none comes, confirm the issue is resolved and close the ticket.";
        }
        if (openQuestions.isEmpty() && ExtractiveSummarizer.confirmsResolution(last.text())) {
            return "Confirm the issue is resolved and close the ticket.";
        }
        String step;
        if (openQuestions.size() == 1) {
            step = "Answer the customer's open question: \"" + openQuestions.getFirst() + "\"";
        } else if (!openQuestions.isEmpty()) {
            step = "Answer the customer's open questions, starting with: \"" + openQuestions.getFirst() + "\"";
        } else {
            step = "Reply to the customer's latest message.";
        }
        if (SentimentLexicon.NEGATIVE.equals(sentiment)) {
            step = "Acknowledge the customer's frustration. " + step;
        }
        if (!promise.isEmpty()) {
            step += " Say where the promise stands: \"" + promise + "\"";
        }
        return step;
    }

    private static String lastPromise(List<String> triedOrPromised) {
        for (int i = triedOrPromised.size() - 1; i >= 0; i--) {
            if (ExtractiveSummarizer.promises(triedOrPromised.get(i))) {
                return triedOrPromised.get(i);
            }
        }
        return "";
    }
}
