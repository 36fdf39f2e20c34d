package io.agentassist.core.assist.offline;

import io.agentassist.core.model.AgentProfile;
import io.agentassist.core.knowledge.KnowledgeHit;
import io.agentassist.core.model.Author;
import io.agentassist.core.model.Channel;
import io.agentassist.core.model.Citation;
import io.agentassist.core.model.Message;
import io.agentassist.core.model.Ticket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drafts a reply without a language model, the default when none is configured: it quotes the sentences of
 * the retrieved passages that best answer the customer's newest message, each followed by the marker of its
 * passage, inside a reply in the channel's register (e-mail: greeting by first name, lead-in, offer of more
 * help, sign-off; chat: greeting on the first reply only, no sign-off).
 *
 * <p>Quoting is what makes the draft safe to offer without a model: every fact, number and link in it is a
 * passage's own sentence with its citation, and the words around them state nothing. When no passage is
 * relevant enough, the draft says the agent will check and get back, and cites nothing: a draft that guesses
 * would be worse than none. The agent still reads, edits and approves every draft.
 */
public final class OfflineReplyDrafter {
    /** The share of the question's (weighted) words a sentence must contain to be quoted. */
    public static final double DEFAULT_MIN_RELEVANCE = 0.45;
    static final int MAX_EMAIL_SENTENCES = 3;
    static final int MAX_CHAT_SENTENCES = 2;
    static final int MAX_PASSAGES = 3;
    /** With fewer question words than this, the customer's previous message is read as context too. */
    private static final int FEW_FOCUS_WORDS = 3;
    private static final Pattern FINAL_STOP = Pattern.compile("[.!…]+$");

    private final double minRelevance;

    public OfflineReplyDrafter() {
        this(DEFAULT_MIN_RELEVANCE);
    }

    /**
     * @param minRelevance the share (0..1) of the customer's weighted question words a passage sentence must
     *                     contain to be quoted; higher quotes less and says "I will check" more often
     */
    public OfflineReplyDrafter(double minRelevance) {
        if (!(minRelevance > 0 && minRelevance <= 1)) {
            throw new IllegalArgumentException("minRelevance must be in (0, 1], was " + minRelevance);
        }
        this.minRelevance = minRelevance;
    }

    /**
     * A draft answering the newest customer message of {@code ticket} from {@code passages} (best first, as
     * retrieval ranked them). Markers are numbered 1.. in the order their passages appear in the draft.
     */
    public OfflineDraft draft(Ticket ticket, List<KnowledgeHit> passages, AgentProfile agent) {
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(passages, "passages");
        Objects.requireNonNull(agent, "agent");
        boolean chat = ticket.channel() == Channel.CHAT;
        AnswerPicker picker = new AnswerPicker(minRelevance, chat ? MAX_CHAT_SENTENCES : MAX_EMAIL_SENTENCES,
                MAX_PASSAGES);
        List<AnswerPicker.Pick> picks = picker.pick(question(ticket), passages);
        if (picks.isEmpty()) {
            // The explicit question is too thin to match ("What do you need from me?"): ask what the subject
            // names, with the message as context, so the passages retrieval found can still answer.
            picks = picker.pick(subjectAsked(ticket), passages);
        }

        Map<Integer, Citation> citations = new LinkedHashMap<>();
        List<List<String>> paragraphs = new ArrayList<>();
        for (AnswerPicker.Pick pick : picks) {
            Citation citation = citations.computeIfAbsent(pick.passage(), p -> citation(citations.size() + 1, passages.get(p)));
            if (citation.marker() > paragraphs.size()) {
                paragraphs.add(new ArrayList<>());
            }
            paragraphs.get(citation.marker() - 1).add(cited(pick.text(), citation.marker()));
        }
        ReplyWording wording = ReplyWording.forLanguage(ticket.customer().language());
        String text = chat ? chatText(ticket, wording, paragraphs) : emailText(ticket, wording, paragraphs, agent);
        return new OfflineDraft(text, List.copyOf(citations.values()));
    }

    private static String emailText(Ticket ticket, ReplyWording wording, List<List<String>> paragraphs,
                                    AgentProfile agent) {
        List<String> blocks = new ArrayList<>();
        blocks.add(wording.greet(ticket.customer().name()));
        if (paragraphs.isEmpty()) {
            blocks.add(wording.emailCheckBack());
        } else {
            blocks.add(wording.emailLeadIn());
            paragraphs.forEach(sentences -> blocks.add(String.join(" ", sentences)));
            blocks.add(wording.emailOffer());
        }
        blocks.add(signOff(wording, agent));
        return String.join("\n\n", blocks);
    }

    private static String chatText(Ticket ticket, ReplyWording wording, List<List<String>> paragraphs) {
        String body = paragraphs.isEmpty() ? wording.chatCheckBack()
                : String.join(" ", paragraphs.stream().flatMap(List::stream).toList()) + " " + wording.chatOffer();
        boolean agentHasReplied = ticket.messages().stream().anyMatch(m -> m.author() == Author.AGENT);
        return agentHasReplied ? body : wording.greet(ticket.customer().name()) + "\n" + body;
    }

    /** "Best regards," and the agent's name, then the signature unless it already starts with the name. */
    private static String signOff(ReplyWording wording, AgentProfile agent) {
        StringBuilder out = new StringBuilder(wording.signOff());
        boolean signatureNamesAgent = !agent.name().isEmpty() && agent.signature().startsWith(agent.name());
        if (!agent.name().isEmpty() && !signatureNamesAgent) {
            out.append('\n').append(agent.name());
        }
        if (!agent.signature().isEmpty()) {
            out.append('\n').append(agent.signature());
        }
        return out.toString();
    }

    /**
     * The marker goes before the sentence's final stop ("… for guests [1].") so that any later sentence
     * splitter keeps it with its sentence; a sentence without a stop gets one.
     */
    static String cited(String sentence, int marker) {
        String tag = " [" + marker + "]";
        Matcher stop = FINAL_STOP.matcher(sentence);
        if (stop.find()) {
            return sentence.substring(0, stop.start()).stripTrailing() + tag + stop.group();
        }
        return sentence + tag + ".";
    }

    private static Citation citation(int marker, KnowledgeHit hit) {
        return new Citation(marker, hit.articleId(), hit.chunkId(), hit.title(), hit.url(), hit.score());
    }

    /**
     * What the customer asks: each question or request of their newest message on its own, a question that
     * asks two things ("how do I return it and when is my refund due?") as two (the whole message
     * when it asks nothing explicitly), with the rest of the message and the subject as context. A short
     * follow-up ("Is it free?") also takes the customer's previous message as context.
     */
    static AnswerPicker.Question question(Ticket ticket) {
        Optional<Message> newest = ticket.latestCustomerMessage();
        if (newest.isEmpty()) {
            return new AnswerPicker.Question(List.of(), Set.of());
        }
        List<Set<String>> asks = new ArrayList<>();
        Set<String> context = new LinkedHashSet<>(Terms.of(ticket.subject()));
        Set<String> all = new LinkedHashSet<>();
        for (String sentence : Utterances.sentencesOf(newest.get().text())) {
            if (Utterances.isPleasantry(sentence)) {
                continue;
            }
            Set<String> terms = Terms.of(sentence);
            all.addAll(terms);
            if (Utterances.isQuestion(sentence) || Utterances.isRequest(sentence)) {
                for (String part : Utterances.asks(sentence)) {
                    asks.add(Terms.of(part));
                }
            } else {
                context.addAll(terms);
            }
        }
        if (asks.stream().allMatch(Set::isEmpty)) {
            asks.clear();
            asks.add(all);
            context.removeAll(all);
        }
        if (asks.stream().mapToInt(Set::size).sum() < FEW_FOCUS_WORDS) {
            previousCustomerMessage(ticket, newest.get()).ifPresent(m -> context.addAll(Terms.of(m.text())));
        }
        asks.forEach(context::removeAll);
        return new AnswerPicker.Question(asks, context);
    }

    /** The subject as the thing asked, the newest message as its context: a subject names the topic in few words. */
    static AnswerPicker.Question subjectAsked(Ticket ticket) {
        Set<String> context = new LinkedHashSet<>();
        ticket.latestCustomerMessage().ifPresent(m -> context.addAll(Terms.of(m.text())));
        Set<String> subject = Terms.of(ticket.subject());
        context.removeAll(subject);
        return new AnswerPicker.Question(List.of(subject), context);
    }

    private static Optional<Message> previousCustomerMessage(Ticket ticket, Message newest) {
        List<Message> messages = ticket.messages();
        for (int i = messages.indexOf(newest) - 1; i >= 0; i--) {
            if (messages.get(i).author() == Author.CUSTOMER) {
                return Optional.of(messages.get(i));
            }
        }
        return Optional.empty();
    }
}
