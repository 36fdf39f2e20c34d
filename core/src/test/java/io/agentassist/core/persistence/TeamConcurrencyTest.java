package io.agentassist.core.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentassist.core.approval.AgentApproval;
import io.agentassist.core.approval.ApprovalRefusedException;
import io.agentassist.core.approval.DuplicateApprovalException;
import io.agentassist.core.desk.ApprovalReceipt;
import io.agentassist.core.desk.DraftClosedMeanwhileException;
import io.agentassist.core.desk.ReplyDesk;
import io.agentassist.core.model.Author;
import io.agentassist.core.model.Draft;
import io.agentassist.core.model.Feedback;
import io.agentassist.core.model.Message;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several workstations per agent write to one team database at once, through the app's real stores and reply
 * desk: 2 agents × 4 clients (each its own connection pool, as on its own machine) × 50 drafts, each draft
 * offered, rated, approved and delivered, all replies landing on the same ticket; meanwhile notes are appended to
 * that ticket from every client. Nothing may be lost and nothing sent twice.
 */
class TeamConcurrencyTest {

    static final int CLIENTS_PER_AGENT = 4;
    static final int DRAFTS_PER_CLIENT = 50;
    static final int NOTES_PER_CLIENT = 25;
    static final List<String> AGENTS = List.of("alice", "bob");

    @TempDir
    Path tempDir;

    DatabaseSettings admin;
    final List<Client> clients = new ArrayList<>();
    Database lead;

    @BeforeEach
    void twoAgentsWithFourWorkstationsEach() {
        admin = TeamPostgres.newDatabase();
        TeamSetup.apply(admin);
        for (String agent : AGENTS) {
            DatabaseSettings login = TeamPostgres.member(admin, agent, TeamRole.AGENT);
            for (int i = 0; i < CLIENTS_PER_AGENT; i++) {
                clients.add(new Client(agent, i, login, tempDir.resolve(agent + "-" + i)));
            }
        }
        lead = Database.open(TeamPostgres.member(admin, "lena", TeamRole.LEAD));
        clients.getFirst().tickets.save(TeamModeTest.ticket("T-1"));
    }

    @AfterEach
    void closeAll() {
        clients.forEach(client -> client.database.close());
        if (lead != null) {
            lead.close();
        }
    }

    @Test
    void concurrentDraftsFeedbackApprovalsAndAppendsLoseNothingAndSendNothingTwice() throws Exception {
        Set<String> receipts = ConcurrentHashMap.newKeySet();

        List<Integer> refusedSecondApprovals = JdbcTicketStoreTest.runConcurrently(clients.size() * 2, i -> {
            Client client = clients.get(i / 2);
            return i % 2 == 0 ? () -> client.workThroughDrafts(receipts) : client::appendNotes;
        });

        int expectedDrafts = clients.size() * DRAFTS_PER_CLIENT;
        assertThat(receipts).hasSize(expectedDrafts);
        assertThat(refusedSecondApprovals.stream().mapToInt(Integer::intValue).sum())
                .as("every second approval of an approved draft is refused").isEqualTo(expectedDrafts);
        assertThat(count(lead, "SELECT COUNT(*) FROM drafts")).isEqualTo(expectedDrafts);
        assertThat(count(lead, "SELECT COUNT(*) FROM drafts WHERE state = 'SENT'")).isEqualTo(expectedDrafts);
        assertThat(count(lead, "SELECT COUNT(*) FROM draft_citations")).isEqualTo(expectedDrafts);
        assertThat(count(lead, "SELECT COUNT(*) FROM draft_flags")).isEqualTo(expectedDrafts);
        assertThat(count(lead, "SELECT COUNT(*) FROM feedback")).isEqualTo(expectedDrafts);
        assertThat(count(lead, "SELECT COUNT(*) FROM outbox WHERE delivered_at IS NOT NULL")).isEqualTo(expectedDrafts);
        assertThat(count(lead, "SELECT COUNT(*) FROM outbox")).isEqualTo(expectedDrafts);
        for (String agent : AGENTS) {
            int perAgent = CLIENTS_PER_AGENT * DRAFTS_PER_CLIENT;
            assertThat(count(lead, "SELECT COUNT(*) FROM drafts WHERE agent = '" + agent + "'")).isEqualTo(perAgent);
            assertThat(count(lead, "SELECT COUNT(*) FROM feedback WHERE agent = '" + agent + "'")).isEqualTo(perAgent);
            assertThat(count(lead, "SELECT COUNT(*) FROM outbox WHERE agent = '" + agent + "'")).isEqualTo(perAgent);
            Client one = clients.stream().filter(client -> client.agent.equals(agent)).findFirst().orElseThrow();
            assertThat(count(one.database, "SELECT COUNT(*) FROM drafts")).as(agent + " sees").isEqualTo(perAgent);
        }

        // The ticket holds every reply exactly once, and every note.
        List<Message> messages = clients.getLast().tickets.find("T-1").orElseThrow().messages();
        assertThat(messages).filteredOn(m -> m.author() == Author.AGENT).extracting(Message::id)
                .containsExactlyInAnyOrderElementsOf(receipts);
        assertThat(messages).filteredOn(m -> m.author() == Author.INTERNAL_NOTE)
                .hasSize(clients.size() * NOTES_PER_CLIENT);
        assertThat(messages).hasSize(1 + expectedDrafts + clients.size() * NOTES_PER_CLIENT);

        // Each reply was written to an outbox folder once (an agent's two workstations may both deliver a reply
        // of theirs; the file name is its key, so a second delivery finds it there and writes nothing).
        assertThat(outboxFiles()).containsExactlyInAnyOrderElementsOf(receipts.stream().map(k -> k + ".json")
                .toList());
        // Delivering again, from every workstation at once, sends nothing more.
        List<Integer> redelivered = JdbcTicketStoreTest.runConcurrently(clients.size(),
                i -> () -> clients.get(i).desk.resumeDeliveries().delivered());
        assertThat(redelivered).containsOnly(0);
        assertThat(clients.getFirst().tickets.find("T-1").orElseThrow().messages()).hasSize(messages.size());
    }

    @Test
    void twoWorkstationsOfOneAgentApprovingTheSameDraftAtOnceSendItOnce() throws Exception {
        List<Client> alices = clients.stream().filter(client -> client.agent.equals("alice")).toList();
        List<String> draftIds = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String id = "D-race-" + i;
            alices.getFirst().desk.offer(TeamModeTest.draft(id, "T-1", "Alice"));
            draftIds.add(id);
        }

        List<Integer> approved = JdbcTicketStoreTest.runConcurrently(alices.size(), i -> () -> {
            int won = 0;
            for (String id : draftIds) {
                Draft shown = alices.get(i).drafts.find(id).orElseThrow().draft();
                try {
                    alices.get(i).desk.approveAndSend(AgentApproval.ofDraft("Alice", "T-1", shown, "Reply " + id,
                            shown.flags()));
                    won++;
                } catch (ApprovalRefusedException | DraftClosedMeanwhileException | DuplicateApprovalException e) {
                    // another workstation was first
                }
            }
            return won;
        });

        assertThat(approved.stream().mapToInt(Integer::intValue).sum()).isEqualTo(draftIds.size());
        assertThat(count(lead, "SELECT COUNT(*) FROM outbox")).isEqualTo(draftIds.size());
        assertThat(count(lead, "SELECT COUNT(*) FROM messages WHERE author = 'AGENT'")).isEqualTo(draftIds.size());
        assertThat(count(lead, "SELECT COUNT(*) FROM drafts WHERE state = 'SENT'")).isEqualTo(draftIds.size());
    }

    private Set<String> outboxFiles() throws IOException {
        Set<String> names = new HashSet<>();
        for (Client client : clients) {
            if (Files.isDirectory(client.outboxFolder)) {
                try (Stream<Path> files = Files.list(client.outboxFolder)) {
                    files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".json"))
                            .forEach(names::add);
                }
            }
        }
        return names;
    }

    private static int count(Database database, String sql) throws SQLException {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet row = s.executeQuery(sql)) {
            row.next();
            return row.getInt(1);
        }
    }

    /** One workstation: its own connections, stores, reply desk (delivering on the approving thread) and folder. */
    static final class Client {
        final String agent;
        final String name;
        final Database database;
        final JdbcTicketStore tickets;
        final JdbcDraftStore drafts;
        final ReplyDesk desk;
        final Path outboxFolder;

        Client(String agent, int number, DatabaseSettings login, Path outboxFolder) {
            this.agent = agent;
            this.name = agent + "-" + number;
            this.database = Database.open(login);
            this.tickets = new JdbcTicketStore(database);
            this.drafts = new JdbcDraftStore(database);
            this.outboxFolder = outboxFolder;
            this.desk = ReplyDesk.onEmbeddedDefaults(database, outboxFolder, Clock.systemUTC(), Runnable::run);
        }

        /** Offers, rates and approves its drafts; approving each a second time must be refused. */
        int workThroughDrafts(Set<String> receipts) throws ApprovalRefusedException {
            int refused = 0;
            for (int i = 0; i < DRAFTS_PER_CLIENT; i++) {
                Draft suggestion = TeamModeTest.draft("D-" + name + "-" + i, "T-1", "Display name of " + agent);
                desk.offer(suggestion);
                desk.feedback(new Feedback(suggestion.id(), agent, i % 3 != 0, "rated", TeamModeTest.T0));
                AgentApproval approval = AgentApproval.ofDraft(agent, "T-1", suggestion, "Reply " + i + " from "
                        + name, suggestion.flags());
                ApprovalReceipt receipt = desk.approveAndSend(approval);
                receipts.add(receipt.idempotencyKey().toString());
                try {
                    desk.approveAndSend(approval);
                } catch (ApprovalRefusedException e) {
                    refused++;
                }
            }
            return refused;
        }

        Integer appendNotes() {
            for (int i = 0; i < NOTES_PER_CLIENT; i++) {
                tickets.appendMessages("T-1", List.of(new Message("note-" + name + "-" + i, Author.INTERNAL_NOTE,
                        "Note " + i, TeamModeTest.T0.plusSeconds(i))));
            }
            return 0;
        }
    }
}
