package io.agentassist.core.assist.summary;

import io.agentassist.core.assist.guardrails.PiiRedactor;
import io.agentassist.core.assist.offline.ExtractiveSummarizer;
import io.agentassist.core.assist.prompt.PromptTemplate;
import io.agentassist.core.assist.prompt.TicketQuoting;
import io.agentassist.core.llm.Cancellation;
import io.agentassist.core.llm.LanguageModel;
import io.agentassist.core.llm.ModelCallException;
import io.agentassist.core.model.CaseSummary;
import io.agentassist.core.model.Ticket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.UnaryOperator;

/**
 * The structured case summary of a ticket ({@code prompts/summary-v1}): from the model when one is
 * configured, else — or when the model fails or answers something unreadable — the offline extractive
 * summary, with the reason. Personal data is replaced before the model sees the ticket and restored after.
 */
public final class CaseSummaryService {
    private final LanguageModel model;
    private final ExtractiveSummarizer offline;
    private final PromptTemplate template = PromptTemplate.load("summary", "v1");

    public CaseSummaryService(LanguageModel model, ExtractiveSummarizer offline) {
        this.model = model;
        this.offline = offline;
    }

    /** The summary and, when the offline one stands in for a configured model, why. */
    public record Result(CaseSummary summary, Optional<String> modelProblem) {
    }

    public Result summarize(Ticket ticket, Cancellation cancellation) {
        if (!model.isConfigured()) {
            return new Result(offline.summarize(ticket), Optional.empty());
        }
        PiiRedactor redactor = new PiiRedactor();
        UnaryOperator<String> redact = text -> redactor.redact(text).text();
        try {
            String reply = model.complete(template.fill(Map.of(
                    "subject", TicketQuoting.defuse(redact.apply(ticket.subject())),
                    "channel", ticket.channel().id(),
                    "conversation", TicketQuoting.conversation(ticket, redact)), 0.0), cancellation).text();
            return new Result(restore(SummaryReplyParser.parse(reply), redactor), Optional.empty());
        } catch (ModelCallException e) {
            if (e.kind() == ModelCallException.Kind.CANCELLED) {
                throw new CancellationException("the summary of " + ticket.id() + " was cancelled");
            }
            return new Result(offline.summarize(ticket), Optional.of(e.getMessage()));
        } catch (IllegalArgumentException e) {
            return new Result(offline.summarize(ticket), Optional.of(e.getMessage()));
        }
    }

    private static CaseSummary restore(CaseSummary summary, PiiRedactor redactor) {
        UnaryOperator<String> restore = text -> redactor.vault().restore(text);
        return new CaseSummary(restore.apply(summary.intent()), restore.apply(summary.whatHappened()),
                restoreAll(summary.triedOrPromised(), restore), restoreAll(summary.openQuestions(), restore),
                restore.apply(summary.nextStep()), summary.sentiment(), summary.mode());
    }

    private static List<String> restoreAll(List<String> items, UnaryOperator<String> restore) {
        List<String> out = new ArrayList<>();
        items.forEach(item -> out.add(restore.apply(item)));
        return out;
    }
}
