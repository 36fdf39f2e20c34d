package io.agentassist.core.review;

import io.agentassist.core.assist.guardrails.PiiRedactor;
import io.agentassist.core.assist.guardrails.Sentences;
import io.agentassist.core.assist.prompt.PromptTemplate;
import io.agentassist.core.llm.Cancellation;
import io.agentassist.core.llm.ChatPrompt;
import io.agentassist.core.llm.LanguageModel;
import io.agentassist.core.llm.ModelCallException;
import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drafts a knowledge article for a group of knowledge gaps from the replies agents actually sent on those
 * tickets, for a person to review. With a language model it asks {@code prompts/gap-article-v1}; without
 * one, or when the model fails or answers nothing, it writes a structured skeleton: the title from the
 * group's representative question, the questions as customers wrote them, the sentences of the replies sent
 * (with the tickets they came from), and the open points a reviewer must settle.
 *
 * <p><b>Never published.</b> The front matter, written here and not by the model, always says
 * {@code status: draft} and {@code source: knowledge-gap}; the article is returned, and
 * {@link ArticleDraftFolder} saves it outside the knowledge folders.
 *
 * <p><b>No personal data.</b> An article is for every customer, so nothing of one customer belongs in it:
 * questions and replies are redacted with {@link PiiRedactor} (cards, IBANs, e-mail addresses, phone numbers,
 * national ids) and the customer's and agent's names are replaced by {@code [CUSTOMER_NAME]} and
 * {@code [AGENT_NAME]} before the model or the skeleton sees them. Unlike a reply, nothing is restored
 * afterwards. Names are matched whole and case-sensitively (full name and each part), so a name that is also
 * a common word is only replaced where it is capitalised.
 */
public final class GapArticleDrafter {
    /** Low: an article should restate what was sent, not be creative. */
    static final double TEMPERATURE = 0.2;
    static final int MAX_VARIANTS = 20;
    static final int MAX_REPLIES = 10;
    static final int MAX_REPLY_CHARS = 2000;
    static final int MAX_TITLE_CHARS = 90;

    private static final Pattern CITATION = Pattern.compile("\\s*\\[\\s*\\d{1,3}(?:\\s*[,;\\-–]\\s*\\d{1,3})*\\s*]");
    private static final Pattern GREETING = Pattern.compile(
            "(?i)^(hi|hello|hey|dear|good (morning|afternoon|evening))\\b[^.?!]{0,40}[,!.]?$");
    /** A greeting that opens a sentence on the same line: "Hello Tom, new cards arrive …". */
    private static final Pattern LEADING_GREETING = Pattern.compile(
            "(?i)^(hi|hello|hey|dear|good (morning|afternoon|evening))\\b[^.?!,]{0,40},\\s+(?=\\S)");
    private static final Pattern SIGN_OFF = Pattern.compile(
            "(?i)^((best|kind|warm|many)( regards| wishes)?|regards|thanks?( you)?( again)?|cheers|sincerely|"
                    + "(yours )?(sincerely|truly)|take care|all the best)[,.!]?( \\S+){0,3}$");
    private static final Pattern PLEASANTRY = Pattern.compile("(?i)^(thanks?( you)?\\b.{0,40}(contact|reach|writ|"
            + "patien|wait|message|get(ting)? in touch)|i hope (this|that) helps|(please )?(let (me|us) know|"
            + "feel free|do ?n[o']t hesitate)\\b|is there anything else|(i'?m|we'?re|i am|we are) (so |very |really |"
            + "truly )?sorry|sorry (for|about|to hear)|(i|we) apologi[sz]e|have a (great|nice|good|lovely))");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\[(?:[A-Z]+_\\d+|CUSTOMER_NAME|AGENT_NAME)]");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Pattern OUR_TAGS = Pattern.compile("(?i)</?\\s*(questions|replies)\\s*>");
    private static final Pattern FENCE = Pattern.compile("(?s)^```[a-zA-Z]*\\s*\\n(.*?)\\n```\\s*$");
    private static final Pattern FRONT_MATTER = Pattern.compile("(?s)^---\\s*\\n.*?\\n---\\s*\\n");

    private final LanguageModel model;
    private final Clock clock;
    private final ZoneId zone;
    private final PromptTemplate template = PromptTemplate.load("gap-article", "v1");

    /** @param zone the zone of the {@code generated} date in the front matter */
    public GapArticleDrafter(LanguageModel model, Clock clock, ZoneId zone) {
        this.model = Objects.requireNonNull(model, "model");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /**
     * The article for {@code group} from the replies sent on its tickets (replies on other tickets are
     * ignored).
     *
     * @throws CancellationException when cancelled during the model call
     */
    public GapArticle draft(GapGroup group, List<SentReply> sentOnGroupTickets, Cancellation cancellation) {
        Set<String> tickets = new LinkedHashSet<>(group.ticketIds());
        List<SentReply> replies = sentOnGroupTickets.stream().filter(r -> tickets.contains(r.ticketId())).toList();
        Redactor redactor = new Redactor(replies);
        String title = title(redactor.question(group.representative(), group.questions().getFirst().ticketId()));
        if (!model.isConfigured()) {
            return skeleton(group, replies, redactor, title, Optional.empty());
        }
        try {
            String answer = model.complete(prompt(group, replies, redactor).fill(), cancellation).text();
            String body = cleanModelArticle(answer);
            if (body.isBlank()) {
                return skeleton(group, replies, redactor, title, Optional.of("the model returned an empty article"));
            }
            String markdown = frontMatter(group, title, "model " + model.modelName() + " (prompt "
                    + template.version() + ")") + withReviewNotice(body, group, replies);
            return new GapArticle(group.number(), title, fileName(title, group), markdown, "model", Optional.empty());
        } catch (ModelCallException e) {
            if (e.kind() == ModelCallException.Kind.CANCELLED) {
                throw new CancellationException("drafting an article for gap group " + group.number()
                        + " was cancelled");
            }
            return skeleton(group, replies, redactor, title, Optional.of(e.getMessage()));
        }
    }

    // ---- the model's prompt ----

    /** The prompt's values for a group: questions and replies redacted, quoted and capped. */
    PromptValues prompt(GapGroup group, List<SentReply> replies, Redactor redactor) {
        List<String> questions = new ArrayList<>();
        for (String variant : group.variants().subList(0, Math.min(MAX_VARIANTS, group.variants().size()))) {
            questions.add("- " + defuse(oneLine(redactor.question(variant, ticketOf(group, variant)))));
        }
        if (group.variants().size() > MAX_VARIANTS) {
            questions.add("- (" + (group.variants().size() - MAX_VARIANTS) + " more wordings not shown)");
        }
        List<String> quoted = new ArrayList<>();
        List<SentReply> shown = replies.subList(0, Math.min(MAX_REPLIES, replies.size()));
        for (int i = 0; i < shown.size(); i++) {
            SentReply reply = shown.get(i);
            String text = redactor.reply(reply).strip();
            if (text.length() > MAX_REPLY_CHARS) {
                text = text.substring(0, MAX_REPLY_CHARS) + " …";
            }
            quoted.add("[reply " + (i + 1) + ", " + reply.channel().id() + "]\n" + defuse(text));
        }
        if (replies.size() > MAX_REPLIES) {
            quoted.add("(" + (replies.size() - MAX_REPLIES) + " more replies not shown)");
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put("question_count", Integer.toString(group.count()));
        values.put("ticket_count", Integer.toString(group.ticketIds().size()));
        values.put("questions", String.join("\n", questions));
        values.put("reply_count", Integer.toString(replies.size()));
        values.put("replies", quoted.isEmpty() ? "(no reply was sent on these tickets)" : String.join("\n\n", quoted));
        return new PromptValues(template, values);
    }

    /** The template and the values of its slots for one group. */
    record PromptValues(PromptTemplate template, Map<String, String> values) {
        ChatPrompt fill() {
            return template.fill(values, TEMPERATURE);
        }
    }

    private static String cleanModelArticle(String answer) {
        String body = answer == null ? "" : answer.strip();
        Matcher fence = FENCE.matcher(body);
        if (fence.matches()) {
            body = fence.group(1).strip();
        }
        Matcher front = FRONT_MATTER.matcher(body + "\n");
        if (front.lookingAt()) {
            body = (body + "\n").substring(front.end()).strip();
        }
        return body;
    }

    /** The notice goes right under the model's title, so a reader sees it before the text. */
    private static String withReviewNotice(String body, GapGroup group, List<SentReply> replies) {
        String notice = "> " + notice(group, replies, "by a language model ") + "\n";
        if (body.startsWith("# ")) {
            int end = body.indexOf('\n');
            return end < 0 ? body + "\n\n" + notice : body.substring(0, end) + "\n\n" + notice + "\n"
                    + body.substring(end + 1).stripLeading() + "\n";
        }
        return notice + "\n" + body + "\n";
    }

    private static String notice(GapGroup group, List<SentReply> replies, String by) {
        return "Draft for review, written " + by + "from " + times(group.count(), "customer question")
                + " the knowledge base had no answer for and " + times(replies.size(), "reply")
                + " agents sent. Nothing here has been checked: review every sentence before publishing.";
    }

    // ---- the offline skeleton ----

    private GapArticle skeleton(GapGroup group, List<SentReply> replies, Redactor redactor, String title,
                                Optional<String> modelProblem) {
        StringBuilder md = new StringBuilder(frontMatter(group, title, "offline"));
        md.append("# ").append(title).append("\n\n");
        md.append("> ").append(notice(group, replies, "without a language model ")).append("\n\n");
        md.append("## Question\n\n");
        md.append("Asked ").append(times(group.count(), "time")).append(" on ")
                .append(times(group.ticketIds().size(), "ticket")).append(", ").append(seen(group))
                .append(", in these words:\n\n");
        List<String> variants = group.variants();
        for (String variant : variants.subList(0, Math.min(MAX_VARIANTS, variants.size()))) {
            md.append("- ").append(oneLine(redactor.question(variant, ticketOf(group, variant)))).append('\n');
        }
        if (variants.size() > MAX_VARIANTS) {
            md.append("- … and ").append(variants.size() - MAX_VARIANTS).append(" more wordings\n");
        }
        md.append("\n## Answer (from replies sent)\n\n");
        List<AnswerSentence> sentences = answerSentences(replies, redactor);
        if (sentences.isEmpty()) {
            md.append("_No reply sent on these tickets says anything an article could use._\n");
        } else {
            for (AnswerSentence sentence : sentences) {
                md.append("- ").append(sentence.text()).append(" _(").append(String.join(", ", sentence.tickets()))
                        .append(")_\n");
            }
        }
        md.append("\n## Open points\n\n");
        openPoints(group, replies, sentences, md.toString()).forEach(point -> md.append("- ").append(point).append('\n'));
        return new GapArticle(group.number(), title, fileName(title, group), md.toString(), "offline", modelProblem);
    }

    /** A sentence of the replies sent, with the tickets whose replies said it. */
    record AnswerSentence(String text, List<String> tickets) {
    }

    /**
     * The sentences of the replies that could go into an article: citation markers, greetings, sign-offs,
     * pleasantries and sentences of fewer than three words left out, and a greeting that opens a sentence
     * ("Hello Tom, new cards …") cut off; the same sentence in several replies listed once, the most repeated
     * first (then in order of first appearance).
     */
    static List<AnswerSentence> answerSentences(List<SentReply> replies, Redactor redactor) {
        Map<String, String> texts = new LinkedHashMap<>();
        Map<String, Set<String>> tickets = new LinkedHashMap<>();
        for (SentReply reply : replies) {
            String text = CITATION.matcher(redactor.reply(reply)).replaceAll("");
            for (String sentence : Sentences.texts(text)) {
                String s = withoutLeadingGreeting(oneLine(sentence));
                if (!usable(s)) {
                    continue;
                }
                String key = s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}\\[\\]_]+", " ").strip();
                texts.putIfAbsent(key, s);
                tickets.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(reply.ticketId());
            }
        }
        List<String> keys = new ArrayList<>(texts.keySet());
        List<String> order = List.copyOf(keys);
        keys.sort(Comparator.<String>comparingInt(k -> tickets.get(k).size()).reversed()
                .thenComparingInt(order::indexOf));
        return keys.stream().map(k -> new AnswerSentence(texts.get(k), List.copyOf(tickets.get(k)))).toList();
    }

    private static String withoutLeadingGreeting(String sentence) {
        Matcher greeting = LEADING_GREETING.matcher(sentence);
        if (!greeting.lookingAt()) {
            return sentence;
        }
        String rest = sentence.substring(greeting.end());
        return rest.substring(0, 1).toUpperCase(Locale.ROOT) + rest.substring(1);
    }

    private static boolean usable(String sentence) {
        if (GREETING.matcher(sentence).matches() || SIGN_OFF.matcher(sentence).matches()
                || PLEASANTRY.matcher(sentence).lookingAt()) {
            return false;
        }
        String withoutPlaceholders = PLACEHOLDER.matcher(sentence).replaceAll(" ");
        Matcher words = WORD.matcher(withoutPlaceholders);
        int count = 0;
        while (words.find()) {
            count++;
        }
        return count >= 3;
    }

    private static List<String> openPoints(GapGroup group, List<SentReply> replies, List<AnswerSentence> sentences,
                                           String written) {
        List<String> points = new ArrayList<>();
        if (replies.isEmpty()) {
            points.add("No agent has answered these questions yet: write the answer from policy, or ask who knows.");
        } else {
            points.add("Check every sentence under \"Answer\" against current policy: each comes from one reply to "
                    + "one customer, not from a reviewed source.");
            boolean shared = sentences.stream().anyMatch(s -> s.tickets().size() > 1);
            if (replies.size() > 1 && !shared) {
                points.add("The replies share no sentence: compare them and decide what the answer is.");
            }
        }
        Set<String> answered = new LinkedHashSet<>();
        replies.forEach(r -> answered.add(r.ticketId()));
        List<String> unanswered = group.ticketIds().stream().filter(t -> !answered.contains(t)).toList();
        if (!unanswered.isEmpty() && !replies.isEmpty()) {
            points.add("No reply was sent on " + String.join(", ", unanswered)
                    + ": the questions there may need more than this answer.");
        }
        if (PLACEHOLDER.matcher(written).find()) {
            points.add("Personal details were replaced by placeholders such as [CUSTOMER_NAME] or [EMAIL_1]: "
                    + "write the general case instead.");
        }
        points.add("Choose the article's category and related articles, then move the file into a knowledge "
                + "folder yourself: nothing is published or indexed until then.");
        return points;
    }

    // ---- shared ----

    /** The ticket a wording was first asked on, whose customer's name the redactor must hide in it. */
    private static String ticketOf(GapGroup group, String variant) {
        String wording = GapGrouping.normalize(variant);
        return group.questions().stream()
                .filter(q -> GapGrouping.normalize(q.question()).equals(wording))
                .map(GapQuestion::ticketId).findFirst().orElse("");
    }

    private String frontMatter(GapGroup group, String title, String generatedBy) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        StringBuilder yaml = new StringBuilder("---\n");
        yaml.append("title: ").append(yamlString(title)).append('\n');
        yaml.append("status: draft\n");
        yaml.append("source: knowledge-gap\n");
        yaml.append("generated: ").append(today).append('\n');
        yaml.append("generated_by: ").append(yamlString(generatedBy)).append('\n');
        yaml.append("questions: ").append(group.count()).append('\n');
        yaml.append("tickets: [");
        for (int i = 0; i < group.ticketIds().size(); i++) {
            yaml.append(i == 0 ? "" : ", ").append(yamlString(group.ticketIds().get(i)));
        }
        yaml.append("]\n---\n\n");
        return yaml.toString();
    }

    /** A YAML double-quoted scalar: backslash and quote escaped, control characters dropped. */
    static String yamlString(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' || c == '"') {
                out.append('\\').append(c);
            } else if (!Character.isISOControl(c)) {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /** The representative question as a title: one line, first letter capital, at most 90 characters. */
    static String title(String question) {
        String line = oneLine(question);
        if (line.isEmpty()) {
            return "Unanswered customer question";
        }
        if (line.length() > MAX_TITLE_CHARS) {
            int cut = line.lastIndexOf(' ', MAX_TITLE_CHARS - 1);
            line = line.substring(0, cut > 30 ? cut : MAX_TITLE_CHARS - 1).strip() + "…";
        }
        return line.substring(0, 1).toUpperCase(Locale.ROOT) + line.substring(1);
    }

    /** {@code gap-2026-03-09-i-am-still-waiting-on-my-card.md}: ASCII, lower case, at most 60 title characters. */
    String fileName(String title, GapGroup group) {
        String ascii = Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("\\[[a-z_0-9]+]", " ")
                .replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > 60) {
            int cut = slug.lastIndexOf('-', 60);
            slug = slug.substring(0, cut > 20 ? cut : 60);
        }
        if (slug.isEmpty()) {
            slug = "group-" + group.number();
        }
        return "gap-" + LocalDate.ofInstant(clock.instant(), zone) + "-" + slug + ".md";
    }

    private String seen(GapGroup group) {
        LocalDate first = LocalDate.ofInstant(group.firstSeen(), zone);
        LocalDate last = LocalDate.ofInstant(group.lastSeen(), zone);
        return first.equals(last) ? "on " + first : "between " + first + " and " + last;
    }

    private static String times(int n, String what) {
        if (what.equals("reply")) {
            return n + (n == 1 ? " reply" : " replies");
        }
        return n + " " + what + (n == 1 ? "" : "s");
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    /** Our quote delimiters inside quoted text are neutralised, so a question cannot close the quote. */
    private static String defuse(String text) {
        return OUR_TAGS.matcher(text).replaceAll("[$1 tag removed]");
    }

    /**
     * Redacts the texts of one article with one vault, so a value gets the same placeholder everywhere, and
     * replaces the names of each ticket's customer and of the agents.
     */
    static final class Redactor {
        private final PiiRedactor pii = new PiiRedactor();
        private final Map<String, List<String>> customerNames = new LinkedHashMap<>();
        private final List<String> agentNames = new ArrayList<>();

        Redactor(List<SentReply> replies) {
            for (SentReply reply : replies) {
                customerNames.computeIfAbsent(reply.ticketId(), t -> new ArrayList<>())
                        .addAll(nameForms(reply.customer().name()));
                for (String form : nameForms(reply.agent())) {
                    if (!agentNames.contains(form)) {
                        agentNames.add(form);
                    }
                }
            }
            agentNames.sort(Comparator.comparingInt(String::length).reversed());
            customerNames.values().forEach(names -> names.sort(Comparator.comparingInt(String::length).reversed()));
        }

        String reply(SentReply reply) {
            return names(pii.redact(reply.finalText()).text(), reply.ticketId());
        }

        String question(String question, String ticketId) {
            return names(pii.redact(question).text(), ticketId);
        }

        private String names(String text, String ticketId) {
            String out = text;
            for (String name : customerNames.getOrDefault(ticketId, List.of())) {
                out = replaceWord(out, name, "[CUSTOMER_NAME]");
            }
            for (String name : agentNames) {
                out = replaceWord(out, name, "[AGENT_NAME]");
            }
            return out;
        }

        /** The full name and each part of two or more letters, e.g. "Maria Lopez", "Maria", "Lopez". */
        private static List<String> nameForms(String name) {
            List<String> forms = new ArrayList<>();
            String full = name == null ? "" : oneLine(name);
            if (full.length() < 2) {
                return forms;
            }
            forms.add(full);
            for (String part : full.split("[\\s,]+")) {
                String clean = part.replaceAll("^[^\\p{L}]+|[^\\p{L}]+$", "");
                if (clean.length() >= 2 && !forms.contains(clean)) {
                    forms.add(clean);
                }
            }
            return forms;
        }

        private static String replaceWord(String text, String word, String placeholder) {
            return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(word) + "(?![\\p{L}\\p{N}])")
                    .matcher(text).replaceAll(Matcher.quoteReplacement(placeholder));
        }
    }
}
