package io.agentassist.core.assist.reply;

import io.agentassist.core.assist.guardrails.CitationMarkers;
import io.agentassist.core.assist.guardrails.DraftGuardrails;
import io.agentassist.core.assist.guardrails.DraftUnderCheck;
import io.agentassist.core.assist.guardrails.PassageRef;
import io.agentassist.core.assist.guardrails.Sentences;
import io.agentassist.core.assist.guardrails.PiiRedactor;
import io.agentassist.core.assist.prompt.PromptTemplate;
import io.agentassist.core.knowledge.KnowledgeHit;
import io.agentassist.core.llm.Cancellation;
import io.agentassist.core.llm.ChatPrompt;
import io.agentassist.core.llm.LanguageModel;
import io.agentassist.core.llm.ModelCallException;
import io.agentassist.core.llm.ModelReply;
import io.agentassist.core.llm.PromptRole;
import io.agentassist.core.model.Citation;
import io.agentassist.core.model.Draft;
import io.agentassist.core.model.DraftState;
import io.agentassist.core.model.Flag;
import io.agentassist.core.model.FlagKind;
import io.agentassist.core.model.Ticket;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.regex.Pattern;

/**
 * The tone tools: rewrites a draft shorter, friendlier or more formal and hands back a <em>new</em>
 * suggestion. The original draft is never changed, so whatever happens here — a refusal, a model failure,
 * a rewrite the agent dislikes — the agent still has the draft they had.
 *
 * <p>A rewrite is treated as untrusted as a first draft: personal data is replaced by placeholders before
 * the model sees the draft and put back afterwards (whatever the model never sees it cannot leak), and every
 * guardrail runs again on the new text against the passages the draft cited, so a rewrite cannot slip in a
 * number, a link or a citation of its own. A citation marker the draft had and the rewrite lost is flagged
 * too, because "keep every citation" is what the prompt asks and a dropped marker usually means a fact lost
 * its source or was changed.
 *
 * <p>Without a configured model only {@link Tone#SHORTER} works: it keeps the greeting, the cited sentences
 * and the sign-off, word for word, so it adds nothing a guardrail has not already seen. A change of tone
 * needs new words, which only a model writes; offline it is refused with a message the agent can read.
 */
public final class RephraseService {
    /** Low: a rewrite should stay close to the draft, not be creative. */
    public static final double TEMPERATURE = 0.3;
    static final String OFFLINE_VERSION = "rephrase-offline-v1";
    static final String NO_MODEL = "Changing the tone needs a language model; none is configured.";

    /** How the agent wants the draft changed; {@link #instruction()} goes into the prompt's {@code {{instruction}}}. */
    public enum Tone {
        SHORTER("Make it shorter: keep only what answers the customer."),
        FRIENDLIER("Make it warmer and friendlier, without becoming informal or adding promises."),
        MORE_FORMAL("Make it more formal and polite.");

        private final String instruction;

        Tone(String instruction) {
            this.instruction = instruction;
        }

        /** The sentence that tells the model what to change. */
        public String instruction() {
            return instruction;
        }
    }

    /** A short first line ending like a greeting ("Hi Maria,"). */
    private static final Pattern GREETING = Pattern.compile("^[^\\[\\n]{1,60}[,!:]$");
    /** A short line ending with a comma ("Best regards,"), the first line of a sign-off block. */
    private static final Pattern SIGN_OFF_START = Pattern.compile("^[^\\[\\n]{1,40},$");
    private final LanguageModel model;
    private final DraftGuardrails guardrails;
    private final Clock clock;
    private final PromptTemplate template = PromptTemplate.load("rephrase", "v1");

    public RephraseService(LanguageModel model, DraftGuardrails guardrails, Clock clock) {
        this.model = Objects.requireNonNull(model, "model");
        this.guardrails = Objects.requireNonNull(guardrails, "guardrails");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * A new suggestion with the draft's current text rewritten in {@code tone}: a new draft id, state
     * SUGGESTED, the same ticket, and those of the draft's citations that are still in the new text.
     *
     * @param passages the passages the draft's citations refer to, so the guardrails can check the new text
     *                 against them (a citation whose passage is missing is treated as unknown)
     * @throws IllegalStateException with a message for the agent when the change cannot be made: a tone
     *                               other than SHORTER without a model, a failing model, or nothing cited to
     *                               keep when shortening offline. The original draft stays as it was.
     * @throws CancellationException when {@code cancellation} was cancelled during the model call
     */
    public Suggestion rephrase(Draft draft, Tone tone, Ticket ticket, List<KnowledgeHit> passages,
                               Cancellation cancellation) {
        Objects.requireNonNull(draft, "draft");
        Objects.requireNonNull(tone, "tone");
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(passages, "passages");
        if (!draft.ticketId().equals(ticket.id())) {
            throw new IllegalArgumentException("draft " + draft.id() + " answers ticket " + draft.ticketId()
                    + ", not " + ticket.id());
        }
        if (!model.isConfigured()) {
            if (tone != Tone.SHORTER) {
                throw new IllegalStateException(NO_MODEL);
            }
            return offlineShorter(draft, ticket, passages);
        }
        PiiRedactor redactor = new PiiRedactor();
        ChatPrompt prompt = template.fill(Map.of(
                "instruction", tone.instruction(),
                "draft", redactor.redact(draft.text()).text()), TEMPERATURE);
        ModelReply reply;
        try {
            reply = model.complete(prompt, cancellation);
        } catch (ModelCallException e) {
            if (e.kind() == ModelCallException.Kind.CANCELLED) {
                throw new CancellationException("changing the tone of draft " + draft.id() + " was cancelled");
            }
            throw new IllegalStateException("Changing the tone failed: " + SuggestedReplyService.problem(e)
                    + ". Your draft is unchanged.", e);
        }
        String text = redactor.vault().restore(reply.text()).strip();
        if (text.isEmpty()) {
            throw new IllegalStateException("Changing the tone failed: the model answered with an empty text. "
                    + "Your draft is unchanged.");
        }
        String instructions = prompt.messages().stream()
                .filter(m -> m.role() == PromptRole.SYSTEM).map(m -> m.text()).findFirst().orElse("");
        List<Flag> flags = check(draft, text, ticket, passages, instructions);
        return new Suggestion(newDraft(draft, text, flags, "llm",
                reply.model() == null || reply.model().isBlank() ? model.modelName() : reply.model(), prompt.promptVersion()), passages,
                Optional.empty());
    }

    /**
     * Offline shortening: greeting, cited sentences and sign-off, nothing else and no new words. A draft
     * without any cited sentence is refused rather than cut down to a greeting and a sign-off.
     */
    private Suggestion offlineShorter(Draft draft, Ticket ticket, List<KnowledgeHit> passages) {
        String text = shorten(draft.text());
        if (CitationMarkers.parse(text).isEmpty()) {
            throw new IllegalStateException("Without a language model a draft can only be shortened to its cited "
                    + "sentences, and this draft has none. Your draft is unchanged.");
        }
        List<Flag> flags = check(draft, text, ticket, passages, "");
        flags.add(Flag.info(FlagKind.OFFLINE, "Shortened offline: no language model is configured, so only the "
                + "greeting, the cited sentences and the sign-off were kept."));
        return new Suggestion(newDraft(draft, text, flags, "offline", "", OFFLINE_VERSION), passages, Optional.empty());
    }

    /** The greeting line, every sentence that carries a citation marker, and the sign-off block, as written. */
    static String shorten(String text) {
        List<String> paragraphs = new ArrayList<>(List.of(text.strip().split("\\n\\s*\\n")));
        String greeting = "";
        String greetingGap = "\n\n";
        List<String> firstLines = new ArrayList<>(List.of(paragraphs.getFirst().split("\\n")));
        if (paragraphs.size() + firstLines.size() > 2 && GREETING.matcher(firstLines.getFirst().strip()).matches()) {
            greeting = firstLines.removeFirst().strip();
            if (firstLines.isEmpty()) {
                paragraphs.removeFirst();
            } else {
                paragraphs.set(0, String.join("\n", firstLines));
                greetingGap = "\n";
            }
        }
        String signOff = "";
        if (!paragraphs.isEmpty() && (paragraphs.size() > 1 || !greeting.isEmpty())) {
            String last = paragraphs.getLast().strip();
            if (SIGN_OFF_START.matcher(last.split("\\n")[0].strip()).matches() && CitationMarkers.parse(last).isEmpty()) {
                signOff = last;
                paragraphs.removeLast();
            }
        }
        List<String> body = new ArrayList<>();
        for (String paragraph : paragraphs) {
            List<String> keptLines = new ArrayList<>();
            for (String line : paragraph.split("\\n")) {
                List<String> cited = Sentences.texts(line).stream()
                        .filter(sentence -> !CitationMarkers.parse(sentence).isEmpty()).toList();
                if (!cited.isEmpty()) {
                    keptLines.add(String.join(" ", cited));
                }
            }
            if (!keptLines.isEmpty()) {
                body.add(String.join("\n", keptLines));
            }
        }
        StringBuilder out = new StringBuilder();
        if (!greeting.isEmpty()) {
            out.append(greeting).append(greetingGap);
        }
        out.append(String.join("\n\n", body));
        if (!signOff.isEmpty()) {
            out.append("\n\n").append(signOff);
        }
        return out.toString().strip();
    }

    /**
     * The standard guardrails on the new text, against the passages the draft cited under the draft's own
     * markers, plus a blocking flag for each marker the draft had and the new text lost.
     */
    private List<Flag> check(Draft draft, String text, Ticket ticket, List<KnowledgeHit> passages,
                             String instructions) {
        List<PassageRef> refs = new ArrayList<>();
        for (Citation citation : draft.citations()) {
            passageOf(citation, passages).ifPresent(hit ->
                    refs.add(new PassageRef(citation.marker(), hit.articleId(), hit.title(), hit.text(), hit.url())));
        }
        List<Flag> flags = new ArrayList<>(guardrails.check(new DraftUnderCheck(text, refs, ticket, instructions)));
        Set<Integer> kept = new LinkedHashSet<>(CitationMarkers.parse(text));
        for (int marker : new LinkedHashSet<>(CitationMarkers.parse(draft.text()))) {
            if (!kept.contains(marker)) {
                flags.add(Flag.blocking(FlagKind.UNKNOWN_CITATION, "The rewrite dropped citation [" + marker
                        + "], which the draft had: check that the fact it supported was not lost or changed."));
            }
        }
        return flags;
    }

    private static Optional<KnowledgeHit> passageOf(Citation citation, List<KnowledgeHit> passages) {
        return passages.stream().filter(hit -> hit.chunkId().equals(citation.chunkId())).findFirst()
                .or(() -> passages.stream().filter(hit -> hit.articleId().equals(citation.articleId())).findFirst());
    }

    private Draft newDraft(Draft original, String text, List<Flag> flags, String mode, String modelName,
                           String promptVersion) {
        Set<Integer> markers = new LinkedHashSet<>(CitationMarkers.parse(text));
        List<Citation> citations = original.citations().stream().filter(c -> markers.contains(c.marker())).toList();
        return new Draft(UUID.randomUUID().toString(), original.ticketId(), DraftState.SUGGESTED, text, text,
                citations, flags, mode, modelName, promptVersion, clock.instant(), Optional.empty(), Optional.empty(),
                Optional.empty(), original.agent());
    }
}
