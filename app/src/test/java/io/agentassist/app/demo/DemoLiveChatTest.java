package io.agentassist.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentassist.core.model.Author;
import io.agentassist.core.model.Ticket;
import io.agentassist.core.tickets.TicketJsonReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoLiveChatTest {
    private static final Instant NOW = Instant.parse("2027-03-01T09:00:00Z");

    @TempDir
    Path inbox;

    /** Records what was scheduled, with its delay, and runs nothing until asked. */
    private static final class RecordingScheduler extends ScheduledThreadPoolExecutor {
        final List<Long> delaysSeconds = new ArrayList<>();
        final List<Runnable> tasks = new ArrayList<>();

        RecordingScheduler() {
            super(1);
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            delaysSeconds.add(unit.toSeconds(delay));
            tasks.add(command);
            return new Done();
        }

        @Override
        public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
            throw new UnsupportedOperationException();
        }
    }

    private static final class Done implements ScheduledFuture<Object> {
        public long getDelay(TimeUnit unit) {
            return 0;
        }

        public int compareTo(Delayed other) {
            return 0;
        }

        public boolean cancel(boolean interrupt) {
            return false;
        }

        public boolean isCancelled() {
            return false;
        }

        public boolean isDone() {
            return true;
        }

        public Object get() {
            return null;
        }

        public Object get(long timeout, TimeUnit unit) {
            return null;
        }
    }

    @Test
    void openingTheChatSchedulesItsCustomerMessagesInFeedOrderOnce() throws IOException {
        var scheduler = new RecordingScheduler();
        var chat = DemoLiveChat.load(inbox, Clock.fixed(NOW, ZoneOffset.UTC), scheduler);
        String chatTicket = chat.ticketId().orElseThrow();

        chat.ticketOpened("some-other-ticket");
        assertThat(scheduler.tasks).isEmpty();
        chat.ticketOpened(chatTicket);
        chat.ticketOpened(chatTicket);

        assertThat(scheduler.tasks).hasSize(chat.steps().size()).isNotEmpty();
        assertThat(scheduler.delaysSeconds).isSorted().doesNotHaveDuplicates();
        scheduler.shutdownNow();
    }

    @Test
    void eachDeliveredFileIsATicketUpdateWithNewCustomerMessagesStampedNow() throws IOException {
        var scheduler = new RecordingScheduler();
        var chat = DemoLiveChat.load(inbox, Clock.fixed(NOW, ZoneOffset.UTC), scheduler);
        chat.ticketOpened(chat.ticketId().orElseThrow());

        scheduler.tasks.forEach(Runnable::run);

        List<Path> delivered;
        try (Stream<Path> files = Files.list(inbox)) {
            delivered = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(delivered).hasSize(chat.steps().size());
        for (Path file : delivered) {
            Ticket ticket = new TicketJsonReader().read(file);
            assertThat(ticket.id()).isEqualTo(chat.ticketId().orElseThrow());
            assertThat(ticket.messages()).isNotEmpty().allSatisfy(m -> assertThat(m.at()).isEqualTo(NOW));
            assertThat(ticket.messages()).anyMatch(m -> m.author() == Author.CUSTOMER);
        }
        scheduler.shutdownNow();
    }
}
