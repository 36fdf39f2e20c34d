package io.agentassist.app.workspace;

import io.agentassist.core.assist.guardrails.DraftGuardrails;
import io.agentassist.core.assist.reply.RephraseService;
import io.agentassist.core.assist.reply.SuggestedReplyService;
import io.agentassist.core.assist.summary.CaseSummaryService;
import io.agentassist.core.desk.ReplyDesk;
import io.agentassist.core.knowledge.KnowledgeArticles;
import io.agentassist.core.knowledge.KnowledgeSearch;
import io.agentassist.core.model.AgentProfile;
import io.agentassist.core.persistence.DraftStore;
import io.agentassist.core.tickets.TicketStore;
import java.time.Clock;
import java.util.Objects;

/**
 * What the workspace's view models work with, all of it core's own services: the wiring builds it from the
 * configuration, tests build it on an embedded database with a scripted model. A model change in the settings
 * swaps the whole record; the store stays.
 *
 * @param knowledge tells whether the index is ready: on the first start it is still being built
 * @param approver  who approves and rates in this window: the agent's configured name, else the workstation's
 *                  login; "" refuses every approval (core asks for a name). Replies are signed with
 *                  {@code agent}, which says "Support team" when no name is set.
 */
public record WorkspaceServices(TicketStore tickets, DraftStore drafts, ReplyDesk desk, KnowledgeSearch search,
                                KnowledgeArticles articles, KnowledgeStatus knowledge,
                                SuggestedReplyService suggestions, CaseSummaryService summaries,
                                RephraseService rephrasing, DraftGuardrails guardrails, AgentProfile agent,
                                String approver, boolean modelConfigured, String modelDescription, UnsentReplies unsent,
                                Clock clock) {

    public WorkspaceServices {
        Objects.requireNonNull(tickets, "tickets");
        Objects.requireNonNull(drafts, "drafts");
        Objects.requireNonNull(desk, "desk");
        Objects.requireNonNull(search, "search");
        Objects.requireNonNull(articles, "articles");
        Objects.requireNonNull(knowledge, "knowledge");
        Objects.requireNonNull(suggestions, "suggestions");
        Objects.requireNonNull(summaries, "summaries");
        Objects.requireNonNull(rephrasing, "rephrasing");
        Objects.requireNonNull(guardrails, "guardrails");
        Objects.requireNonNull(agent, "agent");
        approver = Objects.requireNonNullElse(approver, "").strip();
        modelDescription = Objects.requireNonNullElse(modelDescription, "");
        Objects.requireNonNull(unsent, "unsent");
        Objects.requireNonNull(clock, "clock");
    }

    /** Whether the knowledge index can be searched yet. */
    @FunctionalInterface
    public interface KnowledgeStatus {
        boolean ready();
    }
}
