package io.agentassist.core.persistence;

import io.agentassist.core.model.Author;
import io.agentassist.core.model.Channel;
import io.agentassist.core.model.Customer;
import io.agentassist.core.model.Message;
import io.agentassist.core.model.Ticket;
import io.agentassist.core.model.TicketStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Run in a separate JVM by {@link DatabaseTest}: another app process (a CLI import while the window is open)
 * opening the same embedded database. Saves one ticket and prints how many tickets it sees.
 */
public final class SecondAppProcess {

    public static void main(String[] args) {
        try (Database database = Database.openEmbedded(Path.of(args[0]))) {
            JdbcTicketStore store = new JdbcTicketStore(database);
            store.save(new Ticket(args[1], "from the second process", Channel.CHAT,
                    new Customer("Bo", "bo@example.com", ""), TicketStatus.OPEN,
                    List.of(new Message("m1", Author.CUSTOMER, "hello", Instant.parse("2025-03-01T10:00:00Z")))));
            System.out.println("tickets seen: " + store.list().size());
        }
    }
}
