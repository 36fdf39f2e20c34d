package io.agentassist.app.workspace;

import io.agentassist.app.tasks.TaskRunner;
import io.agentassist.app.workspace.ArticlesViewModel.OpenArticle;
import io.agentassist.app.workspace.UnsentReplies.UnsentReply;
import io.agentassist.core.approval.AgentApproval;
import io.agentassist.core.approval.ApprovalRefusedException;
import io.agentassist.core.assist.TicketConversation;
import io.agentassist.core.assist.reply.RephraseService.Tone;
import io.agentassist.core.assist.reply.Suggestion;
import io.agentassist.core.assist.reply.SuggestionObserver;
import io.agentassist.core.assist.summary.CaseSummaryService;
import io.agentassist.core.desk.ApprovalReceipt;
import io.agentassist.core.desk.DraftClosedMeanwhileException;
import io.agentassist.core.knowledge.KnowledgeHit;
import io.agentassist.core.knowledge.KnowledgeQuery;
import io.agentassist.core.knowledge.SearchMode;
import io.agentassist.core.llm.Cancellation;
import io.agentassist.core.model.Author;
import io.agentassist.core.model.Citation;
import io.agentassist.core.model.Draft;
import io.agentassist.core.model.DraftState;
import io.agentassist.core.model.Feedback;
import io.agentassist.core.model.Flag;
import io.agentassist.core.model.Ticket;
import io.agentassist.core.tickets.TicketUpdate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The agent's workspace: queue, conversation, co-pilot and editor, and the flow between them. Opening a
 * ticket loads it, then in parallel finds its articles, summarises it and drafts a reply that streams into
 * the co-pilot. The draft goes into the editor only when the editor is empty; new customer messages mark the
 * editor's draft stale and bring a fresh suggestion, never replacing the agent's text.
 *
 * <p>All work runs through the {@link TaskRunner}; results for a ticket the agent has left are dropped (each
 * opening is a {@link Visit}, and callbacks check they belong to the current one). Nothing here sends: the
 * only way out is {@link #approveAndSend}, which goes through core's {@code ReplyDesk}.
 */
public final class WorkspaceViewModel {
    static final int ARTICLES = 8;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    private final TaskRunner runner;
    private WorkspaceServices services;
    private final QueueViewModel queue;
    private final ConversationViewModel conversation = new ConversationViewModel();
    private final SuggestionViewModel suggestion = new SuggestionViewModel();
    private final ArticlesViewModel articles = new ArticlesViewModel();
    private final SummaryViewModel summary = new SummaryViewModel();
    private final ReplyEditorViewModel editor = new ReplyEditorViewModel();
    private final ReadOnlyStringWrapper modelStatus = new ReadOnlyStringWrapper(this, "modelStatus", "");
    private final ReadOnlyBooleanWrapper offline = new ReadOnlyBooleanWrapper(this, "offline");
    private final ReadOnlyStringWrapper openTicketId = new ReadOnlyStringWrapper(this, "openTicketId", "");
    private Visit visit;
    private boolean editStored;

    /**
     * One opening of one ticket. Work started for a visit reports back only while it is the current one.
     * {@code drafting} is replaced for each new suggestion so that the customer writing again cancels the
     * running one and nothing else.
     */
    private static final class Visit {
        final String ticketId;
        final Cancellation leaving = new Cancellation();
        Cancellation drafting = new Cancellation();
        Ticket ticket;
        boolean draftWanted;

        Visit(String ticketId) {
            this.ticketId = ticketId;
        }

        Cancellation newDrafting() {
            drafting.cancel();
            drafting = new Cancellation();
            return drafting;
        }

        void end() {
            drafting.cancel();
            leaving.cancel();
        }
    }

    public WorkspaceViewModel(TaskRunner runner, WorkspaceServices services) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.services = Objects.requireNonNull(services, "services");
        this.queue = new QueueViewModel(runner, () -> this.services);
        describeModel();
    }

    public QueueViewModel queue() {
        return queue;
    }

    public ConversationViewModel conversation() {
        return conversation;
    }

    public SuggestionViewModel suggestion() {
        return suggestion;
    }

    public ArticlesViewModel articles() {
        return articles;
    }

    public SummaryViewModel summary() {
        return summary;
    }

    public ReplyEditorViewModel editor() {
        return editor;
    }

    /** Which model drafts, or that the co-pilot is offline, and the last model problem. */
    public ReadOnlyStringProperty modelStatusProperty() {
        return modelStatus.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty offlineProperty() {
        return offline.getReadOnlyProperty();
    }

    /** The open ticket's id, "" when none is open. */
    public ReadOnlyStringProperty openTicketIdProperty() {
        return openTicketId.getReadOnlyProperty();
    }

    // Commands: tickets

    /** Loads the queue; call once the window is up. */
    public void start() {
        queue.refresh();
    }

    /** Opens a ticket: conversation, then articles, summary and a suggestion, each as soon as it is ready. */
    public void open(String ticketId) {
        if (visit != null && visit.ticketId.equals(ticketId)) {
            return;
        }
        leaveCurrent();
        Visit opened = new Visit(ticketId);
        visit = opened;
        openTicketId.set(ticketId);
        conversation.show(null);
        suggestion.clear();
        summary.clear();
        articles.clear();
        editor.clear();
        editStored = false;
        WorkspaceServices current = services;
        articles.loading("Finding articles…");
        summary.loading();
        runner.submit("open " + ticketId, () -> Opening.load(current, ticketId), loaded -> {
            if (visit != opened) {
                return;
            }
            if (loaded.ticket().isEmpty()) {
                articles.failed("");
                summary.failed("Ticket " + ticketId + " is no longer in the store.");
                suggestion.failed("Ticket " + ticketId + " is no longer in the store.");
                return;
            }
            opened.ticket = loaded.ticket().get();
            conversation.show(opened.ticket);
            suggestion.ticketFlags(loaded.ticketFlags());
            restore(loaded);
            refreshArticles();
            summarize();
            if (loaded.openDraft().isPresent()) {
                Draft reused = loaded.openDraft().get();
                suggestion.ready(new Suggestion(reused, List.of(), Optional.empty()),
                        "Suggested at " + clock(reused.suggestedAt()) + (reused.mode().equals("offline")
                                ? " (offline draft)" : " by " + reused.model()));
                if (editor.isEmpty()) {
                    editor.load(reused.text(), reused);
                }
            } else if (TicketConversation.question(opened.ticket).isPresent() && answeredLast(opened.ticket)) {
                suggestion.idle("The last message is your team's reply: nothing to answer yet. New drafts one anyway.");
            } else {
                suggest();
            }
        }, failure -> {
            if (visit == opened) {
                String why = "Ticket " + ticketId + " could not be opened: " + Problems.describe(failure);
                articles.failed("");
                summary.failed(why);
                suggestion.failed(why);
            }
        });
    }

    /** Opens the next (step 1) or previous (step -1) ticket in the queue. */
    public void openNeighbour(int step) {
        queue.neighbour(openTicketId.get(), step).ifPresent(this::open);
    }

    /**
     * A ticket changed in the store (the inbox imported a file). Refreshes the queue; when it is the open
     * ticket and the customer wrote, the conversation moves on: articles and summary follow it, open drafts
     * become stale, and a fresh suggestion is drafted beside the agent's text.
     */
    public void ticketChanged(TicketUpdate update) {
        queue.refresh();
        Visit current = visit;
        if (current == null || current.ticket == null || !current.ticketId.equals(update.ticketId())
                || update.newMessageIds().isEmpty()) {
            return;
        }
        WorkspaceServices now = services;
        runner.submit("reload " + update.ticketId(), () -> Reload.of(now, current.ticketId, update), reload -> {
            if (visit != current || reload.ticket().isEmpty()) {
                return;
            }
            current.ticket = reload.ticket().get();
            conversation.show(current.ticket);
            if (!reload.customerWrote()) {
                return;
            }
            suggestion.ticketFlags(reload.ticketFlags());
            editor.superseded();
            if (editor.isEmpty()) {
                editor.clear();
            } else {
                editor.stale(true);
                editor.notice("");
            }
            refreshArticles();
            summarize();
            suggest();
        }, failure -> modelStatus.set("Could not reload " + update.ticketId() + ": " + Problems.describe(failure)));
    }

    /** The knowledge index became ready (first start): whatever waited for it runs now. */
    public void knowledgeReady() {
        Visit current = visit;
        if (current == null || current.ticket == null) {
            return;
        }
        refreshArticles();
        if (current.draftWanted) {
            suggest();
        }
    }

    /** The settings changed the model: new drafts use the new services. The open ticket stays as it is. */
    public void useServices(WorkspaceServices replacement) {
        services = Objects.requireNonNull(replacement, "replacement");
        describeModel();
    }

    // Commands: the suggestion

    /** Drafts a new suggestion for the open ticket, beside whatever the editor holds. */
    public void regenerate() {
        if (visit != null && visit.ticket != null) {
            discardUnusedSuggestion();
            suggest();
        }
    }

    /** Takes the co-pilot's suggestion into the editor (replacing its text: the agent asked for it). */
    public void useSuggestion() {
        Optional<Suggestion> offered = suggestion.suggestion();
        if (offered.isEmpty() || visit == null) {
            return;
        }
        Draft draft = offered.get().draft();
        Optional<Draft> previous = editor.draft().filter(d -> !d.id().equals(draft.id()));
        previous.filter(d -> !d.state().isFinal()).ifPresent(d -> background("discard " + d.id(),
                s -> s.desk().discard(d.id())));
        editor.load(draft.text(), draft);
        editor.notice("");
        editStored = false;
        rememberUnsent();
    }

    /** Asks for a rewrite of the editor's text in another tone; the result is offered as a new suggestion. */
    public void rephrase(Tone tone) {
        Visit current = visit;
        if (current == null || current.ticket == null || editor.isEmpty()) {
            return;
        }
        WorkspaceServices now = services;
        Draft base = asDraft(current.ticket);
        List<KnowledgeHit> passages = suggestion.suggestion().map(Suggestion::passages).filter(p -> !p.isEmpty())
                .orElse(List.copyOf(articles.hits()));
        Cancellation cancellation = current.newDrafting();
        suggestion.drafting("Rewriting " + describe(tone) + "…");
        runner.submit("rephrase " + current.ticketId, () -> {
            Suggestion rewritten = now.rephrasing().rephrase(base, tone, current.ticket, passages, cancellation);
            now.desk().offer(rewritten.draft());
            return rewritten;
        }, rewritten -> {
            if (visit == current) {
                suggestion.ready(rewritten, "Rewritten " + describe(tone) + ". Press Use to take it.");
            }
        }, failure -> {
            if (visit == current) {
                suggestion.failed(Problems.describe(failure));
            }
        });
    }

    /** Thumbs up or down on the suggestion shown, with the agent's reason. */
    public void rate(boolean helpful, String reason) {
        suggestion.suggestion().ifPresent(shown -> {
            suggestion.rated(helpful);
            String agent = services.approver();
            background("feedback on " + shown.draft().id(), s -> s.desk().feedback(
                    new Feedback(shown.draft().id(), agent, helpful, reason, s.clock().instant())));
        });
    }

    // Commands: articles

    /** Searches the knowledge base by hand; a blank query goes back to following the conversation. */
    public void searchArticles(String query) {
        articles.manualQuery(query);
        refreshArticles();
    }

    /** Opens the article of a citation chip, with the cited passage highlighted. */
    public void openCitation(Citation citation) {
        openArticle(citation.articleId(), citation.chunkId());
    }

    /** Opens the article of a search result, with that passage highlighted. */
    public void openHit(KnowledgeHit hit) {
        openArticle(hit.articleId(), hit.chunkId());
    }

    /** The text to put into the reply for a passage: the passage itself, as a paragraph. */
    public String passageForReply(KnowledgeHit hit) {
        return hit.text().strip();
    }

    // Commands: the editor

    /** The agent changed the reply text. Kept on disk at once (crash-safe); the first edit is stamped. */
    public void editorChanged(String text) {
        if (Objects.equals(text, editor.text())) {
            return;
        }
        editor.typed(text);
        rememberUnsent();
        Optional<Draft> draft = editor.draft();
        if (draft.isPresent() && !editStored && !draft.get().state().isFinal() && editor.textChangedFromDraft()) {
            editStored = true;
            String changed = editor.text();
            background("stamp the first edit of " + draft.get().id(), s -> s.desk().edit(draft.get().id(), changed));
        }
    }

    /** The agent looked at a blocking flag and checked it off (or not). */
    public void checkFlag(Flag flag, boolean checked) {
        editor.check(flag, checked);
    }

    /**
     * Approves the editor's text and sends it. Without {@code confirmed}, unresolved blocking flags or a stale
     * draft come back as {@link ApprovalOutcome.NeedsConfirmation} and nothing is stored; with it, those
     * flags count as confirmed by the agent.
     */
    public void approveAndSend(boolean confirmed, Consumer<ApprovalOutcome> outcome) {
        Visit current = visit;
        if (current == null || current.ticket == null) {
            outcome.accept(new ApprovalOutcome.Refused("Open a ticket first."));
            return;
        }
        if (editor.isEmpty()) {
            outcome.accept(new ApprovalOutcome.Refused("The reply is empty."));
            return;
        }
        // The flags of the draft the editor's text comes from, not of whatever the co-pilot shows meanwhile
        // (a regenerated or rewritten suggestion, or none while drafting): those are the flags confirmed below.
        List<FlagItem> toLookAt = editor.draft()
                .map(d -> Stream.concat(suggestion.flags().stream().filter(FlagItem::aboutTheCustomer),
                        d.flags().stream().map(FlagItem::of)).distinct().toList())
                .orElseGet(() -> List.copyOf(suggestion.flags()));
        List<FlagItem> unresolved = toLookAt.stream()
                .filter(FlagItem::blocking)
                .filter(item -> !editor.checkedFlags().contains(item.flag()))
                .toList();
        boolean stale = editor.staleProperty().get();
        if (!confirmed && (!unresolved.isEmpty() || stale)) {
            outcome.accept(new ApprovalOutcome.NeedsConfirmation(unresolved, stale));
            return;
        }
        WorkspaceServices now = services;
        String text = editor.text();
        Optional<Draft> draft = editor.draft().filter(d -> !stale);
        List<Flag> confirmedFlags = draft.map(Draft::flags).orElse(List.of()).stream().filter(Flag::blocking).toList();
        // An approval names a person (core refuses a blank one), never the profile's "Support team".
        String agent = now.approver();
        editor.busy(true);
        editor.notice("Sending…");
        runner.submit("approve and send for " + current.ticketId, () -> {
            if (draft.isPresent()) {
                try {
                    now.desk().edit(draft.get().id(), text);
                } catch (IllegalStateException closedMeanwhile) {
                    // Superseded or discarded elsewhere since it was shown: the approval refuses it and says why.
                }
            }
            AgentApproval approval = draft
                    .map(d -> AgentApproval.ofDraft(agent, current.ticketId, d, text, confirmedFlags))
                    .orElseGet(() -> AgentApproval.written(agent, current.ticketId, text));
            ApprovalReceipt receipt = now.desk().approveAndSend(approval);
            now.unsent().forget(current.ticketId);
            return new Sent(receipt, now.tickets().find(current.ticketId));
        }, sent -> {
            editor.busy(false);
            if (visit == current) {
                editor.clear();
                editor.notice("Sent at " + clock(sent.receipt().approvedAt()) + ".");
                sent.ticket().ifPresent(ticket -> {
                    current.ticket = ticket;
                    conversation.show(ticket);
                });
                current.newDrafting(); // a suggestion still being written answers what was just answered
                suggestion.sent();
            }
            queue.refresh();
            outcome.accept(new ApprovalOutcome.Sent(sent.receipt()));
        }, failure -> {
            editor.busy(false);
            String why = refusal(failure);
            if (visit == current) {
                if (draftClosed(failure)) {
                    // As the refusal says: the text can now go out as the agent's own reply, once confirmed.
                    editor.superseded();
                    editor.stale(true);
                }
                editor.notice("Not sent: " + why);
            }
            outcome.accept(new ApprovalOutcome.Refused(why));
        });
    }

    /** Writes what is pending (the unsent reply, the edited draft text); call when the window closes. */
    public void shutdown() {
        leaveCurrent();
        services.unsent().flush();
    }

    // Internals

    private record Sent(ApprovalReceipt receipt, Optional<Ticket> ticket) {
    }

    /** What opening a ticket loads in one background step. */
    record Opening(Optional<Ticket> ticket, List<Flag> ticketFlags, Optional<UnsentReply> unsent,
                   Optional<Draft> unsentDraft, Optional<Draft> openDraft) {

        static Opening load(WorkspaceServices services, String ticketId) {
            Optional<Ticket> ticket = services.tickets().find(ticketId);
            if (ticket.isEmpty()) {
                return new Opening(ticket, List.of(), Optional.empty(), Optional.empty(), Optional.empty());
            }
            List<Flag> flags = services.guardrails().checkTicket(ticket.get());
            List<Draft> drafts = services.drafts().listForTicket(ticketId);
            Optional<UnsentReply> unsent = services.unsent().find(ticketId);
            Optional<Draft> unsentDraft = unsent.flatMap(UnsentReply::draftId)
                    .flatMap(id -> drafts.stream().filter(d -> d.id().equals(id)).findFirst());
            Optional<Draft> open = drafts.stream()
                    .filter(d -> d.state() == DraftState.SUGGESTED || d.state() == DraftState.EDITED)
                    .max(Comparator.comparing(Draft::suggestedAt));
            return new Opening(ticket, flags, unsent, unsentDraft, open);
        }
    }

    /** A reloaded ticket after an inbox update; on a customer message the open drafts are superseded. */
    /** {@code ticketFlags} are worked out here, off the FX thread, when the customer wrote. */
    record Reload(Optional<Ticket> ticket, boolean customerWrote, List<Flag> ticketFlags) {

        static Reload of(WorkspaceServices services, String ticketId, TicketUpdate update) {
            Optional<Ticket> ticket = services.tickets().find(ticketId);
            boolean customerWrote = ticket.map(t -> t.messages().stream()
                    .filter(m -> update.newMessageIds().contains(m.id()))
                    .anyMatch(m -> m.author() == Author.CUSTOMER)).orElse(false);
            if (customerWrote) {
                services.desk().customerWroteAgain(ticketId);
            }
            List<Flag> flags = customerWrote ? services.guardrails().checkTicket(ticket.orElseThrow()) : List.of();
            return new Reload(ticket, customerWrote, flags);
        }
    }

    /** Whether the team wrote after the customer's newest message: the next move is the customer's. */
    static boolean answeredLast(Ticket ticket) {
        for (int i = ticket.messages().size() - 1; i >= 0; i--) {
            switch (ticket.messages().get(i).author()) {
                case AGENT -> {
                    return true;
                }
                case CUSTOMER -> {
                    return false;
                }
                case INTERNAL_NOTE -> { }
            }
        }
        return false;
    }

    private void restore(Opening loaded) {
        if (loaded.unsent().isEmpty()) {
            return;
        }
        UnsentReply unsent = loaded.unsent().get();
        Draft draft = loaded.unsentDraft().orElse(null);
        editor.load(unsent.text(), draft);
        boolean closed = draft != null && draft.state().isFinal();
        editor.stale(closed);
        editor.notice("Restored your unsent reply from " + clock(unsent.savedAt()) + "."
                + (closed ? " Its suggestion is out of date: the customer wrote again." : ""));
    }

    private void suggest() {
        Visit current = visit;
        WorkspaceServices now = services;
        if (!now.knowledge().ready()) {
            current.draftWanted = true;
            suggestion.waitingForKnowledge();
            return;
        }
        current.draftWanted = false;
        if (TicketConversation.question(current.ticket).isEmpty()) {
            suggestion.failed("The customer has not asked anything yet.");
            return;
        }
        Cancellation cancellation = current.newDrafting();
        Ticket ticket = current.ticket;
        suggestion.drafting(now.modelConfigured() ? "Drafting with " + now.modelDescription() + "…"
                : "Drafting from the help centre (offline)…");
        SuggestionObserver observer = new SuggestionObserver() {
            @Override
            public void progress(String textSoFar) {
                runner.onUi(() -> {
                    if (visit == current && current.drafting == cancellation) {
                        suggestion.progress(textSoFar);
                    }
                });
            }

            @Override
            public void retrying(String reason) {
                runner.onUi(() -> {
                    if (visit == current && current.drafting == cancellation) {
                        suggestion.retrying(reason);
                        modelStatus.set("Model retrying: " + reason);
                    }
                });
            }

            @Override
            public void completed(Suggestion finished) {
                Runnable show = () -> {
                    if (visit == current && current.drafting == cancellation) {
                        showSuggestion(finished, now);
                    }
                };
                try {
                    now.desk().offer(finished.draft());
                } catch (RuntimeException e) {
                    runner.onUi(() -> {
                        if (visit == current) {
                            suggestion.failed("The suggestion could not be stored: " + Problems.describe(e));
                        }
                    });
                    return;
                }
                runner.onUi(show);
            }
        };
        runner.submit("suggest a reply for " + current.ticketId, () -> {
            now.suggestions().suggest(ticket, now.agent(), List.of(), observer, cancellation);
            return null;
        }, ignored -> { }, failure -> {
            if (visit == current) {
                suggestion.failed("No suggestion: " + Problems.describe(failure) + ". You can write the reply yourself.");
            }
        });
    }

    private void showSuggestion(Suggestion finished, WorkspaceServices now) {
        String why;
        if (finished.modelProblem().isPresent()) {
            why = "The model failed (" + finished.modelProblem().get() + "): this is an offline draft.";
            modelStatus.set("Model failed: " + finished.modelProblem().get());
        } else if (finished.offline()) {
            why = "Offline draft from the help centre: no language model is configured.";
        } else {
            why = "Drafted by " + finished.draft().model() + ".";
            describeModel();
        }
        suggestion.ready(finished, why);
        if (editor.isEmpty() && !editor.busyProperty().get()) {
            editor.load(finished.draft().text(), finished.draft());
            editor.notice("");
            editStored = false;
            rememberUnsent();
        }
    }

    private void summarize() {
        Visit current = visit;
        Ticket ticket = current.ticket;
        CaseSummaryService summaries = services.summaries();
        summary.loading();
        runner.submit("summarise " + current.ticketId, () -> summaries.summarize(ticket, current.leaving), result -> {
            if (visit == current) {
                summary.show(result.summary(), result.modelProblem()
                        .map(problem -> "The model failed (" + problem + "): extractive summary.")
                        .orElse(result.summary().mode().equals("offline") ? "Extractive summary (offline)." : ""));
            }
        }, failure -> {
            if (visit == current) {
                summary.failed("No summary: " + Problems.describe(failure));
            }
        });
    }

    private void refreshArticles() {
        Visit current = visit;
        if (current == null || current.ticket == null) {
            return;
        }
        WorkspaceServices now = services;
        if (!now.knowledge().ready()) {
            articles.loading("The knowledge index is being built…");
            return;
        }
        String manual = articles.manualQueryProperty().get();
        KnowledgeQuery query = manual.isBlank()
                ? KnowledgeQuery.of(TicketConversation.of(current.ticket), ARTICLES)
                : KnowledgeQuery.ofText(manual, SearchMode.HYBRID, ARTICLES);
        articles.loading(manual.isBlank() ? "Finding articles…" : "Searching…");
        runner.submit("articles for " + current.ticketId, () -> now.search().search(query), hits -> {
            if (visit == current && manual.equals(articles.manualQueryProperty().get())) {
                articles.show(hits, manual.isBlank()
                        ? (hits.isEmpty() ? "No article fits this conversation." : "Fits the conversation")
                        : hits.size() + " results for \u201C" + manual + "\u201D");
            }
        }, failure -> {
            if (visit == current) {
                articles.failed("Search failed: " + Problems.describe(failure));
            }
        });
    }

    private void openArticle(String articleId, String chunkId) {
        WorkspaceServices now = services;
        runner.submit("open article " + articleId, () -> now.articles().article(articleId), found -> {
            if (found.isPresent()) {
                articles.open(new OpenArticle(found.get(), chunkId));
            } else {
                articles.failed("Article " + articleId + " is not in the index any more.");
            }
        }, failure -> articles.failed("Article " + articleId + " could not be read: " + Problems.describe(failure)));
    }

    private void leaveCurrent() {
        Visit left = visit;
        if (left == null) {
            return;
        }
        left.end();
        rememberUnsent();
        Optional<Draft> draft = editor.draft();
        if (draft.isPresent() && !draft.get().state().isFinal() && editor.textChangedFromDraft()) {
            String text = editor.text();
            background("save the edit of " + draft.get().id(), s -> s.desk().edit(draft.get().id(), text));
        }
        visit = null;
    }

    private void discardUnusedSuggestion() {
        suggestion.suggestion().map(Suggestion::draft)
                .filter(d -> editor.draft().map(e -> !e.id().equals(d.id())).orElse(true))
                .filter(d -> !d.state().isFinal())
                .ifPresent(d -> background("discard " + d.id(), s -> s.desk().discard(d.id())));
    }

    /** Journals the agent's work; an untouched suggestion is not theirs (it is in the store) and is forgotten. */
    private void rememberUnsent() {
        Visit current = visit;
        if (current == null) {
            return;
        }
        if (editor.aiTextProperty().get()) {
            services.unsent().forget(current.ticketId);
            return;
        }
        services.unsent().remember(new UnsentReply(current.ticketId, editor.draft().map(Draft::id), editor.text(),
                services.clock().instant()));
    }

    /** The editor's text as a draft, for the tone tools: the linked suggestion, or a reply written by hand. */
    private Draft asDraft(Ticket ticket) {
        return editor.draft()
                .map(d -> new Draft(d.id(), d.ticketId(), d.state(), d.aiText(), editor.text(), d.citations(),
                        d.flags(), d.mode(), d.model(), d.promptVersion(), d.suggestedAt(), d.firstEditAt(),
                        d.approvedAt(), d.sentAt(), d.agent()))
                .orElseGet(() -> new Draft("written-" + UUID.randomUUID(), ticket.id(), DraftState.EDITED, "",
                        editor.text(), List.of(), List.of(), "", "", "", services.clock().instant(),
                        Optional.empty(), Optional.empty(), Optional.empty(), services.agent().name()));
    }

    private void background(String name, Consumer<WorkspaceServices> work) {
        WorkspaceServices now = services;
        runner.submit(name, () -> {
            work.accept(now);
            return null;
        }, ignored -> { }, failure -> editor.notice(name + " failed: " + Problems.describe(failure)));
    }

    private void describeModel() {
        offline.set(!services.modelConfigured());
        modelStatus.set(services.modelConfigured() ? "Model: " + services.modelDescription()
                : "Offline: drafts come from the help centre; no language model is configured.");
    }

    private static String refusal(Throwable failure) {
        if (failure instanceof ApprovalRefusedException refused) {
            return switch (refused.reason()) {
                case NO_AGENT -> "no agent name is set; add yours in Settings.";
                case DRAFT_CLOSED -> "this suggestion is closed (the customer wrote again); send it as your own reply.";
                default -> refused.getMessage();
            };
        }
        if (failure instanceof DraftClosedMeanwhileException) {
            return "the customer wrote again while sending; read the new message first.";
        }
        return Problems.describe(failure);
    }

    private static boolean draftClosed(Throwable failure) {
        return failure instanceof DraftClosedMeanwhileException
                || failure instanceof ApprovalRefusedException refused
                && refused.reason() == ApprovalRefusedException.Reason.DRAFT_CLOSED;
    }

    private static String describe(Tone tone) {
        return switch (tone) {
            case SHORTER -> "shorter";
            case FRIENDLIER -> "friendlier";
            case MORE_FORMAL -> "more formally";
        };
    }

    private static String clock(java.time.Instant at) {
        return CLOCK.format(at.atZone(ZoneId.systemDefault()));
    }
}
