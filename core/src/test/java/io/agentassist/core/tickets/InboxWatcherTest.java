package io.agentassist.core.tickets;

import static io.agentassist.core.tickets.EmlTicketReaderTest.FIRST_ID;
import static io.agentassist.core.tickets.EmlTicketReaderTest.REPLY_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentassist.core.model.Message;
import io.agentassist.core.model.Ticket;
import io.agentassist.core.model.TicketStatus;
import io.agentassist.core.persistence.Database;
import io.agentassist.core.persistence.JdbcTicketStore;
import io.agentassist.core.persistence.PersistenceException;
import io.agentassist.core.support.Poll;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InboxWatcherTest {

    static final Duration BOUND = Duration.ofSeconds(10);

    @TempDir
    Path tempDir;

    Path inbox;
    Path staging;
    Database database;
    JdbcTicketStore store;
    InboxWatcher watcher;
    final List<TicketUpdate> updates = new CopyOnWriteArrayList<>();

    @BeforeEach
    void openStore() throws IOException {
        inbox = tempDir.resolve("inbox");
        staging = Files.createDirectories(tempDir.resolve("staging"));
        database = Database.openEmbedded(tempDir.resolve("data"));
        store = new JdbcTicketStore(database);
    }

    @AfterEach
    void stop() {
        if (watcher != null) {
            watcher.close();
        }
        database.close();
    }

    @Test
    void aNewJsonFileBecomesATicketWithinASecond() throws IOException {
        startWatching(store, InboxWatcher.DEFAULT_SETTLE, InboxWatcher.DEFAULT_RESCAN);

        drop("json/parcel.json");

        Poll.until(Duration.ofSeconds(1), "ticket T-1042 stored", () -> store.find("T-1042").isPresent());
        Poll.until(BOUND, "listeners told", () -> !updates.isEmpty());
        assertThat(updates).singleElement().satisfies(update -> {
            assertThat(update.ticketId()).isEqualTo("T-1042");
            assertThat(update.created()).isTrue();
            assertThat(update.newMessageIds()).hasSize(3);
        });
        assertThat(inbox.resolve("processed/parcel.json")).isRegularFile();
        assertThat(inbox.resolve("parcel.json")).doesNotExist();
    }

    @Test
    void aFollowUpEmailJoinsTheSameTicket() throws IOException {
        startWatching();

        drop("eml/first-message.eml");
        Poll.until(BOUND, "first mail stored", () -> store.find(FIRST_ID).isPresent());
        drop("eml/reply-same-thread.eml");
        Poll.until(BOUND, "reply stored", () -> messagesOf(FIRST_ID).size() == 2);

        assertThat(messagesOf(FIRST_ID)).extracting(Message::id).containsExactly(FIRST_ID, REPLY_ID);
        assertThat(store.list()).hasSize(1);
        Poll.until(BOUND, "both updates told", () -> updates.size() == 2);
        assertThat(updates.get(1)).isEqualTo(new TicketUpdate(FIRST_ID, false, List.of(REPLY_ID)));
        assertThat(inbox.resolve("processed/reply-same-thread.eml")).isRegularFile();
    }

    @Test
    void aMalformedFileIsMovedToFailedWithTheReasonAndNothingIsStored() throws IOException {
        startWatching();
        Files.writeString(staging.resolve("no-email.json"), """
                {"id": "T-9", "channel": "chat", "customer": {"name": "Sam"},
                 "messages": [{"from": "customer", "text": "hi", "at": "2025-03-03T09:14:00Z"}]}
                """);

        moveIn(staging.resolve("no-email.json"));
        drop("eml/no-sender.eml");

        Path errorFile = inbox.resolve("failed/no-email.json.error.txt");
        Poll.until(BOUND, "error file written", () -> Files.exists(errorFile));
        assertThat(inbox.resolve("failed/no-email.json")).isRegularFile();
        assertThat(Files.readString(errorFile)).startsWith("field \"customer.email\" is missing");
        Path mailError = inbox.resolve("failed/no-sender.eml.error.txt");
        Poll.until(BOUND, "mail error file written", () -> Files.exists(mailError));
        assertThat(Files.readString(mailError)).contains("has no sender");
        assertThat(inbox.resolve("no-email.json")).doesNotExist();
        assertThat(store.list()).isEmpty();
        assertThat(updates).isEmpty();
    }

    @Test
    void theSameFileDroppedTwiceAddsNothingAndTellsNobody() throws IOException {
        startWatching();
        drop("json/parcel.json");
        Poll.until(BOUND, "first copy processed", () -> Files.exists(inbox.resolve("processed/parcel.json")));

        drop("json/parcel.json");

        Poll.until(BOUND, "second copy processed", () -> Files.exists(inbox.resolve("processed/parcel-2.json")));
        assertThat(messagesOf("T-1042")).hasSize(3);
        assertThat(updates).hasSize(1);
    }

    @Test
    void aFileForAKnownTicketAddsOnlyItsNewMessagesAndTouchesNothingElse() throws IOException {
        startWatching();
        drop("json/parcel.json");
        Poll.until(BOUND, "ticket stored", () -> store.find("T-1042").isPresent());
        store.setStatus("T-1042", TicketStatus.PENDING);

        drop("json/parcel-followup.json");

        Poll.until(BOUND, "follow-up stored", () -> messagesOf("T-1042").size() == 4);
        assertThat(store.find("T-1042").orElseThrow().status()).isEqualTo(TicketStatus.PENDING);
        Poll.until(BOUND, "update told", () -> updates.size() == 2);
        assertThat(updates.get(1)).isEqualTo(new TicketUpdate("T-1042", false, List.of("chat-7781")));
    }

    @Test
    void filesAlreadyInTheInboxAreImportedOnStart() throws IOException {
        Fixtures.copy("json/parcel.json", inbox);
        Fixtures.copy("eml/html-only.eml", inbox);

        startWatching();

        Poll.until(BOUND, "both imported", () -> store.list().size() == 2);
        assertThat(inbox.resolve("processed")).isDirectoryContaining(p -> p.endsWith("html-only.eml"));
    }

    @Test
    void filesStillUnderATemporaryNameAreLeftAloneUntilRenamed() throws IOException {
        startWatching();
        Path partial = Fixtures.copy("json/parcel.json", inbox, "parcel.json.part");
        Path hidden = Fixtures.copy("eml/first-message.eml", inbox, ".first-message.eml");

        drop("eml/html-only.eml");
        Poll.until(BOUND, "the other file imported", () -> !updates.isEmpty());

        assertThat(partial).isRegularFile();
        assertThat(hidden).isRegularFile();
        assertThat(store.list()).hasSize(1);
        Files.move(partial, inbox.resolve("parcel.json"), StandardCopyOption.ATOMIC_MOVE);
        Poll.until(BOUND, "renamed file imported", () -> store.find("T-1042").isPresent());
    }

    @Test
    void whenTheStoreFailsTheFileStaysInTheInboxAndIsRetried() throws IOException {
        FailingStore failing = new FailingStore(store);
        startWatching(failing, Duration.ofMillis(100), Duration.ofMillis(200));

        drop("json/parcel.json");
        Poll.until(BOUND, "two attempts", () -> failing.attempts.get() >= 2);

        assertThat(inbox.resolve("parcel.json")).isRegularFile();
        assertThat(inbox.resolve("failed")).isEmptyDirectory();
        failing.down.set(false);
        Poll.until(BOUND, "imported once the store is back", () -> store.find("T-1042").isPresent());
        Poll.until(BOUND, "moved to processed", () -> Files.exists(inbox.resolve("processed/parcel.json")));
        assertThat(inbox.resolve("failed")).isEmptyDirectory();
    }

    @Test
    void aListenerThatThrowsDoesNotStopTheWatcherOrTheOtherListeners() throws IOException {
        watcher = new InboxWatcher(inbox, new TicketImporter(store), Duration.ofMillis(100), Duration.ofMillis(500));
        watcher.addListener(update -> {
            throw new IllegalStateException("listener bug");
        });
        watcher.addListener(updates::add);
        watcher.start();

        drop("json/parcel.json");
        drop("eml/first-message.eml");

        Poll.until(BOUND, "both told", () -> updates.size() == 2);
        assertThat(watcher.isRunning()).isTrue();
    }

    @Test
    void aClosedWatcherHasStoppedAndCannotStartAgain() throws IOException {
        startWatching();
        assertThat(inbox.resolve("processed")).isDirectory();
        assertThat(inbox.resolve("failed")).isDirectory();
        assertThat(watcher.isRunning()).isTrue();

        watcher.close();
        watcher.close();

        assertThat(watcher.isRunning()).isFalse();
        assertThatThrownBy(watcher::start).isInstanceOf(IllegalStateException.class);
    }

    private void startWatching() throws IOException {
        startWatching(store, Duration.ofMillis(100), Duration.ofMillis(500));
    }

    private void startWatching(TicketStore target, Duration settle, Duration rescan) throws IOException {
        watcher = new InboxWatcher(inbox, new TicketImporter(target), settle, rescan);
        watcher.addListener(updates::add);
        watcher.start();
    }

    /** Delivers a fixture the way a mail client or script should: written elsewhere, then moved in. */
    private void drop(String fixture) throws IOException {
        moveIn(Fixtures.copy(fixture, staging));
    }

    private void moveIn(Path staged) throws IOException {
        Files.move(staged, inbox.resolve(staged.getFileName()), StandardCopyOption.ATOMIC_MOVE);
    }

    private List<Message> messagesOf(String ticketId) {
        return store.find(ticketId).map(Ticket::messages).orElse(List.of());
    }

    /** The real store, except that imports fail like an unreachable database while {@code down} is set. */
    private static final class FailingStore implements TicketStore {
        final TicketStore real;
        final AtomicBoolean down = new AtomicBoolean(true);
        final AtomicInteger attempts = new AtomicInteger();

        FailingStore(TicketStore real) {
            this.real = real;
        }

        @Override
        public TicketUpdate importTicket(Ticket ticket) {
            if (down.get()) {
                attempts.incrementAndGet();
                throw new PersistenceException("importing ticket " + ticket.id() + " failed: connection refused",
                        null);
            }
            return real.importTicket(ticket);
        }

        @Override
        public TicketUpdate save(Ticket ticket) {
            return real.save(ticket);
        }

        @Override
        public TicketUpdate appendMessages(String ticketId, List<Message> messages) {
            return real.appendMessages(ticketId, messages);
        }

        @Override
        public void setStatus(String ticketId, TicketStatus status) {
            real.setStatus(ticketId, status);
        }

        @Override
        public Optional<Ticket> find(String ticketId) {
            return real.find(ticketId);
        }

        @Override
        public Optional<String> findTicketIdByEmailThread(List<String> messageIds) {
            return real.findTicketIdByEmailThread(messageIds);
        }

        @Override
        public List<TicketSummary> list() {
            return real.list();
        }
    }
}
