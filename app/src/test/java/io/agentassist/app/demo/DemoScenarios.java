package io.agentassist.app.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentassist.core.model.Message;
import io.agentassist.core.model.Ticket;
import io.agentassist.core.tickets.TicketJsonReader;
import io.agentassist.knowledge.ingest.KnowledgeSourceLoader;
import io.agentassist.knowledge.ingest.LoadResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The demo data the app ships with, read from the class path as the app's resources. The folder is found
 * through its README: the test classes live in a package of the same name, so looking up the folder itself
 * could find the test-classes folder instead.
 */
final class DemoScenarios {
    /** Ticket ids of the scenarios the demo is built around (see the README next to the data). */
    static final String HOW_TO = "FW-1001";
    static final String DOUBLE_CHARGE = "FW-1002";
    static final String FURIOUS = "FW-1003";
    static final String BEREAVEMENT = "FW-1004";
    static final String SPANISH = "FW-1005";
    static final String GERMAN = "FW-1006";
    static final String CARD_AND_PHONE = "FW-1007";
    static final String PROMPT_INJECTION = "FW-1008";
    static final String UNANSWERABLE = "FW-1009";
    static final String HARDSHIP = "FW-1016";
    static final String LIVE_CHAT = "FW-1017";
    static final String LEGAL_THREAT = "FW-1018";

    /** One step of the live-chat feed: a ticket file with new messages, and the pause before it arrives. */
    record FeedEntry(String file, int afterSeconds) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private DemoScenarios() {
    }

    /** The app's own lookup of its demo data, so the tests read exactly what the app installs. */
    static Path root() {
        try {
            return DemoResources.root();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path helpCentre() {
        return root().resolve("help-centre");
    }

    static Path liveChat() {
        return root().resolve("live-chat");
    }

    static List<Path> ticketFiles() {
        return jsonFiles(root().resolve("tickets"));
    }

    static List<Path> liveChatFiles() {
        return jsonFiles(liveChat()).stream().filter(file -> !file.getFileName().toString().equals("feed.json"))
                .toList();
    }

    static List<Ticket> tickets() {
        return ticketFiles().stream().map(DemoScenarios::read).toList();
    }

    static Ticket ticket(String id) {
        return read(root().resolve("tickets").resolve(id + ".json"));
    }

    static Ticket read(Path file) {
        try {
            return new TicketJsonReader().read(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode readJson(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<FeedEntry> feed() {
        List<FeedEntry> entries = new ArrayList<>();
        for (JsonNode entry : readJson(liveChat().resolve("feed.json"))) {
            entries.add(new FeedEntry(entry.get("file").asText(), entry.get("afterSeconds").asInt()));
        }
        return entries;
    }

    /** The live-chat ticket as the agent sees it after the first {@code steps} follow-ups have arrived. */
    static Ticket liveChatAfter(int steps) {
        Ticket ticket = ticket(LIVE_CHAT);
        List<Message> messages = new ArrayList<>(ticket.messages());
        for (FeedEntry entry : feed().subList(0, steps)) {
            messages.addAll(read(liveChat().resolve(entry.file())).messages());
        }
        return ticket.withMessages(messages);
    }

    static LoadResult helpCentreArticles() {
        return new KnowledgeSourceLoader().load(List.of(helpCentre()));
    }

    private static List<Path> jsonFiles(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
