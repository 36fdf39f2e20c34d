package io.agentassist.app.review;

import io.agentassist.app.tasks.TaskRunner;
import io.agentassist.core.review.Coaching;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The coaching an agent reads: the team lead's reviews of replies this agent sent. {@link #all()} is every
 * review, newest first ("My coaching"); {@link #onTicket()} those of the ticket open in the workspace, shown as
 * a card beside the suggestion.
 */
public final class CoachingViewModel {
    private final TaskRunner runner;
    private final Function<String, List<Coaching>> coachingFor;
    private final String agent;
    private final ObservableList<Coaching> all = FXCollections.observableArrayList();
    private final ObservableList<Coaching> onTicket = FXCollections.observableArrayList();
    private String ticketId = "";
    private int generation;

    /**
     * @param coachingFor the reviews of an agent's sent replies, newest first ({@code ReviewDesk::coachingFor})
     * @param agent       the name this window approves as
     */
    public CoachingViewModel(TaskRunner runner, Function<String, List<Coaching>> coachingFor, String agent) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.coachingFor = Objects.requireNonNull(coachingFor, "coachingFor");
        this.agent = Objects.requireNonNullElse(agent, "").strip();
    }

    // Properties

    /** Every review of this agent's replies, newest first. */
    public ObservableList<Coaching> all() {
        return all;
    }

    /** The reviews of this agent's replies on the open ticket, newest first. */
    public ObservableList<Coaching> onTicket() {
        return onTicket;
    }

    public String agent() {
        return agent;
    }

    // Commands

    /**
     * The workspace opened a ticket: loads the coaching afresh, so new reviews show at once. With none open ("")
     * there is nothing to show and nothing is loaded.
     */
    public void ticketOpened(String opened) {
        ticketId = Objects.requireNonNullElse(opened, "");
        if (ticketId.isBlank()) {
            generation++;
            onTicket.clear();
            return;
        }
        refresh();
    }

    public void refresh() {
        int mine = ++generation;
        String ticket = ticketId;
        if (agent.isBlank()) {
            all.clear();
            onTicket.clear();
            return;
        }
        runner.submit("coaching for " + agent, () -> coachingFor.apply(agent), coaching -> {
            if (mine != generation) {
                return;
            }
            all.setAll(coaching);
            onTicket.setAll(coaching.stream().filter(c -> c.ticketId().equals(ticket)).toList());
        }, failure -> {
            if (mine == generation) {
                onTicket.clear();
            }
        });
    }
}
