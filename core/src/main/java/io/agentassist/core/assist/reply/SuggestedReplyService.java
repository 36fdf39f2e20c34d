package io.agentassist.core.assist.reply;

import io.agentassist.core.assist.TicketConversation;
import io.agentassist.core.assist.guardrails.CitationMarkers;
import io.agentassist.core.assist.guardrails.DraftGuardrails;
import io.agentassist.core.assist.guardrails.DraftUnderCheck;
import io.agentassist.core.assist.guardrails.PassageRef;
import io.agentassist.core.assist.guardrails.PiiRedactor;
import io.agentassist.core.assist.offline.OfflineDraft;
import io.agentassist.core.assist.offline.OfflineReplyDrafter;
import io.agentassist.core.knowledge.KnowledgeHit;
import io.agentassist.core.knowledge.KnowledgeQuery;
import io.agentassist.core.knowledge.KnowledgeSearch;
import io.agentassist.core.llm.Cancellation;
import io.agentassist.core.llm.ModelCallException;
import io.agentassist.core.llm.ModelReply;
import io.agentassist.core.llm.LanguageModel;
import io.agentassist.core.llm.PromptRole;
import io.agentassist.core.llm.StreamObserver;
import io.agentassist.core.model.AgentProfile;
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
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CancellationException;

/**
 * Makes the suggested reply for a ticket: retrieval from the conversation, personal data replaced by
 * placeholders, the versioned prompt, the model (streamed or not), real values restored, citations resolved,
 * and every guardrail checked in code. Without a configured model — or when the model fails — the offline
 * drafter writes the reply from the same passages, flagged as offline with the reason. When nothing relevant
 * is found, the draft says so and the question is recorded as a knowledge gap.
 *
 * <p>It returns a draft; it never sends anything. Sending needs an {@code ApprovedReply}, which only the
 * approval service makes, from the agent's action.
 */
public final class SuggestedReplyService {
    /**
     * Passages whose embedding similarity to the question is below this are not relevant. Calibrated on real
     * data: 9 of 10 off-topic questions against the DuckDuckGo help centre scored below it, and 94 % of the
     * answerable DSTC11 turns scored above it (docs/benchmarks.md).
     */
    public static final double MIN_SIMILARITY = 0.30;
    public static final int PASSAGES = 5;
    static final String OFFLINE_VERSION = "offline-v1";

    private final KnowledgeSearch search;
    private final LanguageModel model;
    private final DraftGuardrails guardrails;
    private final OfflineReplyDrafter offline;
    private final KnowledgeGapRecorder gaps;
    private final Clock clock;
    private final ReplyPromptBuilder prompts = new ReplyPromptBuilder();

    public SuggestedReplyService(KnowledgeSearch search, LanguageModel model, DraftGuardrails guardrails,
                                 OfflineReplyDrafter offline, KnowledgeGapRecorder gaps, Clock clock) {
        this.search = search;
        this.model = model;
        this.guardrails = guardrails;
        this.offline = offline;
        this.gaps = gaps;
        this.clock = clock;
    }

    /** A suggestion, blocking until the model answered (or the offline draft stands in). */
    public Suggestion suggest(Ticket ticket, AgentProfile agent, List<Ticket> earlierTickets, Cancellation cancellation) {
        Prepared prepared = prepare(ticket, agent, earlierTickets);
        if (!model.isConfigured()) {
            return offlineSuggestion(prepared, Optional.empty());
        }
        try {
            ModelReply reply = model.complete(prepared.prompt().chat(), cancellation);
            return modelSuggestion(prepared, reply.text(), reply.model());
        } catch (ModelCallException e) {
            if (e.kind() == ModelCallException.Kind.CANCELLED) {
                throw new CancellationException("the suggestion for " + ticket.id() + " was cancelled");
            }
            return offlineSuggestion(prepared, Optional.of(problem(e)));
        }
    }

    /** A suggestion streamed to the observer; returns at once when a model streams, else after the offline draft. */
    public void suggest(Ticket ticket, AgentProfile agent, List<Ticket> earlierTickets, SuggestionObserver observer,
                        Cancellation cancellation) {
        Prepared prepared = prepare(ticket, agent, earlierTickets);
        if (!model.isConfigured()) {
            Suggestion suggestion = offlineSuggestion(prepared, Optional.empty());
            observer.progress(suggestion.draft().text());
            observer.completed(suggestion);
            return;
        }
        model.stream(prepared.prompt().chat(), new StreamObserver() {
            private final StringBuilder text = new StringBuilder();

            @Override
            public void partial(String piece) {
                text.append(piece);
                observer.progress(prepared.redactor().vault().restore(text.toString()));
            }

            @Override
            public void retrying(int attempt, String reason) {
                text.setLength(0);
                observer.retrying(reason);
            }

            @Override
            public void completed(ModelReply reply) {
                observer.completed(modelSuggestion(prepared, reply.text(), reply.model()));
            }

            @Override
            public void failed(ModelCallException error) {
                observer.completed(offlineSuggestion(prepared, Optional.of(problem(error))));
            }

            @Override
            public void cancelled() {
                observer.cancelled();
            }
        }, cancellation);
    }

    private record Prepared(Ticket ticket, AgentProfile agent, String question, List<KnowledgeHit> relevant,
                            boolean noKnowledge, PiiRedactor redactor, ReplyPrompt prompt) {
    }

    private Prepared prepare(Ticket ticket, AgentProfile agent, List<Ticket> earlierTickets) {
        String question = TicketConversation.question(ticket).orElseThrow(() -> new IllegalArgumentException(
                "ticket " + ticket.id() + " has no customer message to answer"));
        List<KnowledgeHit> hits = search.search(KnowledgeQuery.of(TicketConversation.of(ticket), PASSAGES));
        List<KnowledgeHit> relevant = hits.stream()
                .filter(hit -> !hit.hasSimilarity() || hit.similarity() >= MIN_SIMILARITY)
                .toList();
        if (relevant.isEmpty()) {
            gaps.record(ticket.id(), question);
        }
        PiiRedactor redactor = new PiiRedactor();
        ReplyPrompt prompt = prompts.build(ticket, relevant, agent, earlierTickets, text -> redactor.redact(text).text());
        return new Prepared(ticket, agent, question, relevant, relevant.isEmpty(), redactor, prompt);
    }

    private Suggestion modelSuggestion(Prepared prepared, String rawText, String modelName) {
        String text = prepared.redactor().vault().restore(rawText).strip();
        List<PassageRef> refs = new ArrayList<>();
        for (NumberedPassage passage : prepared.prompt().passages()) {
            refs.add(passageRef(passage.marker(), passage.hit()));
        }
        List<Citation> citations = new ArrayList<>();
        for (int marker : new LinkedHashSet<>(CitationMarkers.parse(text))) {
            if (marker >= 1 && marker <= prepared.prompt().passages().size()) {
                citations.add(citation(marker, prepared.prompt().passages().get(marker - 1).hit()));
            }
        }
        String instructions = prepared.prompt().chat().messages().stream()
                .filter(m -> m.role() == PromptRole.SYSTEM).map(m -> m.text()).findFirst().orElse("");
        List<Flag> flags = new ArrayList<>(guardrails.check(new DraftUnderCheck(text, refs, prepared.ticket(), instructions)));
        addNoKnowledge(prepared, flags);
        return new Suggestion(draft(prepared, text, citations, flags, "llm", modelName, prepared.prompt().chat().promptVersion()),
                prepared.relevant(), Optional.empty());
    }

    private Suggestion offlineSuggestion(Prepared prepared, Optional<String> problem) {
        OfflineDraft draft = offline.draft(prepared.ticket(), prepared.relevant(), prepared.agent());
        List<PassageRef> refs = new ArrayList<>();
        for (Citation citation : draft.citations()) {
            prepared.relevant().stream().filter(hit -> hit.chunkId().equals(citation.chunkId())).findFirst()
                    .ifPresent(hit -> refs.add(passageRef(citation.marker(), hit)));
        }
        List<Flag> flags = new ArrayList<>(guardrails.check(new DraftUnderCheck(draft.text(), refs, prepared.ticket(), "")));
        flags.add(Flag.info(FlagKind.OFFLINE, problem
                .map(p -> "Offline draft: the language model could not be used (" + p + "). Built from the passages alone.")
                .orElse("Offline draft: no language model is configured. Built from the passages alone.")));
        if (draft.answersNothing() && !prepared.noKnowledge()) {
            flags.add(Flag.info(FlagKind.NO_KNOWLEDGE,
                    "No passage sentence answers the question; the draft says we will check."));
        }
        addNoKnowledge(prepared, flags);
        return new Suggestion(draft(prepared, draft.text(), draft.citations(), flags, "offline", "", OFFLINE_VERSION),
                prepared.relevant(), problem);
    }

    private static void addNoKnowledge(Prepared prepared, List<Flag> flags) {
        if (prepared.noKnowledge()) {
            flags.add(Flag.info(FlagKind.NO_KNOWLEDGE, "The knowledge base has nothing relevant to \""
                    + abbreviate(prepared.question()) + "\"; the draft must not guess. Recorded as a knowledge gap."));
        }
    }

    private Draft draft(Prepared prepared, String text, List<Citation> citations, List<Flag> flags, String mode,
                        String modelName, String promptVersion) {
        return new Draft(UUID.randomUUID().toString(), prepared.ticket().id(), DraftState.SUGGESTED, text, text,
                citations, flags, mode, modelName, promptVersion, clock.instant(), Optional.empty(), Optional.empty(),
                Optional.empty(), prepared.agent().name());
    }

    private static PassageRef passageRef(int marker, KnowledgeHit hit) {
        return new PassageRef(marker, hit.articleId(), hit.title(), hit.text(), hit.url());
    }

    private static Citation citation(int marker, KnowledgeHit hit) {
        return new Citation(marker, hit.articleId(), hit.chunkId(), hit.title(), hit.url(),
                hit.hasSimilarity() ? hit.similarity() : hit.score());
    }

    static String problem(ModelCallException e) {
        return switch (e.kind()) {
            case NOT_CONFIGURED -> "no model is configured";
            case TIMEOUT -> "the model did not answer in time";
            case RATE_LIMITED -> "the model is rate-limited";
            case SERVER_ERROR -> "the model's server failed";
            case UNAUTHORIZED -> "the API key was refused";
            case BAD_RESPONSE -> "the model's answer could not be read";
            case CONNECTION -> "the model could not be reached";
            case CANCELLED -> "cancelled";
        } + (e.getMessage() == null || e.getMessage().isBlank() ? "" : ": " + e.getMessage());
    }

    private static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 120 ? oneLine : oneLine.substring(0, 117) + "…";
    }
}
