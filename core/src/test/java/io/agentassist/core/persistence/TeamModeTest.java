package io.agentassist.core.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentassist.core.approval.AgentApproval;
import io.agentassist.core.approval.ApprovalRefusedException;
import io.agentassist.core.approval.ApprovalRefusedException.Reason;
import io.agentassist.core.approval.Outbox;
import io.agentassist.core.desk.ApprovalReceipt;
import io.agentassist.core.desk.ReplyDesk;
import io.agentassist.core.model.Author;
import io.agentassist.core.model.Channel;
import io.agentassist.core.model.Citation;
import io.agentassist.core.model.Customer;
import io.agentassist.core.model.Draft;
import io.agentassist.core.model.DraftState;
import io.agentassist.core.model.Feedback;
import io.agentassist.core.model.Flag;
import io.agentassist.core.model.FlagKind;
import io.agentassist.core.model.Message;
import io.agentassist.core.model.Ticket;
import io.agentassist.core.model.TicketStatus;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Team mode on a real PostgreSQL: two agents (alice, bob) and a lead (lena) log in with their own passwords and
 * work through the app's real stores and reply desk. What each may see and do is the database's doing (roles,
 * privileges, row-level security), so every check here also runs as plain SQL on the member's own connection.
 */
class TeamModeTest {

    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    static final String PERMISSION_DENIED = "42501";

    @TempDir
    Path tempDir;

    DatabaseSettings admin;
    Member alice;
    Member bob;
    Member lena;

    @BeforeEach
    void aTeamOfTwoAgentsAndALead() {
        admin = TeamPostgres.newDatabase();
        TeamSetup.apply(admin);
        alice = new Member(TeamPostgres.member(admin, "alice", TeamRole.AGENT), tempDir.resolve("alice"));
        bob = new Member(TeamPostgres.member(admin, "bob", TeamRole.AGENT), tempDir.resolve("bob"));
        lena = new Member(TeamPostgres.member(admin, "lena", TeamRole.LEAD), tempDir.resolve("lena"));
        alice.tickets.save(ticket("T-1"));
    }

    @AfterEach
    void closeConnections() {
        for (Member member : new Member[] {alice, bob, lena}) {
            if (member != null) {
                member.database.close();
            }
        }
    }

    @Test
    void eachMemberLogsInWithTheirOwnPasswordAndTheDatabaseSaysWhoTheyAre() {
        assertThat(alice.database.teamMember()).contains(new TeamMember("alice", TeamRole.AGENT));
        assertThat(bob.database.teamMember()).contains(new TeamMember("bob", TeamRole.AGENT));
        assertThat(lena.database.teamMember()).contains(new TeamMember("lena", TeamRole.LEAD));
        assertThat(TeamSetup.members(admin)).contains(new TeamMember("alice", TeamRole.AGENT),
                new TeamMember("bob", TeamRole.AGENT), new TeamMember("lena", TeamRole.LEAD))
                .extracting(TeamMember::login).doesNotContain(TeamPostgres.ADMIN);
        try (Database asAdmin = Database.open(admin)) {
            assertThat(asAdmin.teamMember()).as("the admin is no member").isEmpty();
            assertThat(asAdmin.isTeamDatabase()).isTrue();
        }

        DatabaseSettings wrongPassword = new DatabaseSettings(alice.settings.url(), "alice", "not-her-password");
        assertThatThrownBy(() -> Database.open(wrongPassword))
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageContaining("password authentication failed for user \"alice\"")
                .hasMessageNotContaining("not-her-password");
    }

    @Test
    void anAgentSeesOnlyTheirOwnDraftsWithTheirCitationsAndFlags() throws SQLException {
        alice.desk.offer(draft("D-alice", "T-1", "Alice Martin"));
        bob.desk.offer(draft("D-bob", "T-1", "Bob"));

        assertThat(alice.drafts.listForTicket("T-1")).extracting(Draft::id).containsExactly("D-alice");
        assertThat(bob.drafts.listForTicket("T-1")).extracting(Draft::id).containsExactly("D-bob");
        assertThat(alice.drafts.find("D-bob")).isEmpty();
        assertThat(alice.drafts.find("D-alice").orElseThrow().draft())
                .satisfies(mine -> {
                    assertThat(mine.citations()).hasSize(1);
                    assertThat(mine.flags()).hasSize(1);
                });
        for (String table : List.of("drafts", "draft_citations", "draft_flags")) {
            assertThat(alice.count("SELECT COUNT(*) FROM " + table)).as(table).isEqualTo(1);
            assertThat(alice.count("SELECT COUNT(*) FROM " + table + " WHERE "
                    + (table.equals("drafts") ? "id" : "draft_id") + " = 'D-bob'")).as(table).isZero();
        }
    }

    @Test
    void anAgentCannotChangeAnotherAgentsDraftNorGiveFeedbackOnIt() throws SQLException {
        bob.desk.offer(draft("D-bob", "T-1", "Bob"));

        assertThatThrownBy(() -> alice.desk.edit("D-bob", "hijacked")).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> alice.desk.discard("D-bob")).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> alice.drafts.replaceFlags("D-bob", List.of()))
                .isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> alice.desk.feedback(new Feedback("D-bob", "alice", false, "bad", T0)))
                .isInstanceOf(NoSuchElementException.class);
        assertThat(alice.update("UPDATE drafts SET final_text = 'hijacked', state = 'DISCARDED' WHERE id = 'D-bob'"))
                .isZero();
        assertThat(alice.update("DELETE FROM draft_flags WHERE draft_id = 'D-bob'")).isZero();
        assertThat(sqlState(() -> alice.update("INSERT INTO feedback (draft_id, agent, helpful, reason, given_at) "
                + "VALUES ('D-bob', 'alice', false, 'bad', now())"))).isEqualTo(PERMISSION_DENIED);

        StoredDraft untouched = bob.drafts.find("D-bob").orElseThrow();
        assertThat(untouched.draft().state()).isEqualTo(DraftState.SUGGESTED);
        assertThat(untouched.draft().text()).isEqualTo(untouched.draft().aiText());
        assertThat(untouched.draft().flags()).hasSize(1);
        assertThat(untouched.feedback()).isEmpty();
    }

    @Test
    void aDraftIsAlwaysWrittenAsTheLoginThatWroteItWhateverNameItCarries() throws SQLException {
        alice.desk.offer(draft("D-1", "T-1", "bob"));
        alice.update("INSERT INTO drafts (id, ticket_id, state, ai_text, final_text, mode, model, prompt_version, "
                + "agent, suggested_at) VALUES ('D-2', 'T-1', 'SUGGESTED', 'x', 'x', 'llm', 'm', 'v', 'bob', now())");

        assertThat(alice.drafts.find("D-1").orElseThrow().draft().agent()).isEqualTo("alice");
        assertThat(alice.drafts.find("D-2").orElseThrow().draft().agent()).isEqualTo("alice");
        assertThat(bob.drafts.listForTicket("T-1")).isEmpty();
        // The owner of a draft never changes: the column is not among those an agent may update.
        assertThat(sqlState(() -> alice.update("UPDATE drafts SET agent = 'bob' WHERE id = 'D-1'")))
                .isEqualTo(PERMISSION_DENIED);
        // ... and neither does what the assistant suggested.
        assertThat(sqlState(() -> alice.update("UPDATE drafts SET ai_text = 'y' WHERE id = 'D-1'")))
                .isEqualTo(PERMISSION_DENIED);
        // SET ROLE to the group does not make her somebody else: rows belong to the session's login.
        try (Connection c = alice.connection(); Statement s = c.createStatement()) {
            s.execute("SET ROLE assist_agent");
            s.executeUpdate("INSERT INTO drafts (id, ticket_id, state, ai_text, final_text, mode, model, "
                    + "prompt_version, agent, suggested_at) VALUES ('D-3', 'T-1', 'SUGGESTED', 'x', 'x', 'llm', 'm', "
                    + "'v', 'assist_agent', now())");
        }
        assertThat(alice.drafts.find("D-3").orElseThrow().draft().agent()).isEqualTo("alice");
    }

    @Test
    void aLeadReadsEveryonesDraftsAndWritesReviewsWhichEachAgentReadsOnTheirOwnDraftsOnly() throws SQLException {
        alice.desk.offer(draft("D-alice", "T-1", "Alice"));
        bob.desk.offer(draft("D-bob", "T-1", "Bob"));
        alice.desk.feedback(new Feedback("D-alice", "Alice", true, "good start", T0));

        assertThat(lena.drafts.listForTicket("T-1")).extracting(Draft::id, Draft::agent)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("D-alice", "alice"),
                        org.assertj.core.groups.Tuple.tuple("D-bob", "bob"));
        assertThat(lena.drafts.find("D-alice").orElseThrow().feedback()).singleElement()
                .extracting(Feedback::agent).isEqualTo("alice");
        for (String table : List.of("drafts", "draft_citations", "draft_flags")) {
            assertThat(lena.count("SELECT COUNT(*) FROM " + table)).as(table).isEqualTo(2);
        }

        lena.review("D-alice", "Check the delivery window before promising a date.");
        lena.review("D-bob", "Good tone; cite the returns article.");

        assertThat(lena.coaching()).containsExactlyInAnyOrder("D-alice lena: Check the delivery window before "
                + "promising a date.", "D-bob lena: Good tone; cite the returns article.");
        assertThat(alice.coaching()).containsExactly("D-alice lena: Check the delivery window before promising a "
                + "date.");
        assertThat(bob.coaching()).containsExactly("D-bob lena: Good tone; cite the returns article.");
        assertThat(sqlState(() -> alice.review("D-alice", "I reviewed myself"))).isEqualTo(PERMISSION_DENIED);
        assertThat(sqlState(() -> alice.update("UPDATE draft_reviews SET coaching = 'great'"))).isEqualTo(
                PERMISSION_DENIED);
        assertThat(sqlState(() -> lena.update("DELETE FROM draft_reviews"))).isEqualTo(PERMISSION_DENIED);
    }

    @Test
    void bothAgentsAndTheLeadWorkTheSharedQueueOfTickets() {
        bob.tickets.appendMessages("T-1", List.of(new Message("n1", Author.INTERNAL_NOTE, "VIP customer",
                T0.plusSeconds(60))));
        lena.tickets.save(ticket("T-2"));
        alice.tickets.setStatus("T-2", TicketStatus.PENDING);

        for (Member member : List.of(alice, bob, lena)) {
            assertThat(member.tickets.list()).extracting(summary -> summary.id()).containsExactly("T-1", "T-2");
            assertThat(member.tickets.find("T-1").orElseThrow().messages()).extracting(Message::id)
                    .containsExactly("m1", "n1");
            assertThat(member.tickets.find("T-2").orElseThrow().status()).isEqualTo(TicketStatus.PENDING);
        }
    }

    @Test
    void anApprovalIsQueuedAndDeliveredByTheAgentWhoApprovedItAndOnlyOnce() throws Exception {
        Draft suggestion = draft("D-alice", "T-1", "Alice Martin");
        alice.desk.offer(suggestion);
        bob.desk.offer(draft("D-bob", "T-1", "Bob"));
        Draft bobs = bob.drafts.find("D-bob").orElseThrow().draft();

        ApprovalReceipt receipt = alice.desk.approveAndSend(AgentApproval.ofDraft("Alice Martin", "T-1", suggestion,
                "Hi Jana, it is on its way.", suggestion.flags()));

        assertThat(alice.drafts.find("D-alice").orElseThrow().draft().state()).isEqualTo(DraftState.SENT);
        assertThat(bob.tickets.find("T-1").orElseThrow().messages()).extracting(Message::id)
                .containsExactly("m1", receipt.idempotencyKey().toString());
        assertThat(lena.count("SELECT COUNT(*) FROM outbox WHERE agent = 'alice' AND delivered_at IS NOT NULL"))
                .isEqualTo(1);
        assertThat(bob.count("SELECT COUNT(*) FROM outbox")).isZero();
        assertThat(new Outbox(bob.database.dataSource(), Clock.systemUTC()).hasApproved("D-alice")).isFalse();

        // Bob cannot approve Alice's draft, nor she his: to each, the other's draft does not exist.
        assertThatThrownBy(() -> bob.desk.approveAndSend(AgentApproval.ofDraft("Bob", "T-1", suggestion, "again",
                suggestion.flags()))).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> alice.desk.approveAndSend(AgentApproval.ofDraft("Alice", "T-1", bobs, "mine now",
                bobs.flags()))).isInstanceOf(NoSuchElementException.class);
        // Nor enqueue a reply in another agent's name or for another agent's draft.
        assertThat(sqlState(() -> alice.update("INSERT INTO outbox (idempotency_key, ticket_id, draft_id, agent, "
                + "reply_text, approved_at, blocking_flags_confirmed, edit_distance, edit_ratio, enqueued_at) VALUES "
                + "(gen_random_uuid(), 'T-1', 'D-bob', 'alice', 'x', now(), false, 0, 0, now())")))
                .isEqualTo(PERMISSION_DENIED);

        // Bob's approval waits for his own workstation; Alice's dispatcher does not see it.
        ReplyDesk bobStopsBeforeDelivering = ReplyDesk.onEmbeddedDefaults(bob.database, tempDir.resolve("bob-2"),
                Clock.systemUTC(), task -> { });
        bobStopsBeforeDelivering.approveAndSend(AgentApproval.ofDraft("Bob", "T-1", bobs, "Hi Jana, done.",
                bobs.flags()));
        assertThat(alice.desk.resumeDeliveries().delivered()).isZero();
        assertThat(bob.desk.resumeDeliveries().delivered()).isEqualTo(1);
        assertThat(bob.desk.resumeDeliveries().delivered()).isZero();
        assertThat(lena.count("SELECT COUNT(*) FROM messages WHERE ticket_id = 'T-1' AND author = 'AGENT'"))
                .isEqualTo(2);
        assertThat(lena.count("SELECT COUNT(DISTINCT agent) FROM outbox WHERE delivered_at IS NOT NULL"))
                .isEqualTo(2);
    }

    @Test
    void whenTheCustomerWritesAgainTheOpenDraftsOfEveryAgentAreSuperseded() {
        Draft bobs = draft("D-bob", "T-1", "Bob");
        bob.desk.offer(bobs);
        alice.desk.offer(draft("D-alice", "T-1", "Alice"));

        // Alice's workstation imports the customer's new message; Bob's window has not noticed yet.
        alice.tickets.appendMessages("T-1", List.of(new Message("m2", Author.CUSTOMER, "Any news?",
                T0.plusSeconds(3600))));

        assertThat(bob.drafts.find("D-bob").orElseThrow().draft().state()).isEqualTo(DraftState.SUPERSEDED);
        assertThat(alice.drafts.find("D-alice").orElseThrow().draft().state()).isEqualTo(DraftState.SUPERSEDED);
        assertThatThrownBy(() -> bob.desk.approveAndSend(AgentApproval.ofDraft("Bob", "T-1", bobs, "Stale answer",
                bobs.flags())))
                .isInstanceOfSatisfying(ApprovalRefusedException.class,
                        refused -> assertThat(refused.reason()).isEqualTo(Reason.DRAFT_CLOSED));
    }

    @Test
    void anyoneRecordsAKnowledgeGapAndOnlyTheLeadReadsThem() {
        new JdbcKnowledgeGapLog(alice.database).record(new KnowledgeGap("T-1", "Do you ship to Iceland?", T0));
        new JdbcKnowledgeGapLog(lena.database).record(new KnowledgeGap("T-1", "Gift wrapping?", T0));

        assertThat(new JdbcKnowledgeGapLog(lena.database).list()).extracting(KnowledgeGap::question)
                .containsExactlyInAnyOrder("Do you ship to Iceland?", "Gift wrapping?");
        assertThatThrownBy(() -> new JdbcKnowledgeGapLog(alice.database).list())
                .isInstanceOf(PersistenceException.class)
                .hasMessageContaining("permission denied");
    }

    @Test
    void aMemberLoginCannotRunDdlNorTouchTheSchemaHistory() throws SQLException {
        for (Member member : List.of(alice, lena)) {
            for (String ddl : List.of(
                    "CREATE TABLE mine (id INT)",
                    "CREATE TEMPORARY TABLE mine (id INT)",
                    "CREATE SCHEMA mine",
                    "ALTER TABLE drafts DISABLE ROW LEVEL SECURITY",
                    "ALTER TABLE drafts ADD COLUMN x INT",
                    "DROP POLICY agent_reads_own_drafts ON drafts",
                    "CREATE POLICY everything ON drafts USING (true)",
                    "DROP TABLE knowledge_gaps",
                    "TRUNCATE tickets",
                    "DELETE FROM drafts",
                    "DELETE FROM tickets",
                    "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, "
                            + "installed_by, execution_time, success) VALUES (99, '99', 'x', 'SQL', 'x', 'x', 0, true)",
                    "ALTER FUNCTION assist_stamp_agent() OWNER TO " + member.settings.user())) {
                assertThat(sqlState(() -> member.update(ddl))).as(member.settings.user() + ": " + ddl)
                        .isIn(PERMISSION_DENIED, "42P01" /* the temp schema is not even there */);
            }
            // Handing out rights she has is not refused, only ignored (PostgreSQL warns): she has no grant option.
            member.update("GRANT SELECT ON drafts TO PUBLIC");
            assertThat(lena.count("SELECT COUNT(*) FROM information_schema.role_table_grants WHERE grantee = 'PUBLIC' "
                    + "AND table_name = 'drafts'")).isZero();
        }
    }

    @Test
    void anAgentOpeningASchemaThatIsBehindIsToldToAskTheAdminAndNothingIsMigrated() throws SQLException {
        DatabaseSettings older = TeamPostgres.newDatabase();
        org.flywaydb.core.Flyway.configure()
                .dataSource(older.url(), older.user(), older.password())
                .locations("classpath:db/migration").target("2").load().migrate();
        try (Connection c = java.sql.DriverManager.getConnection(older.url(), older.user(), older.password());
             Statement s = c.createStatement()) {
            String database = older.url().substring(older.url().lastIndexOf('/') + 1);
            s.execute("GRANT CONNECT ON DATABASE " + database + " TO assist_agent");
            s.execute("GRANT SELECT ON flyway_schema_history TO assist_agent");
        }
        DatabaseSettings aliceThere = new DatabaseSettings(older.url(), "alice", alice.settings.password());

        assertThatThrownBy(() -> Database.open(aliceThere))
                .isInstanceOf(SchemaNotCurrentException.class)
                .hasMessage("database " + older.url() + " is at schema version 2, and this version of Agent Assist "
                        + "needs version 3. \"alice\" may not change the schema: ask your admin to run "
                        + "`assist team setup`.")
                .hasMessageNotContaining(alice.settings.password());
        try (Connection c = java.sql.DriverManager.getConnection(older.url(), older.user(), older.password());
             Statement s = c.createStatement();
             ResultSet row = s.executeQuery("SELECT COUNT(*) FROM flyway_schema_history")) {
            row.next();
            assertThat(row.getInt(1)).as("migrations applied").isEqualTo(2);
        }

        TeamSetup.apply(older);

        try (Database opened = Database.open(aliceThere)) {
            assertThat(opened.teamMember()).contains(new TeamMember("alice", TeamRole.AGENT));
            assertThat(count(opened, "SELECT COUNT(*) FROM draft_reviews")).isZero();
        }
    }

    @Test
    void anAgentOpeningADatabaseWithoutTheSchemaIsToldToAskTheAdmin() {
        DatabaseSettings empty = TeamPostgres.newDatabase();
        String database = empty.url().substring(empty.url().lastIndexOf('/') + 1);
        TeamPostgres.superuserExecute(database, "GRANT CONNECT ON DATABASE " + database + " TO assist_agent");

        assertThatThrownBy(() -> Database.open(new DatabaseSettings(empty.url(), "bob", bob.settings.password())))
                .isInstanceOf(SchemaNotCurrentException.class)
                .hasMessageContaining("has no Agent Assist tables yet")
                .hasMessageEndingWith("\"bob\" may not change the schema: ask your admin to run `assist team setup`.");
    }

    @Test
    void runningTheSetupAgainKeepsTheDataAndConvergesOnThePolicies() throws SQLException {
        alice.desk.offer(draft("D-alice", "T-1", "Alice"));
        int policies = lena.count("SELECT COUNT(*) FROM pg_policies");
        // Someone "fixed" access by hand; the setup removes what it does not define.
        TeamPostgres.superuserExecute(databaseName(), "CREATE POLICY everyone_reads ON drafts FOR SELECT USING (true)");
        assertThat(bob.count("SELECT COUNT(*) FROM drafts")).isEqualTo(1);

        TeamSetup.Report report = TeamSetup.apply(admin);

        assertThat(bob.count("SELECT COUNT(*) FROM drafts")).isZero();
        assertThat(alice.count("SELECT COUNT(*) FROM drafts")).isEqualTo(1);
        assertThat(lena.count("SELECT COUNT(*) FROM pg_policies")).isEqualTo(policies).isEqualTo(18);
        assertThat(report.schemaVersion()).isEqualTo("3");
        assertThat(report.schema()).isEqualTo("public");
        assertThat(report.members()).contains(new TeamMember("alice", TeamRole.AGENT),
                new TeamMember("lena", TeamRole.LEAD));
    }

    @Test
    void aRemovedMemberCannotLogInAndTheirWorkStaysForTheLead() {
        bob.desk.offer(draft("D-bob", "T-1", "Bob"));

        TeamSetup.removeMember(admin, "bob");

        assertThatThrownBy(() -> Database.open(bob.settings))
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageContaining("not permitted to log in");
        assertThatThrownBy(() -> bob.drafts.listForTicket("T-1")).as("an open session loses its rights at once")
                .isInstanceOf(PersistenceException.class).hasMessageContaining("permission denied");
        assertThat(lena.drafts.find("D-bob").orElseThrow().draft().agent()).isEqualTo("bob");
        assertThat(TeamSetup.members(admin)).extracting(TeamMember::login).doesNotContain("bob");
    }

    @Test
    void addingMembersIsCheckedBeforeAnythingChanges() {
        char[] password = TeamSetup.generatePassword();
        assertThatThrownBy(() -> TeamSetup.addMember(admin, "alice", TeamRole.AGENT, password, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a login named alice already exists; to give it this role and a new password, run again "
                        + "with --update");
        assertThatThrownBy(() -> TeamSetup.addMember(admin, "Alice", TeamRole.AGENT, password, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not a login name");
        assertThatThrownBy(() -> TeamSetup.addMember(admin, "postgres", TeamRole.LEAD, password, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reserved");
        assertThatThrownBy(() -> TeamSetup.addMember(admin, "carol", TeamRole.AGENT, "short".toCharArray(), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 12 characters");
        assertThatThrownBy(() -> TeamSetup.addMember(new DatabaseSettings("jdbc:h2:mem:x", "sa", ""), "carol",
                TeamRole.AGENT, password, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("team mode needs PostgreSQL");
        assertThat(TeamSetup.members(admin)).extracting(TeamMember::login).doesNotContain("carol");
        assertThat(password).as("the caller's password is left as it was").doesNotContain('\0');
    }

    @Test
    void theSetupNeedsALoginThatMayCreateRolesAndOwnsTheDatabase() {
        DatabaseSettings fresh = TeamPostgres.newDatabase();

        assertThatThrownBy(() -> TeamSetup.apply(new DatabaseSettings(fresh.url(), "alice",
                alice.settings.password())))
                .isInstanceOf(TeamSetupException.class)
                .hasMessageStartingWith("alice may not create roles");
    }

    private String databaseName() {
        return admin.url().substring(admin.url().lastIndexOf('/') + 1);
    }

    private static int count(Database database, String sql) throws SQLException {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet row = s.executeQuery(sql)) {
            row.next();
            return row.getInt(1);
        }
    }

    @FunctionalInterface
    interface SqlAction {
        void run() throws SQLException;
    }

    /** The SQLSTATE the action failed with; fails the test when it did not fail. */
    static String sqlState(SqlAction action) {
        try {
            action.run();
        } catch (SQLException e) {
            return e.getSQLState();
        }
        throw new AssertionError("expected the database to refuse this");
    }

    static Ticket ticket(String id) {
        return new Ticket(id, "Where is my parcel?", Channel.EMAIL, new Customer("Jana", "jana@example.com", "en"),
                TicketStatus.OPEN, List.of(new Message("m1", Author.CUSTOMER, "Where is my parcel?", T0)));
    }

    static Draft draft(String id, String ticketId, String agent) {
        String text = "Hi Jana, your parcel is on its way [1].";
        return new Draft(id, ticketId, DraftState.SUGGESTED, text, text,
                List.of(new Citation(1, "shipping", "shipping#0", "Delivery times", "https://help.example.com/d", 0.8)),
                List.of(Flag.blocking(FlagKind.UNSUPPORTED_NUMBER, "\"3 days\" is in no cited passage")),
                "llm", "test-model", "reply-v1", T0.plusSeconds(30), Optional.empty(), Optional.empty(),
                Optional.empty(), agent);
    }

    /** One person at their workstation: their login, their stores and reply desk, their outbox folder. */
    static final class Member {
        final DatabaseSettings settings;
        final Database database;
        final JdbcTicketStore tickets;
        final JdbcDraftStore drafts;
        final ReplyDesk desk;

        Member(DatabaseSettings settings, Path outboxFolder) {
            this.settings = settings;
            this.database = Database.open(settings);
            this.tickets = new JdbcTicketStore(database);
            this.drafts = new JdbcDraftStore(database);
            this.desk = ReplyDesk.onEmbeddedDefaults(database, outboxFolder, Clock.systemUTC(), Runnable::run);
        }

        Connection connection() throws SQLException {
            return database.dataSource().getConnection();
        }

        int update(String sql) throws SQLException {
            try (Connection c = connection(); Statement s = c.createStatement()) {
                return s.executeUpdate(sql);
            }
        }

        int count(String sql) throws SQLException {
            try (Connection c = connection(); Statement s = c.createStatement(); ResultSet row = s.executeQuery(sql)) {
                row.next();
                return row.getInt(1);
            }
        }

        /** A review as the review screen would write it: the reviewer's display name is replaced by the login. */
        void review(String draftId, String coaching) throws SQLException {
            try (Connection c = connection(); PreparedStatement insert = c.prepareStatement("INSERT INTO draft_reviews "
                    + "(draft_id, reviewer, accuracy, policy_compliance, tone, completeness, coaching, reviewed_at) "
                    + "VALUES (?, 'Lena the Lead', 4, 5, 4, 3, ?, now())")) {
                insert.setString(1, draftId);
                insert.setString(2, coaching);
                insert.executeUpdate();
            }
        }

        List<String> coaching() throws SQLException {
            List<String> lines = new ArrayList<>();
            try (Connection c = connection(); Statement s = c.createStatement(); ResultSet rows = s.executeQuery(
                    "SELECT draft_id, reviewer, coaching FROM draft_reviews ORDER BY draft_id")) {
                while (rows.next()) {
                    lines.add(rows.getString(1) + " " + rows.getString(2) + ": " + rows.getString(3));
                }
            }
            return lines;
        }
    }
}
