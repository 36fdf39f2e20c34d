package io.agentassist.app.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's live chat: once the agent opens the chat ticket, the customer's next messages are dropped into
 * the inbox folder one by one, as a chat connector would. They then travel the real path (the inbox watcher
 * imports them, the window hears of the update), so the demo shows what a live conversation does to a draft.
 *
 * <p>Each message gets the current time; its id is fixed, so replaying the feed adds nothing twice.
 */
public final class DemoLiveChat {
    private static final Logger LOG = LoggerFactory.getLogger(DemoLiveChat.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One message of the feed: a ticket file and how long after the previous one (or the opening) it arrives. */
    public record Step(String file, String ticketId, long afterSeconds, JsonNode ticket) {
    }

    private final List<Step> steps;
    private final Path inbox;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private boolean started;

    DemoLiveChat(List<Step> steps, Path inbox, Clock clock, ScheduledExecutorService scheduler) {
        this.steps = List.copyOf(steps);
        this.inbox = inbox;
        this.clock = clock;
        this.scheduler = scheduler;
    }

    /** The feed shipped with the demo, delivering to {@code inbox}. */
    public static DemoLiveChat load(Path inbox, Clock clock, ScheduledExecutorService scheduler) throws IOException {
        Path folder = DemoResources.root().resolve("live-chat");
        JsonNode feed = JSON.readTree(Files.readString(folder.resolve("feed.json")));
        List<Step> steps = new ArrayList<>();
        for (JsonNode entry : feed) {
            String file = entry.path("file").asText();
            JsonNode ticket = JSON.readTree(Files.readString(folder.resolve(file)));
            steps.add(new Step(file, ticket.path("id").asText(), entry.path("afterSeconds").asLong(), ticket));
        }
        return new DemoLiveChat(steps, inbox, clock, scheduler);
    }

    /** The chat ticket the feed continues, if the feed has any messages. */
    public Optional<String> ticketId() {
        return steps.stream().map(Step::ticketId).findFirst();
    }

    public List<Step> steps() {
        return steps;
    }

    /** Starts the feed when {@code openedTicketId} is the chat; only the first time. */
    public synchronized void ticketOpened(String openedTicketId) {
        if (started || ticketId().filter(openedTicketId::equals).isEmpty()) {
            return;
        }
        started = true;
        long at = 0;
        for (Step step : steps) {
            at += step.afterSeconds();
            scheduler.schedule(() -> deliver(step), at, TimeUnit.SECONDS);
        }
    }

    void deliver(Step step) {
        ObjectNode ticket = step.ticket().deepCopy();
        for (JsonNode message : ticket.path("messages")) {
            ((ObjectNode) message).put("at", clock.instant().toString());
        }
        try {
            Files.createDirectories(inbox);
            Path temp = inbox.resolve("." + step.file() + ".part");
            Files.writeString(temp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(ticket));
            Files.move(temp, inbox.resolve(step.file()), StandardCopyOption.REPLACE_EXISTING);
            LOG.info("Demo chat: {} dropped into {}", step.file(), inbox);
        } catch (IOException e) {
            LOG.warn("Demo chat: {} could not be written to {}: {}", step.file(), inbox, e.toString());
        }
    }
}
