package io.agentassist.core.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentassist.core.model.Author;
import io.agentassist.core.model.Channel;
import io.agentassist.core.model.Customer;
import io.agentassist.core.model.Message;
import io.agentassist.core.model.Ticket;
import io.agentassist.core.model.TicketStatus;
import io.agentassist.core.tickets.TicketSummary;
import io.agentassist.core.tickets.TicketUpdate;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass(name = "{0}")
@EnumSource(Backend.class)
class JdbcTicketStoreTest {

    static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");

    @Parameter
    Backend backend;

    @TempDir
    Path tempDir;

    Database database;
    JdbcTicketStore store;

    @BeforeEach
    void openFreshDatabase() {
        database = backend.openFresh(tempDir);
        store = new JdbcTicketStore(database);
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void aSavedTicketIsFoundWithItsMessagesOldestFirst() {
        Ticket ticket = ticket("T-1", customer("m1", "Mein Paket ist nicht angekommen 📦", T0.plusSeconds(60)),
                agent("m2", "Sorry to hear that, let me check.", T0.plusSeconds(120)),
                customer("m0", "Hello?", T0));

        TicketUpdate update = store.save(ticket);

        assertThat(update).isEqualTo(new TicketUpdate("T-1", true, List.of("m1", "m2", "m0")));
        Ticket found = store.find("T-1").orElseThrow();
        assertThat(found.subject()).isEqualTo("Where is my parcel?");
        assertThat(found.channel()).isEqualTo(Channel.EMAIL);
        assertThat(found.status()).isEqualTo(TicketStatus.OPEN);
        assertThat(found.customer()).isEqualTo(new Customer("Jana Nováková", "jana@example.com", "de"));
        assertThat(found.messages()).extracting(Message::id).containsExactly("m0", "m1", "m2");
        assertThat(found.messages().get(1)).isEqualTo(ticket.messages().get(0));
    }

    @Test
    void messagesWithTheSameTimeKeepTheOrderTheyWereAddedIn() {
        store.save(ticket("T-1", customer("b", "first", T0), customer("a", "second", T0)));
        store.appendMessages("T-1", List.of(customer("0", "third", T0)));

        assertThat(store.find("T-1").orElseThrow().messages()).extracting(Message::text)
                .containsExactly("first", "second", "third");
    }

    @Test
    void timesAreKeptToTheMicrosecond() {
        Instant precise = Instant.parse("2025-03-01T09:00:00.123456789Z");

        store.save(ticket("T-1", customer("m1", "hi", precise)));

        assertThat(store.find("T-1").orElseThrow().messages().getFirst().at())
                .isEqualTo(Instant.parse("2025-03-01T09:00:00.123456Z"));
    }

    @Test
    void anUnknownTicketIsNotFound() {
        assertThat(store.find("nope")).isEmpty();
    }

    @Test
    void savingAgainReplacesTheTicketFieldsAndNeverChangesStoredMessages() {
        store.save(ticket("T-1", customer("m1", "original text", T0)));

        Ticket changed = new Ticket("T-1", "Parcel lost", Channel.CHAT, new Customer("Jana N.", "jana@new.example", "cs"),
                TicketStatus.PENDING, List.of(customer("m1", "rewritten text", T0), customer("m2", "more", T0.plusSeconds(5))));
        TicketUpdate update = store.save(changed);

        assertThat(update).isEqualTo(new TicketUpdate("T-1", false, List.of("m2")));
        Ticket found = store.find("T-1").orElseThrow();
        assertThat(found.subject()).isEqualTo("Parcel lost");
        assertThat(found.channel()).isEqualTo(Channel.CHAT);
        assertThat(found.status()).isEqualTo(TicketStatus.PENDING);
        assertThat(found.customer()).isEqualTo(new Customer("Jana N.", "jana@new.example", "cs"));
        assertThat(found.messages()).extracting(Message::text).containsExactly("original text", "more");
    }

    @Test
    void importingTheSameTicketTwiceAddsNothing() {
        Ticket ticket = ticket("T-1", customer("m1", "hi", T0), agent("m2", "hello", T0.plusSeconds(1)));

        TicketUpdate first = store.importTicket(ticket);
        TicketUpdate second = store.importTicket(ticket);

        assertThat(first.changedAnything()).isTrue();
        assertThat(second).isEqualTo(new TicketUpdate("T-1", false, List.of()));
        assertThat(second.changedAnything()).isFalse();
        assertThat(store.find("T-1").orElseThrow().messages()).hasSize(2);
    }

    @Test
    void importingAFollowUpKeepsTheStoredSubjectCustomerAndStatus() {
        store.importTicket(ticket("T-1", customer("m1", "hi", T0)));
        store.setStatus("T-1", TicketStatus.PENDING);

        Ticket followUp = new Ticket("T-1", "Re: Where is my parcel?", Channel.EMAIL,
                new Customer("Someone Else", "other@example.com", ""), TicketStatus.OPEN,
                List.of(customer("m2", "any news?", T0.plusSeconds(3600))));
        TicketUpdate update = store.importTicket(followUp);

        assertThat(update).isEqualTo(new TicketUpdate("T-1", false, List.of("m2")));
        Ticket found = store.find("T-1").orElseThrow();
        assertThat(found.subject()).isEqualTo("Where is my parcel?");
        assertThat(found.customer().email()).isEqualTo("jana@example.com");
        assertThat(found.status()).isEqualTo(TicketStatus.PENDING);
        assertThat(found.messages()).extracting(Message::id).containsExactly("m1", "m2");
    }

    @Test
    void appendingAddsOnlyMessagesNotStoredYetEachOnce() {
        store.save(ticket("T-1", customer("m1", "hi", T0)));

        TicketUpdate update = store.appendMessages("T-1", List.of(customer("m1", "hi", T0),
                customer("m3", "three", T0.plusSeconds(3)), customer("m2", "two", T0.plusSeconds(2)),
                customer("m3", "three again", T0.plusSeconds(4))));

        assertThat(update).isEqualTo(new TicketUpdate("T-1", false, List.of("m3", "m2")));
        assertThat(store.find("T-1").orElseThrow().messages()).extracting(Message::text)
                .containsExactly("hi", "two", "three");
    }

    @Test
    void appendingToAnUnknownTicketIsRefused() {
        assertThatThrownBy(() -> store.appendMessages("nope", List.of(customer("m1", "hi", T0))))
                .isInstanceOf(NoSuchElementException.class)
                .hasMessageContaining("nope");
    }

    @Test
    void theStatusOfATicketCanChange() {
        store.save(ticket("T-1", customer("m1", "hi", T0)));

        store.setStatus("T-1", TicketStatus.SOLVED);

        assertThat(store.find("T-1").orElseThrow().status()).isEqualTo(TicketStatus.SOLVED);
        assertThatThrownBy(() -> store.setStatus("nope", TicketStatus.SOLVED))
                .isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void aTicketIsFoundByTheMessageIdsOfItsEmailThread() {
        store.save(ticket("root@mail.example", customer("root@mail.example", "first", T0),
                customer("reply-1@mail.example", "second", T0.plusSeconds(60))));
        store.save(ticket("other@mail.example", customer("other@mail.example", "unrelated", T0)));

        assertThat(store.findTicketIdByEmailThread(List.of("root@mail.example"))).contains("root@mail.example");
        assertThat(store.findTicketIdByEmailThread(List.of("unknown@x", "reply-1@mail.example")))
                .contains("root@mail.example");
        assertThat(store.findTicketIdByEmailThread(List.of("other@mail.example", "root@mail.example")))
                .as("the earlier id wins").contains("other@mail.example");
        assertThat(store.findTicketIdByEmailThread(List.of("unknown@x"))).isEmpty();
        assertThat(store.findTicketIdByEmailThread(List.of())).isEmpty();
        assertThat(store.findByEmailThread(List.of("reply-1@mail.example")).orElseThrow().messages()).hasSize(2);
    }

    @Test
    void theQueueShowsTheTicketWhoseCustomerWroteLastFirst() {
        store.save(ticket("T-old", customer("m1", "old", T0), agent("m2", "agent later", T0.plusSeconds(9000))));
        store.save(ticket("T-new", customer("m1", "new", T0.plusSeconds(3600))));
        store.save(new Ticket("T-agent", "Outbound", Channel.CHAT, new Customer("Bo", "bo@example.com", ""),
                TicketStatus.PENDING, List.of(agent("a1", "we called you", T0.plusSeconds(99999)))));

        List<TicketSummary> queue = store.list();

        assertThat(queue).extracting(TicketSummary::id).containsExactly("T-new", "T-old", "T-agent");
        assertThat(queue.get(1)).isEqualTo(new TicketSummary("T-old", "Where is my parcel?", TicketStatus.OPEN,
                new Customer("Jana Nováková", "jana@example.com", "de"), Channel.EMAIL,
                java.util.Optional.of(T0), 2));
        assertThat(queue.get(2).lastCustomerMessageAt()).isEmpty();
        assertThat(queue.get(2).channel()).isEqualTo(Channel.CHAT);
        assertThat(queue.get(2).status()).isEqualTo(TicketStatus.PENDING);
    }

    @Test
    void aTicketWithoutACustomerEmailIsRefusedAndNothingIsStored() {
        Ticket noEmail = new Ticket("T-1", "s", Channel.EMAIL, new Customer("Jana", " ", ""), TicketStatus.OPEN,
                List.of(customer("m1", "hi", T0)));

        assertThatThrownBy(() -> store.save(noEmail))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ticket T-1 has no customer e-mail address");
        assertThatThrownBy(() -> store.importTicket(noEmail)).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.find("T-1")).isEmpty();
        assertThat(store.list()).isEmpty();
    }

    @Test
    void blankTicketOrMessageIdsAreRefused() {
        assertThatThrownBy(() -> store.save(ticket(" ", customer("m1", "hi", T0))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ticket id is blank");
        assertThatThrownBy(() -> store.save(ticket("T-1", customer("m1", "hi", T0), customer("", "x", T0))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ticket T-1: a message id is blank");
        assertThat(store.find("T-1")).isEmpty();
    }

    @Test
    void valuesLongerThanTheirColumnsAreRefusedBeforeAnythingIsWritten() {
        String tooLong = "x".repeat(1001);

        assertThatThrownBy(() -> store.save(ticket("T-1", customer("m1", "fine", T0), customer(tooLong, "x", T0))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ticket T-1: a message id xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx... "
                        + "is longer than 1000 characters");
        assertThatThrownBy(() -> store.save(new Ticket("T-1", "s".repeat(2001), Channel.EMAIL,
                new Customer("Jana", "jana@example.com", ""), TicketStatus.OPEN, List.of())))
                .hasMessage("ticket T-1: the subject is longer than 2000 characters");
        assertThat(store.find("T-1")).isEmpty();
    }

    @Test
    void aMessageTheDatabaseRejectsLeavesNothingOfTheTicketStored() throws SQLException {
        rejectMessagesReading("rejected by the database");
        Message rejected = customer("m2", "rejected by the database", T0.plusSeconds(1));

        assertThatThrownBy(() -> store.save(ticket("T-1", customer("m1", "fine", T0), rejected)))
                .isInstanceOf(PersistenceException.class)
                .hasMessageStartingWith("saving ticket T-1 failed: ");
        assertThat(store.find("T-1")).isEmpty();
        assertThat(store.list()).isEmpty();

        store.save(ticket("T-1", customer("m1", "fine", T0)));
        assertThatThrownBy(() -> store.appendMessages("T-1", List.of(customer("m3", "ok", T0), rejected)))
                .isInstanceOf(PersistenceException.class);
        assertThat(store.find("T-1").orElseThrow().messages()).extracting(Message::id).containsExactly("m1");
    }

    /** A constraint added by the test makes the database itself fail in the middle of a transaction. */
    private void rejectMessagesReading(String body) throws SQLException {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE messages ADD CONSTRAINT test_rejects CHECK (body <> '" + body + "')");
        }
    }

    @Test
    void concurrentAppendsFromSeveralThreadsLoseNothing() throws Exception {
        store.save(ticket("T-1", customer("shared-0", "shared", T0)));
        int threads = 6;
        int perThread = 20;

        runConcurrently(threads, thread -> () -> {
            for (int i = 0; i < perThread; i++) {
                store.appendMessages("T-1", List.of(customer("t" + thread + "-" + i, "text", T0.plusSeconds(i)),
                        customer("shared-" + (i % 3), "shared", T0)));
            }
            return null;
        });

        List<Message> messages = store.find("T-1").orElseThrow().messages();
        assertThat(messages).hasSize(threads * perThread + 3);
        assertThat(messages).extracting(Message::id).doesNotHaveDuplicates();
    }

    @Test
    void twoClientsImportingTheSameNewTicketAtOnceCreateItOnce() throws Exception {
        try (Database secondClient = Database.open(database.settings())) {
            List<JdbcTicketStore> clients = List.of(store, new JdbcTicketStore(secondClient));
            Ticket ticket = ticket("T-1", customer("m1", "hi", T0), customer("m2", "again", T0.plusSeconds(1)));

            List<TicketUpdate> updates = runConcurrently(8, i -> () -> clients.get(i % 2).importTicket(ticket));

            assertThat(updates).filteredOn(TicketUpdate::created).hasSize(1);
            assertThat(updates).flatExtracting(TicketUpdate::newMessageIds).containsExactlyInAnyOrder("m1", "m2");
            assertThat(store.find("T-1").orElseThrow().messages()).hasSize(2);
        }
    }

    /** Starts all tasks together (a latch) so they really overlap, and returns their results. */
    static <T> List<T> runConcurrently(int count, java.util.function.IntFunction<Callable<T>> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Callable<T> work = task.apply(i);
                futures.add(pool.submit(() -> {
                    start.await();
                    return work.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    static Ticket ticket(String id, Message... messages) {
        return new Ticket(id, "Where is my parcel?", Channel.EMAIL, new Customer("Jana Nováková", "jana@example.com", "de"),
                TicketStatus.OPEN, List.of(messages));
    }

    static Message customer(String id, String text, Instant at) {
        return new Message(id, Author.CUSTOMER, text, at);
    }

    static Message agent(String id, String text, Instant at) {
        return new Message(id, Author.AGENT, text, at);
    }
}
