package io.agentassist.core.assist.guardrails;

import io.agentassist.core.model.Flag;
import io.agentassist.core.model.Ticket;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Runs every check on a generated draft and on the ticket it answers, and returns what the agent should see
 * before approving. The model was told to cite, to stay within its sources and never to promise; these
 * checks are how we know whether it did, in code that does not depend on the model behaving.
 *
 * <p>Flags come in this order, the most serious first:
 * <ol>
 *   <li>about the customer (they change how the whole case is handled):
 *       {@code SENSITIVE_SITUATION} (self-harm first), {@code PROMPT_INJECTION}, {@code FRUSTRATION};</li>
 *   <li>about the draft: {@code PLACEHOLDER}, {@code PROMPT_LEAK}, {@code UNKNOWN_CITATION},
 *       {@code UNSUPPORTED_NUMBER}, {@code COMMITMENT}, {@code UNKNOWN_LINK}, {@code UNCITED_CLAIM}.</li>
 * </ol>
 * Every flag is blocking (approval asks the agent to confirm they have dealt with it) except
 * {@code FRUSTRATION}, which is about tone and informs rather than stops. Each flag's detail is written for
 * the agent: what was found, quoted, and what to do.
 *
 * <p>The draft text must be the one the customer would receive, with personal data already restored
 * ({@link Redaction#restore(String)}); a placeholder left over from redaction is then flagged too.
 *
 * <p>Holds no state besides its settings: one instance can be shared by every thread.
 */
public final class DraftGuardrails {

    private final GuardrailSettings settings;
    private final SensitiveSituationDetector sensitive = new SensitiveSituationDetector();
    private final PromptInjectionDetector injection = new PromptInjectionDetector();
    private final FrustrationDetector frustration = new FrustrationDetector();

    public DraftGuardrails(GuardrailSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Every flag for the draft and its ticket, in the order above; empty when nothing was found. */
    public List<Flag> check(DraftUnderCheck draft) {
        Objects.requireNonNull(draft, "draft");
        List<Flag> flags = new ArrayList<>(checkTicket(draft.ticket()));
        flags.addAll(checkDraft(draft));
        return List.copyOf(flags);
    }

    /**
     * The flags about the customer alone, which the agent can see before any draft exists: sensitive
     * situations, prompt injection and frustration.
     */
    public List<Flag> checkTicket(Ticket ticket) {
        List<Flag> flags = new ArrayList<>(sensitive.detect(ticket));
        flags.addAll(injection.detect(ticket));
        flags.addAll(frustration.detect(ticket));
        return List.copyOf(flags);
    }

    /** The flags about the draft alone. */
    public List<Flag> checkDraft(DraftUnderCheck draft) {
        Set<String> ticketKeys = Quantities.keysOf(Texts.allTexts(draft.ticket()));
        List<Flag> flags = new ArrayList<>();
        flags.addAll(PlaceholderCheck.placeholders(draft.draftText()));
        flags.addAll(PromptLeakCheck.leaks(draft, settings.leakRunWords()));
        flags.addAll(CitationCheck.unknownCitations(draft));
        flags.addAll(NumberCheck.unsupportedNumbers(draft, ticketKeys));
        flags.addAll(CommitmentCheck.commitments(draft.draftText(), settings.commitmentRules()));
        flags.addAll(LinkCheck.unknownLinks(draft));
        flags.addAll(CitationCheck.uncitedClaims(draft, ticketKeys));
        return List.copyOf(flags);
    }

    public GuardrailSettings settings() {
        return settings;
    }
}
