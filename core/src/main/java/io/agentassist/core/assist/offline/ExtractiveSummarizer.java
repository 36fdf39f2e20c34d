package io.agentassist.core.assist.offline;

import io.agentassist.core.model.Author;
import io.agentassist.core.model.CaseSummary;
import io.agentassist.core.model.Customer;
import io.agentassist.core.model.Message;
import io.agentassist.core.model.Ticket;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Summarises a ticket without a language model, by choosing and labelling its own sentences: what the
 * customer wants, what they told us, what our side tried or promised, which of their questions nobody has
 * answered yet, and a next step chosen by rule from that state.
 *
 * <p>Every sentence of the summary is one somebody wrote in the ticket (greetings and fillers trimmed), so it
 * cannot misstate the case, only leave things out; the next step is our own advice and says so by its
 * wording. Internal notes count as our side's actions, never as something the customer said.
 */
public final class ExtractiveSummarizer {
    public static final String MODE = "offline";
    /** How many customer statements "what happened" keeps. */
    static final int MAX_STATEMENTS = 2;
    /** How many of our side's most recent actions and promises are listed. */
    static final int MAX_ACTIONS = 3;
    /** A statement with more content words tells more; this much per word, on top of recurring words. */
    private static final double LENGTH_BONUS = 0.1;
    /** A statement reporting trouble ("still not", "charged twice") is what a case is about. */
    private static final double TROUBLE_BONUS = 1.5;
    /** A sentence with fewer words says too little to summarise a case ("Yes, it did."). */
    private static final int MIN_WORDS = 3;
    private static final Pattern TROUBLE = Pattern.compile(
            "\\b(?:not|never|no|can't|cannot|couldn't|won't|didn't|doesn't|isn't|wasn't|haven't|hasn't|still|"
                    + "again|twice|wrong|broken|missing|lost|late|error|failed|charged|problem|issue|trouble|"
                    + "damaged|stuck|locked|cancelled|canceled)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PROMISE = Pattern.compile(
            "\\b(?:i|we)(?:'ll| will| shall| am going to| are going to|'m going to|'re going to)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CONFIRMATION = Pattern.compile(
            "\\b(?:that (?:worked|works|fixed it|solved it|helped)|it works now|works now|(?:all )?sorted|"
                    + "resolved|problem solved|perfect|great,? thanks|thanks?(?: you)?(?: so much| very much)?,? "
                    + "(?:that|this) (?:helps|helped|is great))\\b",
            Pattern.CASE_INSENSITIVE);

    /** One sentence of the ticket, cleaned, with who said it and in which message. */
    record Said(int message, Author author, String text) {
        boolean fromCustomer() {
            return author == Author.CUSTOMER;
        }
    }

    /** The case summary of {@code ticket}, in {@link #MODE} "offline". */
    public CaseSummary summarize(Ticket ticket) {
        Objects.requireNonNull(ticket, "ticket");
        List<Said> said = sentences(ticket);
        List<Said> customer = said.stream().filter(Said::fromCustomer).toList();
        Said intent = intent(customer);
        String name = nameOf(ticket.customer());
        String intentText = intent == null ? ticket.subject().strip() : retold(intent.text(), name);
        List<String> openQuestions = openQuestions(ticket, said);
        List<String> triedOrPromised = triedOrPromised(said);
        String sentiment = SentimentLexicon.of(ticket.messages().stream()
                .filter(m -> m.author() == Author.CUSTOMER).map(Message::text).toList());
        String nextStep = NextStep.of(ticket, openQuestions, triedOrPromised, sentiment);
        return new CaseSummary(intentText, whatHappened(customer, intent, said, name), triedOrPromised, openQuestions,
                nextStep, sentiment, MODE);
    }

    /**
     * A short text for handing the case to another agent: who, what they want, what happened, what was tried
     * or promised, what is still open and what to do next, one labelled line each.
     */
    public String handoffSummary(Ticket ticket, CaseSummary summary) {
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(summary, "summary");
        return new Handoff(ticket, summary).text();
    }

    /** A customer's statement retold about them; a question stays in their words, as it was asked. */
    private static String retold(String sentence, String name) {
        return Utterances.isQuestion(sentence) ? sentence : ThirdPerson.about(sentence, name);
    }

    /** How the summary names the customer: their name as the ticket has it, else "the customer". */
    private static String nameOf(Customer customer) {
        String name = customer.name();
        return name.isBlank() || name.contains("@") ? "the customer" : name;
    }

    static List<Said> sentences(Ticket ticket) {
        List<Said> said = new ArrayList<>();
        List<Message> messages = ticket.messages();
        for (int i = 0; i < messages.size(); i++) {
            Message message = messages.get(i);
            for (String sentence : Utterances.sentencesOf(message.text())) {
                if (!Utterances.isPleasantry(sentence)) {
                    String cleaned = Utterances.withoutFiller(sentence);
                    if (!cleaned.isBlank() && !Utterances.isPleasantry(cleaned)) {
                        said.add(new Said(i, message.author(), cleaned));
                    }
                }
            }
        }
        return said;
    }

    /** The customer's first question or request; else their first statement; null when they said nothing. */
    private static Said intent(List<Said> customer) {
        for (Said s : customer) {
            if ((Utterances.isQuestion(s.text()) || Utterances.isRequest(s.text())) && words(s) >= MIN_WORDS) {
                return s;
            }
        }
        return customer.stream().filter(s -> words(s) >= MIN_WORDS).findFirst()
                .orElse(customer.isEmpty() ? null : customer.getFirst());
    }

    /**
     * The customer's most telling statements besides the intent, in the order they were made: a statement
     * scores by how many of the conversation's recurring words it contains, and more when it reports trouble
     * ("not", "still", "charged twice").
     */
    private static String whatHappened(List<Said> customer, Said intent, List<Said> all, String name) {
        Map<String, Integer> frequency = termFrequencies(all);
        List<Said> statements = customer.stream()
                .filter(s -> s != intent && !Utterances.isQuestion(s.text()) && words(s) >= MIN_WORDS)
                .toList();
        List<Said> best = statements.stream()
                .sorted(Comparator.comparingDouble((Said s) -> -salience(s, frequency))
                        .thenComparingInt(statements::indexOf))
                .limit(MAX_STATEMENTS)
                .sorted(Comparator.comparingInt(statements::indexOf))
                .toList();
        return String.join(" ", best.stream().map(s -> retold(s.text(), name)).toList());
    }

    private static double salience(Said s, Map<String, Integer> frequency) {
        Set<String> terms = Terms.of(s.text());
        double recurring = 0;
        for (String t : terms) {
            recurring += frequency.getOrDefault(t, 0) - 1;
        }
        double score = (1 + recurring) / Math.sqrt(1 + terms.size()) + LENGTH_BONUS * terms.size();
        return TROUBLE.matcher(s.text()).find() ? score * TROUBLE_BONUS : score;
    }

    private static Map<String, Integer> termFrequencies(List<Said> said) {
        Map<String, Integer> frequency = new HashMap<>();
        for (Said s : said) {
            for (String t : Terms.of(s.text())) {
                frequency.merge(t, 1, Integer::sum);
            }
        }
        return frequency;
    }

    /** Our side's sentences that report an action or promise one, the most recent {@link #MAX_ACTIONS}. */
    private static List<String> triedOrPromised(List<Said> said) {
        Set<String> actions = new LinkedHashSet<>();
        for (Said s : said) {
            if (!s.fromCustomer() && !Utterances.isQuestion(s.text()) && Utterances.isActionOrPromise(s.text())
                    && words(s) >= MIN_WORDS) {
                actions.add(s.text());
            }
        }
        List<String> list = new ArrayList<>(actions);
        return List.copyOf(list.subList(Math.max(0, list.size() - MAX_ACTIONS), list.size()));
    }

    /**
     * The customer's questions that no later agent message answers. A later agent message answers a question
     * when it shares a word with it, or when it is the direct reply to a message that asked only this.
     */
    private static List<String> openQuestions(Ticket ticket, List<Said> said) {
        List<Message> messages = ticket.messages();
        List<String> open = new ArrayList<>();
        for (int k = 0; k < said.size(); k++) {
            Said s = said.get(k);
            if (!s.fromCustomer() || !Utterances.isQuestion(s.text())) {
                continue;
            }
            boolean onlyQuestionOfMessage = said.stream()
                    .noneMatch(o -> o != s && o.message() == s.message() && Utterances.isQuestion(o.text()));
            if (!answered(s, messages, onlyQuestionOfMessage)) {
                open.add(s.text());
            }
        }
        return open;
    }

    private static boolean answered(Said question, List<Message> messages, boolean onlyQuestionOfMessage) {
        Set<String> asked = Terms.of(question.text());
        for (int i = question.message() + 1; i < messages.size(); i++) {
            Message m = messages.get(i);
            if (m.author() != Author.AGENT) {
                continue;
            }
            boolean directReply = i == question.message() + 1;
            if (directReply && onlyQuestionOfMessage || Terms.of(m.text()).stream().anyMatch(asked::contains)) {
                return true;
            }
        }
        return false;
    }

    static boolean promises(String sentence) {
        return PROMISE.matcher(Utterances.normalizedApostrophes(sentence)).find();
    }

    static boolean confirmsResolution(String text) {
        return CONFIRMATION.matcher(Utterances.normalizedApostrophes(text)).find();
    }

    private static int words(Said s) {
        return Terms.words(s.text()).size();
    }
}
