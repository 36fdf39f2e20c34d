package io.agentassist.core.persistence;

import static io.agentassist.core.persistence.JdbcTicketStoreTest.T0;
import static io.agentassist.core.persistence.JdbcTicketStoreTest.customer;
import static io.agentassist.core.persistence.JdbcTicketStoreTest.runConcurrently;
import static io.agentassist.core.persistence.JdbcTicketStoreTest.ticket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentassist.core.model.Citation;
import io.agentassist.core.model.Draft;
import io.agentassist.core.model.DraftState;
import io.agentassist.core.model.Feedback;
import io.agentassist.core.model.Flag;
import io.agentassist.core.model.FlagKind;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass(name = "{0}")
@EnumSource(Backend.class)
class JdbcDraftStoreTest {

    static final Instant SUGGESTED = T0.plusSeconds(30);

    @Parameter
    Backend backend;

    @TempDir
    Path tempDir;

    Database database;
    JdbcDraftStore drafts;

    @BeforeEach
    void openFreshDatabaseWithTwoTickets() {
        database = backend.openFresh(tempDir);
        drafts = new JdbcDraftStore(database);
        JdbcTicketStore tickets = new JdbcTicketStore(database);
        tickets.save(ticket("T-1", customer("m1", "Where is my parcel?", T0)));
        tickets.save(ticket("T-2", customer("m1", "Refund please", T0)));
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void aNewDraftIsLoadedWithItsCitationsAndFlags() {
        Draft draft = draft("D-1", "T-1");

        drafts.saveNew(draft);

        StoredDraft stored = drafts.find("D-1").orElseThrow();
        assertThat(stored.draft()).isEqualTo(draft);
        assertThat(stored.feedback()).isEmpty();
        assertThat(stored.discardedAt()).isEmpty();
        assertThat(stored.supersededAt()).isEmpty();
        assertThat(stored.editDistance()).isEmpty();
        assertThat(stored.editRatio()).isEmpty();
        assertThat(drafts.find("nope")).isEmpty();
    }

    @Test
    void theDraftsOfATicketAreListedOldestFirst() {
        drafts.saveNew(draft("D-2", "T-1", SUGGESTED.plusSeconds(60)));
        drafts.saveNew(draft("D-1", "T-1", SUGGESTED));
        drafts.saveNew(draft("D-3", "T-2", SUGGESTED));

        List<Draft> listed = drafts.listForTicket("T-1");

        assertThat(listed).extracting(Draft::id).containsExactly("D-1", "D-2");
        assertThat(listed.getFirst()).isEqualTo(draft("D-1", "T-1", SUGGESTED));
        assertThat(drafts.listForTicket("T-unknown")).isEmpty();
    }

    @Test
    void theFirstEditIsStampedOnceAndMarksTheDraftEdited() {
        drafts.saveNew(draft("D-1", "T-1"));

        drafts.updateText("D-1", "Hi Jana, your parcel left our warehouse today.", SUGGESTED.plusSeconds(10));
        drafts.updateText("D-1", "Hi Jana, your parcel left our warehouse today [1].", SUGGESTED.plusSeconds(20));

        Draft edited = drafts.find("D-1").orElseThrow().draft();
        assertThat(edited.state()).isEqualTo(DraftState.EDITED);
        assertThat(edited.text()).isEqualTo("Hi Jana, your parcel left our warehouse today [1].");
        assertThat(edited.aiText()).isEqualTo(draft("D-1", "T-1").aiText());
        assertThat(edited.firstEditAt()).contains(SUGGESTED.plusSeconds(10));
    }

    @Test
    void theSameTextAgainIsNotAnEdit() {
        Draft draft = draft("D-1", "T-1");
        drafts.saveNew(draft);

        drafts.updateText("D-1", draft.text(), SUGGESTED.plusSeconds(10));

        Draft unchanged = drafts.find("D-1").orElseThrow().draft();
        assertThat(unchanged.state()).isEqualTo(DraftState.SUGGESTED);
        assertThat(unchanged.firstEditAt()).isEmpty();
    }

    @Test
    void approvingAndSendingStampBothTimes() {
        drafts.saveNew(draft("D-1", "T-1"));

        drafts.transition("D-1", DraftState.APPROVED, SUGGESTED.plusSeconds(40));
        drafts.transition("D-1", DraftState.SENT, SUGGESTED.plusSeconds(41));

        Draft sent = drafts.find("D-1").orElseThrow().draft();
        assertThat(sent.state()).isEqualTo(DraftState.SENT);
        assertThat(sent.approvedAt()).contains(SUGGESTED.plusSeconds(40));
        assertThat(sent.sentAt()).contains(SUGGESTED.plusSeconds(41));
    }

    @Test
    void approvingStoresTheEditFiguresAndTheWorkAlongsideInOneTransaction() {
        drafts.saveNew(draft("D-1", "T-1"));

        drafts.approve("D-1", SUGGESTED.plusSeconds(40), 7, 0.25, c -> {
            try (var update = c.prepareStatement("UPDATE tickets SET subject = 'approved' WHERE id = 'T-1'")) {
                update.executeUpdate();
            }
        });

        StoredDraft stored = drafts.find("D-1").orElseThrow();
        assertThat(stored.draft().state()).isEqualTo(DraftState.APPROVED);
        assertThat(stored.draft().approvedAt()).contains(SUGGESTED.plusSeconds(40));
        assertThat(stored.editDistance()).isEqualTo(OptionalInt.of(7));
        assertThat(stored.editRatio()).isEqualTo(OptionalDouble.of(0.25));
        assertThat(new JdbcTicketStore(database).find("T-1").orElseThrow().subject()).isEqualTo("approved");
    }

    @Test
    void whenTheWorkAlongsideAnApprovalFailsTheDraftStaysOpen() {
        drafts.saveNew(draft("D-1", "T-1"));

        assertThatThrownBy(() -> drafts.approve("D-1", SUGGESTED.plusSeconds(40), 7, 0.25, c -> {
            throw new IllegalStateException("queue refused");
        })).hasMessage("queue refused");

        StoredDraft stored = drafts.find("D-1").orElseThrow();
        assertThat(stored.draft().state()).isEqualTo(DraftState.SUGGESTED);
        assertThat(stored.draft().approvedAt()).isEmpty();
        assertThat(stored.editRatio()).isEmpty();
    }

    @Test
    void aSupersededDraftIsNotApprovedAndTheWorkAlongsideDoesNotRun() {
        drafts.saveNew(draft("D-1", "T-1"));
        drafts.supersedeOpenDrafts("T-1", SUGGESTED.plusSeconds(30));

        assertThatThrownBy(() -> drafts.approve("D-1", SUGGESTED.plusSeconds(40), 0, 0.0, c -> {
            throw new AssertionError("must not run");
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("SUPERSEDED");

        assertThat(drafts.find("D-1").orElseThrow().draft().state()).isEqualTo(DraftState.SUPERSEDED);
    }

    @Test
    void aDiscardedDraftRemembersWhen() {
        drafts.saveNew(draft("D-1", "T-1"));

        drafts.transition("D-1", DraftState.DISCARDED, SUGGESTED.plusSeconds(5));

        StoredDraft stored = drafts.find("D-1").orElseThrow();
        assertThat(stored.draft().state()).isEqualTo(DraftState.DISCARDED);
        assertThat(stored.discardedAt()).contains(SUGGESTED.plusSeconds(5));
    }

    @Test
    void supersedingMarksOnlyTheOpenDraftsOfThatTicket() {
        drafts.saveNew(draft("D-open", "T-1"));
        drafts.saveNew(draft("D-edited", "T-1", SUGGESTED.plusSeconds(1)));
        drafts.updateText("D-edited", "changed", SUGGESTED.plusSeconds(2));
        drafts.saveNew(draft("D-sent", "T-1", SUGGESTED.plusSeconds(3)));
        drafts.transition("D-sent", DraftState.APPROVED, SUGGESTED.plusSeconds(4));
        drafts.transition("D-sent", DraftState.SENT, SUGGESTED.plusSeconds(5));
        drafts.saveNew(draft("D-other", "T-2"));

        List<String> superseded = drafts.supersedeOpenDrafts("T-1", SUGGESTED.plusSeconds(60));

        assertThat(superseded).containsExactly("D-open", "D-edited");
        assertThat(drafts.find("D-open").orElseThrow().supersededAt()).contains(SUGGESTED.plusSeconds(60));
        assertThat(drafts.listForTicket("T-1")).extracting(Draft::state)
                .containsExactly(DraftState.SUPERSEDED, DraftState.SUPERSEDED, DraftState.SENT);
        assertThat(drafts.find("D-other").orElseThrow().draft().state()).isEqualTo(DraftState.SUGGESTED);
        assertThat(drafts.supersedeOpenDrafts("T-1", SUGGESTED.plusSeconds(61))).isEmpty();
    }

    @Test
    void aFinishedDraftCannotChangeAgain() {
        drafts.saveNew(draft("D-1", "T-1"));
        drafts.transition("D-1", DraftState.SUPERSEDED, SUGGESTED.plusSeconds(1));

        assertThatThrownBy(() -> drafts.transition("D-1", DraftState.APPROVED, SUGGESTED.plusSeconds(2)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("draft D-1 is SUPERSEDED; it cannot become APPROVED");
        assertThatThrownBy(() -> drafts.updateText("D-1", "late edit", SUGGESTED.plusSeconds(2)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("draft D-1 is SUPERSEDED; its text can no longer change");
        assertThat(drafts.find("D-1").orElseThrow().draft().state()).isEqualTo(DraftState.SUPERSEDED);
    }

    @Test
    void onlyAnApprovedDraftCanBeSentAndApprovedTextIsFrozen() {
        drafts.saveNew(draft("D-1", "T-1"));

        assertThatThrownBy(() -> drafts.transition("D-1", DraftState.SENT, SUGGESTED))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("draft D-1 is SUGGESTED; it cannot become SENT");
        drafts.transition("D-1", DraftState.APPROVED, SUGGESTED.plusSeconds(1));
        assertThatThrownBy(() -> drafts.updateText("D-1", "sneaky change", SUGGESTED.plusSeconds(2)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> drafts.transition("D-1", DraftState.EDITED, SUGGESTED))
                .isInstanceOf(IllegalArgumentException.class);
        drafts.transition("D-1", DraftState.DISCARDED, SUGGESTED.plusSeconds(3));
        assertThat(drafts.find("D-1").orElseThrow().draft().approvedAt()).contains(SUGGESTED.plusSeconds(1));
    }

    @Test
    void editDistanceAndRatioAreStoredAsGiven() {
        drafts.saveNew(draft("D-1", "T-1"));

        drafts.recordEdit("D-1", 17, 0.125);

        StoredDraft stored = drafts.find("D-1").orElseThrow();
        assertThat(stored.editDistance()).isEqualTo(OptionalInt.of(17));
        assertThat(stored.editRatio()).isEqualTo(OptionalDouble.of(0.125));
        assertThatThrownBy(() -> drafts.recordEdit("D-1", -1, 0.1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> drafts.recordEdit("nope", 1, 0.1)).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void replacingTheFlagsKeepsOnlyTheNewOnes() {
        drafts.saveNew(draft("D-1", "T-1"));

        drafts.replaceFlags("D-1", List.of(Flag.info(FlagKind.OFFLINE, "made without a language model")));

        assertThat(drafts.find("D-1").orElseThrow().draft().flags())
                .containsExactly(Flag.info(FlagKind.OFFLINE, "made without a language model"));
        drafts.replaceFlags("D-1", List.of());
        assertThat(drafts.find("D-1").orElseThrow().draft().flags()).isEmpty();
    }

    @Test
    void feedbackFromSeveralAgentsIsKeptInOrder() {
        drafts.saveNew(draft("D-1", "T-1"));
        Feedback up = new Feedback("D-1", "agent.anna", true, "", SUGGESTED.plusSeconds(10));
        Feedback down = new Feedback("D-1", "agent.ben", false, "cited the old returns policy", SUGGESTED.plusSeconds(20));

        drafts.addFeedback(down);
        drafts.addFeedback(up);

        assertThat(drafts.find("D-1").orElseThrow().feedback()).containsExactly(up, down);
        assertThatThrownBy(() -> drafts.addFeedback(new Feedback("nope", "a", true, "", T0)))
                .isInstanceOf(NoSuchElementException.class)
                .hasMessage("no draft with id \"nope\"");
    }

    @Test
    void unknownDraftsAndTicketsAreReportedByName() {
        assertThatThrownBy(() -> drafts.saveNew(draft("D-1", "T-unknown")))
                .isInstanceOf(NoSuchElementException.class)
                .hasMessage("draft D-1: no ticket with id \"T-unknown\"");
        assertThatThrownBy(() -> drafts.updateText("nope", "x", T0)).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> drafts.transition("nope", DraftState.APPROVED, T0))
                .isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> drafts.replaceFlags("nope", List.of())).isInstanceOf(NoSuchElementException.class);
        assertThat(drafts.find("D-1")).isEmpty();
    }

    @Test
    void aDraftIdCanBeSavedOnlyOnce() {
        drafts.saveNew(draft("D-1", "T-1"));

        assertThatThrownBy(() -> drafts.saveNew(draft("D-1", "T-2")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("draft D-1 already exists");
        assertThat(drafts.listForTicket("T-2")).isEmpty();
    }

    @Test
    void whenApprovalAndSupersedingRaceExactlyOneWins() throws Exception {
        for (int round = 0; round < 10; round++) {
            String id = "D-" + round;
            drafts.saveNew(draft(id, "T-1"));

            List<String> outcomes = runConcurrently(2, i -> () -> {
                if (i == 0) {
                    try {
                        drafts.transition(id, DraftState.APPROVED, SUGGESTED.plusSeconds(5));
                        return "approved";
                    } catch (IllegalStateException lost) {
                        return "approval refused";
                    }
                }
                return drafts.supersedeOpenDrafts("T-1", SUGGESTED.plusSeconds(5)).contains(id)
                        ? "superseded" : "nothing to supersede";
            });

            assertThat(outcomes).isIn(List.of("approved", "nothing to supersede"),
                    List.of("approval refused", "superseded"));
            DraftState state = drafts.find(id).orElseThrow().draft().state();
            assertThat(state).isEqualTo(outcomes.getFirst().equals("approved") ? DraftState.APPROVED
                    : DraftState.SUPERSEDED);
        }
    }

    @Test
    void concurrentFeedbackLosesNothing() throws Exception {
        drafts.saveNew(draft("D-1", "T-1"));

        runConcurrently(6, i -> () -> {
            for (int n = 0; n < 10; n++) {
                drafts.addFeedback(new Feedback("D-1", "agent-" + i, n % 2 == 0, "", SUGGESTED.plusSeconds(n)));
            }
            return null;
        });

        assertThat(drafts.find("D-1").orElseThrow().feedback()).hasSize(60);
    }

    static Draft draft(String id, String ticketId) {
        return draft(id, ticketId, SUGGESTED);
    }

    static Draft draft(String id, String ticketId, Instant suggestedAt) {
        String text = "Hi Jana, your parcel is on its way [1]. Returns are free within 30 days [2].";
        return new Draft(id, ticketId, DraftState.SUGGESTED, text, text,
                List.of(new Citation(1, "shipping/delivery-times", "shipping/delivery-times#0", "Delivery times",
                                "https://help.example.com/delivery", 0.83),
                        new Citation(2, "returns/return-an-item", "returns/return-an-item#2", "Return an item", "", 0.51)),
                List.of(Flag.blocking(FlagKind.UNSUPPORTED_NUMBER, "\"30 days\" is in no cited passage"),
                        Flag.info(FlagKind.FRUSTRATION, "the customer sounds upset")),
                "llm", "gpt-4o-mini", "reply-v3", suggestedAt, Optional.empty(), Optional.empty(), Optional.empty(),
                "agent.anna");
    }
}
