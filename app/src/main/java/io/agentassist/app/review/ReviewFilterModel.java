package io.agentassist.app.review;

import io.agentassist.core.model.Channel;
import io.agentassist.core.model.FlagKind;
import io.agentassist.core.review.DateRange;
import io.agentassist.core.review.Rating;
import io.agentassist.core.review.ReviewFilter;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The filter the review table, the CSV export and the dashboard share: agent, days (both ends inclusive, in the
 * lead's zone), channel, flag and rating. A {@code null} value means "any". Changing any of them fires
 * {@link #onChange}; the review and dashboard models refresh on it.
 */
public final class ReviewFilterModel {
    /** How many days back the range starts by default: four weeks, today included. */
    static final int DEFAULT_DAYS = 28;

    private final ZoneId zone;
    private final ObjectProperty<String> agent = new SimpleObjectProperty<>(this, "agent");
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>(this, "from");
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>(this, "to");
    private final ObjectProperty<Channel> channel = new SimpleObjectProperty<>(this, "channel");
    private final ObjectProperty<FlagKind> flag = new SimpleObjectProperty<>(this, "flag");
    private final ObjectProperty<Rating> rating = new SimpleObjectProperty<>(this, "rating");
    private final ObservableList<String> agents = FXCollections.observableArrayList();
    private final ObservableList<Runnable> listeners = FXCollections.observableArrayList();

    /** The last {@value #DEFAULT_DAYS} days up to {@code today}, everybody, every channel. */
    public ReviewFilterModel(LocalDate today, ZoneId zone) {
        this.zone = zone;
        from.set(today.minusDays(DEFAULT_DAYS - 1));
        to.set(today);
        for (var property : java.util.List.of(agent, from, to, channel, flag, rating)) {
            property.addListener((o, was, now) -> listeners.forEach(Runnable::run));
        }
    }

    // Properties

    public ObjectProperty<String> agentProperty() {
        return agent;
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    public ObjectProperty<Channel> channelProperty() {
        return channel;
    }

    public ObjectProperty<FlagKind> flagProperty() {
        return flag;
    }

    public ObjectProperty<Rating> ratingProperty() {
        return rating;
    }

    /** The agents who sent replies in the date range, for the agent choice. */
    public ObservableList<String> agents() {
        return agents;
    }

    public ZoneId zone() {
        return zone;
    }

    // Commands

    /** Calls {@code listener} after every change of a criterion. */
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    /** Back to the default: everybody, every channel, flag and rating; the dates stay. */
    public void clearCriteria() {
        agent.set(null);
        channel.set(null);
        flag.set(null);
        rating.set(null);
    }

    /**
     * The criteria as core's filter. Days given the wrong way round are swapped, so that a lead picking the end
     * before the start still gets the range they meant.
     */
    public ReviewFilter filter() {
        return new ReviewFilter(agent.get() == null ? Set.of() : Set.of(agent.get()), range(),
                Optional.ofNullable(channel.get()), Optional.ofNullable(flag.get()), Optional.ofNullable(rating.get()));
    }

    /** Only the days: what the agent choice lists agents from. */
    ReviewFilter dateFilter() {
        return ReviewFilter.all().dates(range());
    }

    public DateRange range() {
        Optional<LocalDate> start = Optional.ofNullable(from.get());
        Optional<LocalDate> end = Optional.ofNullable(to.get());
        if (start.isPresent() && end.isPresent() && start.get().isAfter(end.get())) {
            return new DateRange(end, start, zone);
        }
        return new DateRange(start, end, zone);
    }
}
