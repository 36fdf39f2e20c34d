package io.agentassist.app.workspace;

import static io.agentassist.app.workspace.WorkspaceFixture.BEREAVEMENT;
import static io.agentassist.app.workspace.WorkspaceFixture.PARCEL;
import static io.agentassist.app.workspace.WorkspaceFixture.PASSWORD;
import static io.agentassist.app.workspace.WorkspaceFixture.REFUND;
import static io.agentassist.app.workspace.WorkspaceFixture.SOLVED_RETURN;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentassist.app.knowledge.KnowledgeBase;
import io.agentassist.app.tasks.SameThreadTaskRunner;
import io.agentassist.app.workspace.QueueViewModel.StatusFilter;
import io.agentassist.core.model.FlagKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ticket queue: order, filters, flags, waiting times, moving between tickets, and a store that fails. */
class QueueViewModelTest {
    private static final KnowledgeBase knowledge = WorkspaceFixture.sharedKnowledge();

    @TempDir
    Path data;
    WorkspaceFixture fixture;
    SameThreadTaskRunner runner;
    WorkspaceViewModel workspace;

    @BeforeEach
    void openTheWorkspace() {
        fixture = WorkspaceFixture.builder(data, knowledge).open();
        runner = SameThreadTaskRunner.confinedToThisThread();
        workspace = fixture.viewModel(runner);
    }

    @AfterEach
    void closeTheFixture() {
        fixture.close();
    }

    private List<String> shownIds() {
        return workspace.queue().visibleItems().stream().map(QueueItem::ticketId).toList();
    }

    private QueueItem item(String ticketId) {
        return workspace.queue().visibleItems().stream().filter(item -> item.ticketId().equals(ticketId)).findFirst()
                .orElseThrow();
    }

    @Test
    void theQueueListsOpenBeforePendingBeforeSolvedWithTheLongestWaitingFirst() {
        workspace.start();
        workspace.queue().showStatus(StatusFilter.ALL);

        assertThat(shownIds()).containsExactly(PARCEL, REFUND, BEREAVEMENT, PASSWORD, SOLVED_RETURN);
        assertThat(workspace.queue().problemProperty().get()).isEmpty();
        assertThat(runner.ran()).containsExactly("load the queue");
    }

    @Test
    void byDefaultTheQueueShowsOpenAndPendingTicketsOnly() {
        workspace.start();

        assertThat(workspace.queue().statusFilterProperty().get()).isEqualTo(StatusFilter.ACTIVE);
        assertThat(shownIds()).containsExactly(PARCEL, REFUND, BEREAVEMENT, PASSWORD);
        assertThat(runner.ran()).containsExactly("load the queue");
    }

    @Test
    void theTextFilterMatchesIdSubjectOrCustomerIgnoringCase() {
        workspace.start();

        workspace.queue().filter("PARCEL");
        assertThat(shownIds()).containsExactly(PARCEL);
        workspace.queue().filter(" maria ");
        assertThat(shownIds()).containsExactly(REFUND);
        workspace.queue().filter("t-103");
        assertThat(shownIds()).containsExactly(PASSWORD);
        workspace.queue().filter("nobody writes this");
        assertThat(shownIds()).isEmpty();
        workspace.queue().filter("");
        assertThat(shownIds()).containsExactly(PARCEL, REFUND, BEREAVEMENT, PASSWORD);
        assertThat(runner.ran()).containsExactly("load the queue");
    }

    @Test
    void theStatusFilterCombinesWithTheTextFilter() {
        workspace.start();

        workspace.queue().showStatus(StatusFilter.PENDING);
        assertThat(shownIds()).containsExactly(PASSWORD);
        workspace.queue().showStatus(StatusFilter.SOLVED);
        assertThat(shownIds()).containsExactly(SOLVED_RETURN);
        workspace.queue().showStatus(StatusFilter.OPEN);
        workspace.queue().filter("return");
        assertThat(shownIds()).as("the solved \"Return label\" is filtered out by status").containsExactly(BEREAVEMENT);
        workspace.queue().showStatus(StatusFilter.ALL);
        assertThat(shownIds()).containsExactly(BEREAVEMENT, SOLVED_RETURN);
        assertThat(runner.ran()).as("filtering reloads nothing").containsExactly("load the queue");
    }

    @Test
    void aFrustratedAndASensitiveTicketShowTheirFlagsInTheQueue() {
        workspace.start();

        assertThat(item(PARCEL).flags()).containsExactly(FlagKind.FRUSTRATION);
        assertThat(item(BEREAVEMENT).flags()).containsExactly(FlagKind.SENSITIVE_SITUATION);
        assertThat(item(REFUND).flags()).isEmpty();
        assertThat(runner.ran()).containsExactly("load the queue");
    }

    @Test
    void waitingTimeCountsToTheClockAndMovesOnWithEachTick() {
        workspace.start();
        QueueItem parcel = item(PARCEL);

        assertThat(workspace.queue().nowProperty().get()).isEqualTo(WorkspaceFixture.NOW);
        assertThat(parcel.waiting(workspace.queue().nowProperty().get())).isEqualTo(Duration.ofHours(2));
        assertThat(QueueItem.shortDuration(parcel.waiting(workspace.queue().nowProperty().get()))).isEqualTo("2 h");

        fixture.clock().advance(Duration.ofMinutes(5));
        assertThat(parcel.waiting(workspace.queue().nowProperty().get())).as("not before the tick")
                .isEqualTo(Duration.ofHours(2));
        workspace.queue().tick();

        assertThat(QueueItem.shortDuration(parcel.waiting(workspace.queue().nowProperty().get())))
                .isEqualTo("2 h 5 min");
        assertThat(QueueItem.shortDuration(item(REFUND).waiting(workspace.queue().nowProperty().get())))
                .isEqualTo("35 min");
        workspace.queue().showStatus(StatusFilter.SOLVED);
        assertThat(item(SOLVED_RETURN).waiting(workspace.queue().nowProperty().get())).isZero();
        assertThat(runner.ran()).as("a tick reloads nothing").containsExactly("load the queue");
    }

    @Test
    void neighbourNavigationFollowsTheQueueAsShownAndWrapsAround() {
        workspace.start();

        workspace.openNeighbour(1);
        assertThat(workspace.openTicketIdProperty().get()).as("nothing open: the first").isEqualTo(PARCEL);
        workspace.openNeighbour(1);
        assertThat(workspace.openTicketIdProperty().get()).isEqualTo(REFUND);
        assertThat(workspace.conversation().ticket()).hasValueSatisfying(t -> assertThat(t.id()).isEqualTo(REFUND));
        workspace.openNeighbour(-1);
        assertThat(workspace.openTicketIdProperty().get()).isEqualTo(PARCEL);
        workspace.openNeighbour(-1);
        assertThat(workspace.openTicketIdProperty().get()).as("wraps to the last one shown").isEqualTo(PASSWORD);

        workspace.queue().filter("re");
        assertThat(shownIds()).containsExactly(PARCEL, REFUND, BEREAVEMENT);
        workspace.openNeighbour(1);
        assertThat(workspace.openTicketIdProperty().get()).as("the open ticket is filtered out: the first shown")
                .isEqualTo(PARCEL);
        assertThat(runner.ran()).contains("open " + PARCEL, "open " + REFUND, "open " + PASSWORD);
    }

    @Test
    void aQueueThatCannotBeLoadedSaysWhyAndRecoversOnTheNextLoad() {
        fixture.database().close();

        workspace.start();

        assertThat(workspace.queue().problemProperty().get())
                .startsWith("The queue could not be loaded: ")
                .contains("the database is closed");
        assertThat(shownIds()).isEmpty();
        assertThat(runner.ran()).containsExactly("load the queue");

        fixture = fixture.restart();
        workspace.useServices(fixture.services());
        workspace.queue().refresh();

        assertThat(workspace.queue().problemProperty().get()).isEmpty();
        assertThat(shownIds()).containsExactly(PARCEL, REFUND, BEREAVEMENT, PASSWORD);
        assertThat(runner.ran()).containsExactly("load the queue", "load the queue");
    }
}
