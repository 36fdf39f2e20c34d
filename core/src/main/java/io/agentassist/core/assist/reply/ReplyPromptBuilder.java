package io.agentassist.core.assist.reply;

import io.agentassist.core.assist.prompt.Languages;
import io.agentassist.core.assist.prompt.PromptTemplate;
import io.agentassist.core.assist.prompt.TicketQuoting;
import io.agentassist.core.knowledge.KnowledgeHit;
import io.agentassist.core.model.AgentProfile;
import io.agentassist.core.model.Channel;
import io.agentassist.core.model.Ticket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Builds the suggested-reply prompt ({@code prompts/reply-v1}) for a ticket: the passages numbered for
 * citation, the channel's register, the customer's language, the customer's earlier tickets, and the
 * conversation quoted as data. Personal data is replaced by placeholders before anything is rendered.
 */
public final class ReplyPromptBuilder {
    /** Low: a support reply should be the same answer every time for the same facts. */
    public static final double TEMPERATURE = 0.2;

    private final PromptTemplate template = PromptTemplate.load("reply", "v1");

    public ReplyPrompt build(Ticket ticket, List<KnowledgeHit> hits, AgentProfile agent, List<Ticket> earlierTickets,
                             UnaryOperator<String> redact) {
        List<NumberedPassage> passages = new ArrayList<>();
        for (KnowledgeHit hit : hits) {
            passages.add(new NumberedPassage(passages.size() + 1, hit));
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put("agent_name", agent.name());
        values.put("language", Languages.displayName(ticket.customer().language()));
        values.put("register", register(ticket.channel(), agent));
        values.put("passages", renderPassages(passages, redact));
        values.put("customer_name", redact.apply(ticket.customer().name().isBlank() ? "unknown" : ticket.customer().name()));
        values.put("earlier_tickets", earlier(earlierTickets, redact));
        values.put("subject", TicketQuoting.defuse(redact.apply(ticket.subject())));
        values.put("channel", ticket.channel().id());
        values.put("conversation", TicketQuoting.conversation(ticket, redact));
        return new ReplyPrompt(template.fill(values, TEMPERATURE), passages);
    }

    static String register(Channel channel, AgentProfile agent) {
        return switch (channel) {
            case EMAIL -> "This is an e-mail. Start with a greeting that uses the customer's first name, keep it "
                    + "clear and warm, and end with a sign-off in the customer's language followed by: " + agent.signature();
            case CHAT -> "This is a live chat. Be brief: one to three short sentences, no greeting line and no sign-off.";
        };
    }

    private static String renderPassages(List<NumberedPassage> passages, UnaryOperator<String> redact) {
        if (passages.isEmpty()) {
            return "(no passages were found for this question)";
        }
        StringBuilder out = new StringBuilder();
        for (NumberedPassage passage : passages) {
            KnowledgeHit hit = passage.hit();
            out.append('[').append(passage.marker()).append("] ").append(hit.title());
            if (!hit.section().isBlank()) {
                out.append(" \u203A ").append(hit.section());
            }
            out.append('\n').append(redact.apply(hit.text()).strip()).append('\n');
            if (!hit.url().isBlank()) {
                out.append("Link: ").append(hit.url()).append('\n');
            }
            out.append('\n');
        }
        return out.toString().strip();
    }

    private static String earlier(List<Ticket> tickets, UnaryOperator<String> redact) {
        if (tickets.isEmpty()) {
            return "none";
        }
        List<String> lines = new ArrayList<>();
        for (Ticket ticket : tickets) {
            lines.add("#" + ticket.id() + " \"" + TicketQuoting.defuse(redact.apply(ticket.subject())) + "\" ("
                    + ticket.status().name().toLowerCase(java.util.Locale.ROOT) + ")");
        }
        return String.join("; ", lines);
    }
}
