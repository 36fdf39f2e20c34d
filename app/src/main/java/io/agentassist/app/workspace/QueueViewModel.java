package io.agentassist.app.workspace;

import io.agentassist.app.tasks.TaskRunner;
import io.agentassist.core.model.Flag;
import io.agentassist.core.model.FlagKind;
import io.agentassist.core.model.TicketStatus;
import io.agentassist.core.tickets.TicketSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The ticket queue: open tickets first, the longest-waiting on top, then pending, then solved; filtered by
 * status and by text typed in the search box. Loading (and working out each ticket's flags) runs in the
 * background; the list is replaced in one step, so the view never shows half a refresh.
 */
public final class QueueViewModel {

    /** Which tickets the queue shows. */
    public enum StatusFilter {
        ACTIVE("Open and pending"), OPEN("Open"), PENDING("Pending"), SOLVED("Solved"), ALL("All");

        private final String label;

        StatusFilter(String label) {
            this.label = label;
        }

        boolean accepts(TicketStatus status) {
            return switch (this) {
                case ACTIVE -> status != TicketStatus.SOLVED;
                case OPEN -> status == TicketStatus.OPEN;
                case PENDING -> status == TicketStatus.PENDING;
                case SOLVED -> status == TicketStatus.SOLVED;
                case ALL -> true;
            };
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private static final Comparator<QueueItem> QUEUE_ORDER = Comparator
            .comparing((QueueItem item) -> item.status().ordinal())
            .thenComparing(item -> item.waitingSince().orElse(Instant.MAX))
            .thenComparing(QueueItem::ticketId);

    private final TaskRunner runner;
    private final Supplier<WorkspaceServices> services;
    private final ObservableList<QueueItem> items = FXCollections.observableArrayList();
    private final FilteredList<QueueItem> visible = new FilteredList<>(items);
    private final ObservableList<QueueItem> visibleView = FXCollections.unmodifiableObservableList(visible);
    private final ReadOnlyStringWrapper filterText = new ReadOnlyStringWrapper(this, "filterText", "");
    private final ReadOnlyObjectWrapper<StatusFilter> statusFilter =
            new ReadOnlyObjectWrapper<>(this, "statusFilter", StatusFilter.ACTIVE);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyObjectWrapper<Instant> now = new ReadOnlyObjectWrapper<>(this, "now");

    QueueViewModel(TaskRunner runner, Supplier<WorkspaceServices> services) {
        this.runner = runner;
        this.services = services;
        this.now.set(services.get().clock().instant());
        applyFilter();
    }

    /** The tickets passing the filters, in queue order. */
    public ObservableList<QueueItem> visibleItems() {
        return visibleView;
    }

    public ReadOnlyStringProperty filterTextProperty() {
        return filterText.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<StatusFilter> statusFilterProperty() {
        return statusFilter.getReadOnlyProperty();
    }

    /** Why the queue could not be loaded, "" when it could. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The time waiting times are counted to; {@link #tick()} moves it on. */
    public ReadOnlyObjectProperty<Instant> nowProperty() {
        return now.getReadOnlyProperty();
    }

    // Commands

    public void filter(String text) {
        filterText.set(text == null ? "" : text);
        applyFilter();
    }

    public void showStatus(StatusFilter filter) {
        statusFilter.set(filter == null ? StatusFilter.ACTIVE : filter);
        applyFilter();
    }

    /** Moves the clock the waiting times are counted to; the view calls it every half minute. */
    public void tick() {
        now.set(services.get().clock().instant());
    }

    /** Reloads the queue from the store. */
    public void refresh() {
        WorkspaceServices current = services.get();
        runner.submit("load the queue", () -> load(current), this::replace,
                failure -> problem.set("The queue could not be loaded: " + Problems.describe(failure)));
    }

    /** The ticket after (or before, for a negative step) the given one in what the queue shows. */
    public Optional<String> neighbour(String ticketId, int step) {
        if (visible.isEmpty()) {
            return Optional.empty();
        }
        int index = -1;
        for (int i = 0; i < visible.size(); i++) {
            if (visible.get(i).ticketId().equals(ticketId)) {
                index = i;
            }
        }
        int next = index < 0 ? (step > 0 ? 0 : visible.size() - 1) : Math.floorMod(index + step, visible.size());
        return Optional.of(visible.get(next).ticketId());
    }

    private static List<QueueItem> load(WorkspaceServices services) {
        List<QueueItem> loaded = new ArrayList<>();
        for (TicketSummary summary : services.tickets().list()) {
            Set<FlagKind> flags = services.tickets().find(summary.id())
                    .map(ticket -> services.guardrails().checkTicket(ticket).stream().map(Flag::kind)
                            .collect(Collectors.toCollection(() -> EnumSet.noneOf(FlagKind.class))))
                    .orElse(EnumSet.noneOf(FlagKind.class));
            loaded.add(QueueItem.of(summary, flags));
        }
        loaded.sort(QUEUE_ORDER);
        return loaded;
    }

    private void replace(List<QueueItem> loaded) {
        problem.set("");
        tick();
        items.setAll(loaded);
    }

    private void applyFilter() {
        String text = filterText.get();
        StatusFilter status = statusFilter.get();
        visible.setPredicate(item -> status.accepts(item.status()) && item.matches(text));
    }
}
