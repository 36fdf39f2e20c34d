package io.agentassist.app.workspace;

import static io.agentassist.app.workspace.WorkspaceFixture.BEREAVEMENT;
import static io.agentassist.app.workspace.WorkspaceFixture.PARCEL;
import static io.agentassist.app.workspace.WorkspaceFixture.REFUND;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentassist.app.knowledge.KnowledgeBase;
import io.agentassist.app.tasks.SameThreadTaskRunner;
import io.agentassist.app.workspace.SuggestionViewModel.State;
import io.agentassist.core.knowledge.KnowledgeHit;
import io.agentassist.core.model.Author;
import io.agentassist.core.model.Channel;
import io.agentassist.core.model.Customer;
import io.agentassist.core.model.Draft;
import io.agentassist.core.model.DraftState;
import io.agentassist.core.model.FlagKind;
import io.agentassist.core.model.Message;
import io.agentassist.core.model.Ticket;
import io.agentassist.core.model.TicketStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening a ticket offline: conversation, articles, summary and a suggestion, and what a second visit reuses. */
class OpeningATicketTest {
    private static final KnowledgeBase knowledge = WorkspaceFixture.sharedKnowledge();

    @TempDir
    Path data;
    final SameThreadTaskRunner runner = SameThreadTaskRunner.confinedToThisThread();

    private static List<String> articleIds(WorkspaceViewModel workspace) {
        return workspace.articles().hits().stream().map(KnowledgeHit::articleId).toList();
    }

    @Test
    void openingATicketShowsItsConversationArticlesSummaryAndASuggestionInTheEditor() {
        try (WorkspaceFixture fixture = WorkspaceFixture.builder(data, knowledge).open()) {
            WorkspaceViewModel workspace = fixture.viewModel(runner);
            History<State> states = History.of(workspace.suggestion().stateProperty());
            History<SummaryViewModel.State> summaryStates = History.of(workspace.summary().stateProperty());

            workspace.open(REFUND);

            assertThat(workspace.openTicketIdProperty().get()).isEqualTo(REFUND);
            assertThat(workspace.conversation().ticket()).hasValueSatisfying(t -> assertThat(t.id()).isEqualTo(REFUND));
            assertThat(workspace.conversation().messages()).singleElement()
                    .satisfies(m -> assertThat(m.text()).contains("How long until the refund reaches my credit card?"));
            assertThat(articleIds(workspace)).first().isEqualTo("billing/refunds");
            assertThat(workspace.articles().statusProperty().get()).isEqualTo("Fits the conversation");
            assertThat(workspace.articles().loadingProperty().get()).isFalse();
            assertThat(summaryStates.values()).containsExactly(SummaryViewModel.State.NONE,
                    SummaryViewModel.State.LOADING, SummaryViewModel.State.READY);
            assertThat(workspace.summary().summary()).hasValueSatisfying(s -> {
                assertThat(s.mode()).isEqualTo("offline");
                assertThat(s.intent()).contains("refund");
            });
            assertThat(workspace.summary().noteProperty().get()).isEqualTo("Extractive summary (offline).");
            assertThat(states.values()).containsExactly(State.NONE, State.DRAFTING, State.READY);
            Draft suggested = workspace.suggestion().suggestion().orElseThrow().draft();
            assertThat(suggested.text()).startsWith("Hi Maria,").contains("5 to 7 working days", "[1]");
            assertThat(workspace.suggestion().textProperty().get()).isEqualTo(suggested.text());
            assertThat(workspace.suggestion().citations()).extracting(c -> c.articleId()).contains("billing/refunds");
            assertThat(workspace.editor().text()).isEqualTo(suggested.text());
            assertThat(workspace.editor().draft()).hasValueSatisfying(d -> assertThat(d.id()).isEqualTo(suggested.id()));
            assertThat(workspace.editor().aiTextProperty().get()).isTrue();
            assertThat(workspace.editor().staleProperty().get()).isFalse();
            assertThat(workspace.editor().canSendProperty().get()).isTrue();
            assertThat(fixture.drafts().listForTicket(REFUND)).singleElement()
                    .satisfies(d -> assertThat(d.state()).isEqualTo(DraftState.SUGGESTED));
            assertThat(runner.ran()).containsExactly("open " + REFUND, "articles for " + REFUND,
                    "summarise " + REFUND, "suggest a reply for " + REFUND);
        }
    }

    @Test
    void aTicketWhoseLastMessageIsOurReplyIsNotDraftedUntilTheAgentAsks() {
        try (WorkspaceFixture fixture = WorkspaceFixture.builder(data, knowledge).open()) {
            WorkspaceViewModel workspace = fixture.viewModel(runner);

            workspace.open(WorkspaceFixture.PASSWORD);

            assertThat(workspace.suggestion().state()).isEqualTo(State.NONE);
            assertThat(workspace.suggestion().statusProperty().get()).startsWith("The last message is your team's reply");
            assertThat(fixture.drafts().listForTicket(WorkspaceFixture.PASSWORD)).isEmpty();
            assertThat(runner.ran()).doesNotContain("suggest a reply for " + WorkspaceFixture.PASSWORD);

            workspace.regenerate();

            assertThat(workspace.suggestion().state()).isEqualTo(State.READY);
            assertThat(fixture.drafts().listForTicket(WorkspaceFixture.PASSWORD)).hasSize(1);
        }
    }

    @Test
    void offlineTheStatusSaysTheDraftComesFromTheHelpCentre() {
        try (WorkspaceFixture fixture = WorkspaceFixture.builder(data, knowledge).open()) {
            WorkspaceViewModel workspace = fixture.viewModel(runner);
            History<String> status = History.of(workspace.suggestion().statusProperty());

            workspace.open(REFUND);

            assertThat(workspace.offlineProperty().get()).isTrue();
            assertThat(workspace.modelStatusProperty().get())
                    .isEqualTo("Offline: drafts come from the help centre; no language model is configured.");
            assertThat(status.values()).contains("Drafting from the help centre (offline)…");
            assertThat(workspace.suggestion().statusProperty().get())
                    .isEqualTo("Offline draft from the help centre: no language model is configured.");
            assertThat(workspace.suggestion().flags()).extracting(FlagItem::kind).containsExactly(FlagKind.OFFLINE);
            assertThat(runner.ran()).contains("suggest a reply for " + REFUND);
        }
    }

    @Test
    void theFlagsOfASensitiveTicketComeFirstAndStayBesideTheDraftsFlags() {
        try (WorkspaceFixture fixture = WorkspaceFixture.builder(data, knowledge).open()) {
            WorkspaceViewModel workspace = fixture.viewModel(runner);

            workspace.open(BEREAVEMENT);

            assertThat(workspace.suggestion().state()).isEqualTo(State.READY);
            assertThat(workspace.suggestion().flags()).extracting(FlagItem::kind)
                    .containsExactly(FlagKind.SENSITIVE_SITUATION, FlagKind.OFFLINE);
            FlagItem sensitive = workspace.suggestion().flags().getFirst();
            assertThat(sensitive.blocking()).isTrue();
            assertThat(sensitive.aboutTheCustomer()).isTrue();
            assertThat(sensitive.title()).isEqualTo("Sensitive situation");
            assertThat(sensitive.detail()).contains("My father passed away");
            assertThat(runner.ran()).contains("open " + BEREAVEMENT, "suggest a reply for " + BEREAVEMENT);
        }
    }

    @Test
    void reopeningATicketWithAnOpenDraftReusesItInsteadOfSuggestingAgain() {
        try (WorkspaceFixture fixture = WorkspaceFixture.builder(data, knowledge).open()) {
            WorkspaceViewModel workspace = fixture.viewModel(runner);
            workspace.open(REFUND);
            Draft first = workspace.suggestion().suggestion().orElseThrow().draft();
            workspace.open(PARCEL);
            History<State> states = History.of(workspace.suggestion().stateProperty());

            workspace.open(REFUND);

            assertThat(states.values()).containsExactly(State.READY, State.NONE, State.READY);
            assertThat(workspace.suggestion().suggestion()).hasValueSatisfying(s ->
                    assertThat(s.draft().id()).isEqualTo(first.id()));
            assertThat(workspace.suggestion().statusProperty().get()).startsWith("Suggested at ")
                    .endsWith(" (offline draft)");
            assertThat(workspace.editor().text()).isEqualTo(first.text());
            assertThat(workspace.editor().draft()).hasValueSatisfying(d -> assertThat(d.id()).isEqualTo(first.id()));
            assertThat(workspace.editor().aiTextProperty().get()).isTrue();
            assertThat(fixture.drafts().listForTicket(REFUND)).hasSize(1);
            assertThat(runner.ran()).filteredOn(name -> name.equals("suggest a reply for " + REFUND)).hasSize(1);
            assertThat(runner.ran()).filteredOn(name -> name.equals("open " + REFUND)).hasSize(2);
        }
    }

    @Test
    void openingTheTicketThatIsAlreadyOpenChangesNothing() {
        try (WorkspaceFixture fixture = WorkspaceFixture.builder(data, knowledge).open()) {
            WorkspaceViewModel workspace = fixture.viewModel(runner);
            workspace.open(REFUND);
            workspace.editorChanged("Hi Maria, let me check.");
            List<String> before = runner.ran();

            workspace.open(REFUND);

            assertThat(runner.ran()).isEqualTo(before);
            assertThat(workspace.editor().text()).isEqualTo("Hi Maria, let me check.");
        }
    }

    @Test
    void leavingATicketStoresTheEditedTextAndItsUnsentReply() {
        try (WorkspaceFixture fixture = WorkspaceFixture.builder(data, knowledge).open()) {
            WorkspaceViewModel workspace = fixture.viewModel(runner);
            workspace.open(REFUND);
            String draftId = workspace.editor().draft().orElseThrow().id();
            workspace.editorChanged("Hi Maria, refunds take 5 to 7 working days.");
            workspace.editorChanged("Hi Maria, card refunds take 5 to 7 working days [1].");

            workspace.open(PARCEL);

            assertThat(fixture.drafts().find(draftId)).hasValueSatisfying(stored -> {
                assertThat(stored.draft().text()).isEqualTo("Hi Maria, card refunds take 5 to 7 working days [1].");
                assertThat(stored.draft().state()).isEqualTo(DraftState.EDITED);
            });
            assertThat(fixture.unsent().find(REFUND)).hasValueSatisfying(unsent -> {
                assertThat(unsent.text()).isEqualTo("Hi Maria, card refunds take 5 to 7 working days [1].");
                assertThat(unsent.draftId()).contains(draftId);
            });
            assertThat(runner.ran()).contains("stamp the first edit of " + draftId, "save the edit of " + draftId);
        }
    }

    @Test
    void aTicketNoLongerInTheStoreSaysSoEverywhere() {
        try (WorkspaceFixture fixture = WorkspaceFixture.builder(data, knowledge).open()) {
            WorkspaceViewModel workspace = fixture.viewModel(runner);

            workspace.open("T-999");

            assertThat(workspace.suggestion().state()).isEqualTo(State.FAILED);
            assertThat(workspace.suggestion().statusProperty().get()).isEqualTo("Ticket T-999 is no longer in the store.");
            assertThat(workspace.summary().stateProperty().get()).isEqualTo(SummaryViewModel.State.FAILED);
            assertThat(workspace.articles().loadingProperty().get()).isFalse();
            assertThat(workspace.conversation().ticket()).isEmpty();
            assertThat(runner.ran()).containsExactly("open T-999");
        }
    }

    @Test
    void aTicketWithoutACustomerQuestionGetsNoSuggestionButAnEditorThatWorks() {
        Ticket agentOnly = new Ticket("T-200", "Proactive notice", Channel.EMAIL,
                new Customer("Lee Park", "lee@example.com", "en"), TicketStatus.OPEN,
                List.of(new Message("m1", Author.AGENT, "Your order is delayed by a day.",
                        Instant.parse("2026-11-20T09:00:00Z"))));
        try (WorkspaceFixture fixture = WorkspaceFixture.builder(data, knowledge).tickets(List.of(agentOnly)).open()) {
            WorkspaceViewModel workspace = fixture.viewModel(runner);

            workspace.open("T-200");
            workspace.editorChanged("Hi Lee, a quick update: your parcel left today.");

            assertThat(workspace.suggestion().state()).isEqualTo(State.FAILED);
            assertThat(workspace.suggestion().statusProperty().get()).isEqualTo("The customer has not asked anything yet.");
            assertThat(workspace.editor().canSendProperty().get()).isTrue();
            assertThat(workspace.editor().draft()).isEmpty();
            assertThat(runner.ran()).containsExactly("open T-200", "articles for T-200", "summarise T-200");
        }
    }

    @Test
    void whileTheKnowledgeIndexIsBuiltTheSuggestionWaitsAndIsDraftedWhenItIsReady() {
        AtomicBoolean ready = new AtomicBoolean(false);
        try (WorkspaceFixture fixture = WorkspaceFixture.builder(data, knowledge).knowledgeStatus(ready::get).open()) {
            WorkspaceViewModel workspace = fixture.viewModel(runner);
            History<State> states = History.of(workspace.suggestion().stateProperty());

            workspace.open(REFUND);

            assertThat(states.values()).containsExactly(State.NONE, State.WAITING_FOR_KNOWLEDGE);
            assertThat(workspace.suggestion().statusProperty().get())
                    .isEqualTo("Waiting for the knowledge index to be built…");
            assertThat(workspace.articles().loadingProperty().get()).isTrue();
            assertThat(workspace.articles().statusProperty().get()).isEqualTo("The knowledge index is being built…");
            assertThat(workspace.summary().stateProperty().get()).isEqualTo(SummaryViewModel.State.READY);
            assertThat(workspace.editor().text()).isEmpty();
            assertThat(fixture.drafts().listForTicket(REFUND)).isEmpty();
            assertThat(runner.ran()).containsExactly("open " + REFUND, "summarise " + REFUND);

            ready.set(true);
            workspace.knowledgeReady();

            assertThat(states.values()).containsExactly(State.NONE, State.WAITING_FOR_KNOWLEDGE, State.DRAFTING,
                    State.READY);
            assertThat(articleIds(workspace)).first().isEqualTo("billing/refunds");
            assertThat(workspace.editor().text()).startsWith("Hi Maria,");
            assertThat(workspace.editor().aiTextProperty().get()).isTrue();
            assertThat(fixture.drafts().listForTicket(REFUND)).hasSize(1);
            assertThat(runner.ran()).endsWith("articles for " + REFUND, "suggest a reply for " + REFUND);
        }
    }

    @Test
    void whenTheKnowledgeBecomesReadyWhileTheAgentTypesTheSuggestionStaysBesideTheirText() {
        AtomicBoolean ready = new AtomicBoolean(false);
        try (WorkspaceFixture fixture = WorkspaceFixture.builder(data, knowledge).knowledgeStatus(ready::get).open()) {
            WorkspaceViewModel workspace = fixture.viewModel(runner);
            workspace.open(REFUND);
            workspace.editorChanged("Hi Maria, I am looking into it.");

            ready.set(true);
            workspace.knowledgeReady();

            assertThat(workspace.suggestion().state()).isEqualTo(State.READY);
            assertThat(workspace.editor().text()).isEqualTo("Hi Maria, I am looking into it.");
            assertThat(workspace.editor().draft()).isEmpty();
            assertThat(runner.ran()).endsWith("suggest a reply for " + REFUND);
        }
    }
}
