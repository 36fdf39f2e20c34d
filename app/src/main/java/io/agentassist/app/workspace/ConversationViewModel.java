package io.agentassist.app.workspace;

import io.agentassist.core.model.Message;
import io.agentassist.core.model.Ticket;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The open conversation: the ticket and its messages, oldest first. New messages are appended rather than
 * the list replaced, so the view can keep the newest in sight without rebuilding what the agent was reading.
 */
public final class ConversationViewModel {
    private final ReadOnlyObjectWrapper<Ticket> ticket = new ReadOnlyObjectWrapper<>(this, "ticket");
    private final ObservableList<Message> messages = FXCollections.observableArrayList();
    private final ObservableList<Message> messagesView = FXCollections.unmodifiableObservableList(messages);

    public ReadOnlyObjectProperty<Ticket> ticketProperty() {
        return ticket.getReadOnlyProperty();
    }

    public Optional<Ticket> ticket() {
        return Optional.ofNullable(ticket.get());
    }

    public ObservableList<Message> messages() {
        return messagesView;
    }

    void show(Ticket shown) {
        boolean sameTicket = ticket.get() != null && shown != null && ticket.get().id().equals(shown.id());
        ticket.set(shown);
        if (shown == null) {
            messages.clear();
        } else if (sameTicket && startsWith(shown.messages(), messages)) {
            messages.addAll(shown.messages().subList(messages.size(), shown.messages().size()));
        } else {
            messages.setAll(shown.messages());
        }
    }

    private static boolean startsWith(List<Message> all, List<Message> prefix) {
        return all.size() >= prefix.size() && all.subList(0, prefix.size()).equals(prefix);
    }
}
