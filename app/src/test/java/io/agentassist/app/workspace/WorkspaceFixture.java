package io.agentassist.app.workspace;

import io.agentassist.app.knowledge.KnowledgeBase;
import io.agentassist.app.tasks.TaskRunner;
import io.agentassist.app.workspace.WorkspaceServices.KnowledgeStatus;
import io.agentassist.core.approval.TestClock;
import io.agentassist.core.assist.guardrails.DraftGuardrails;
import io.agentassist.core.assist.guardrails.GuardrailSettings;
import io.agentassist.core.assist.offline.ExtractiveSummarizer;
import io.agentassist.core.assist.offline.OfflineReplyDrafter;
import io.agentassist.core.assist.reply.KnowledgeGapRecorder;
import io.agentassist.core.assist.reply.RephraseService;
import io.agentassist.core.assist.reply.SuggestedReplyService;
import io.agentassist.core.assist.summary.CaseSummaryService;
import io.agentassist.core.desk.ReplyDesk;
import io.agentassist.core.knowledge.KnowledgeArticles;
import io.agentassist.core.knowledge.KnowledgeSearch;
import io.agentassist.core.llm.LanguageModel;
import io.agentassist.core.llm.LanguageModels;
import io.agentassist.core.llm.ModelSettings;
import io.agentassist.core.model.AgentProfile;
import io.agentassist.core.model.Author;
import io.agentassist.core.model.Channel;
import io.agentassist.core.model.Customer;
import io.agentassist.core.model.Message;
import io.agentassist.core.model.Ticket;
import io.agentassist.core.model.TicketStatus;
import io.agentassist.core.persistence.Database;
import io.agentassist.core.persistence.DraftStore;
import io.agentassist.core.persistence.JdbcDraftStore;
import io.agentassist.core.persistence.JdbcKnowledgeGapLog;
import io.agentassist.core.persistence.JdbcTicketStore;
import io.agentassist.core.persistence.KnowledgeGap;
import io.agentassist.core.testsupport.FakeOpenAiServer;
import io.agentassist.core.testsupport.FakeResponse;
import io.agentassist.core.tickets.TicketStore;
import io.agentassist.core.tickets.TicketUpdate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The workspace's services as the window gets them, on real parts: an embedded H2 database in a temporary data
 * folder with the {@linkplain #sampleTickets() sample tickets} imported, the real {@link ReplyDesk} (replies are
 * delivered at once, on the calling thread, to {@code outbox/} and appended to their ticket), the unsent-reply
 * journal in {@code unsent/} writing at once, a real Lucene index of the Markdown articles in
 * {@code src/test/resources/workspace-kb/}, and a clock that stands still until the test moves it. Drafting is
 * offline unless the fixture is pointed at a {@link FakeOpenAiServer}.
 *
 * <pre>{@code
 * private static final KnowledgeBase knowledge = WorkspaceFixture.sharedKnowledge();
 *
 * @Test void something(@TempDir Path data) {
 *     try (WorkspaceFixture fixture = WorkspaceFixture.builder(data, knowledge).open()) {
 *         var runner = SameThreadTaskRunner.confinedToThisThread();
 *         WorkspaceViewModel workspace = fixture.viewModel(runner);
 *         workspace.start();
 *         workspace.open(WorkspaceFixture.REFUND);
 *         ...
 *     }
 * }
 * }</pre>
 *
 * Indexing loads the embedding model and takes a few seconds, so the whole test run shares one index
 * ({@link #sharedKnowledge()}); tests only read it.
 */
public final class WorkspaceFixture implements AutoCloseable {

    /** Where the fixture's clock starts: the time the sample tickets' waiting is counted to. */
    public static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    /** The agent replies are signed by and approved as. */
    public static final AgentProfile AGENT = new AgentProfile("Sam Rivera", "Sam Rivera, Northwind Support");
    /** The class-path folder of the test articles. */
    public static final String KNOWLEDGE_FOLDER = "/workspace-kb";
    /** The model name a {@link FakeOpenAiServer} is called with. */
    public static final String MODEL = "gpt-test";

    /** Open, waiting 30 minutes: when will a card refund arrive (answered by billing/refunds). */
    public static final String REFUND = "T-100";
    /** Open, waiting 2 hours, the longest: a frustrated customer asking where the parcel is. */
    public static final String PARCEL = "T-101";
    /** Open, waiting 10 minutes: a bereaved customer returning an item (blocking sensitive-situation flag). */
    public static final String BEREAVEMENT = "T-102";
    /** Pending (the agent answered, the customer wrote 5 hours ago): a password reset. */
    public static final String PASSWORD = "T-103";
    /** Solved a day ago: a return. */
    public static final String SOLVED_RETURN = "T-104";

    private final Builder settings;
    private final Database database;
    private final TicketStore tickets;
    private final DraftStore drafts;
    private final ReplyDesk desk;
    private final UnsentReplies unsent;
    private final WorkspaceServices services;
    private boolean closed;

    private WorkspaceFixture(Builder settings) {
        this.settings = settings;
        this.database = Database.openEmbedded(settings.dataDir.resolve("db"));
        try {
            this.tickets = new JdbcTicketStore(database);
            this.drafts = new JdbcDraftStore(database);
            settings.tickets.forEach(tickets::importTicket);
            this.desk = ReplyDesk.onEmbeddedDefaults(database, outboxFolder(settings.dataDir), settings.clock,
                    Runnable::run);
            this.unsent = new UnsentReplies(settings.dataDir.resolve("unsent"), 0);
            LanguageModel model = LanguageModels.from(settings.model);
            DraftGuardrails guardrails = new DraftGuardrails(GuardrailSettings.defaults());
            JdbcKnowledgeGapLog gapLog = new JdbcKnowledgeGapLog(database);
            KnowledgeGapRecorder gaps = (ticketId, question) ->
                    gapLog.record(new KnowledgeGap(ticketId, question, settings.clock.instant()));
            this.services = new WorkspaceServices(tickets, drafts, desk, settings.search, settings.articles,
                    settings.knowledgeStatus,
                    new SuggestedReplyService(settings.search, model, guardrails, new OfflineReplyDrafter(), gaps,
                            settings.clock),
                    new CaseSummaryService(model, new ExtractiveSummarizer()),
                    new RephraseService(model, guardrails, settings.clock),
                    guardrails, settings.agent, settings.approver, settings.model.isConfigured(), describe(settings.model), unsent,
                    settings.clock);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    private static KnowledgeBase shared;

    /**
     * One index of the test articles for the whole test run: every test only reads it, and building it loads the
     * embedding model, which takes seconds. Closed and deleted when the JVM exits.
     */
    public static synchronized KnowledgeBase sharedKnowledge() {
        if (shared == null) {
            try {
                Path dir = Files.createTempDirectory("workspace-kb-index");
                KnowledgeBase opened = indexKnowledge(dir);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        opened.close();
                    } catch (IOException ignored) {
                        // the JVM is exiting anyway
                    }
                }));
                shared = opened;
            } catch (IOException e) {
                throw new UncheckedIOException("could not create a folder for the test index", e);
            }
        }
        return shared;
    }

    /**
     * Builds (or rebuilds) a knowledge index of the test articles in {@code indexDir} and opens it. The caller
     * closes it.
     */
    public static KnowledgeBase indexKnowledge(Path indexDir) {
        KnowledgeBase knowledge = new KnowledgeBase(indexDir);
        try {
            knowledge.reindex(List.of(knowledgeFolder()), progress -> { });
        } catch (IOException e) {
            throw new UncheckedIOException("could not index " + KNOWLEDGE_FOLDER, e);
        }
        return knowledge;
    }

    /** The folder of the test articles, {@code src/test/resources/workspace-kb}. */
    public static Path knowledgeFolder() {
        URL folder = Objects.requireNonNull(WorkspaceFixture.class.getResource(KNOWLEDGE_FOLDER), KNOWLEDGE_FOLDER);
        try {
            return Path.of(folder.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fixture in {@code dataDir}, searching {@code knowledge}; offline, with the sample tickets, unless told. */
    public static Builder builder(Path dataDir, KnowledgeBase knowledge) {
        return new Builder(dataDir, knowledge, knowledge, knowledge);
    }

    /**
     * The sample queue, times relative to {@link #NOW}: three open tickets (one frustrated customer, one
     * bereaved), one pending and one solved.
     */
    public static List<Ticket> sampleTickets() {
        return List.of(
                ticket(REFUND, "Refund to my card", Channel.EMAIL, "Maria Lopez", "maria@example.com", TicketStatus.OPEN,
                        customer("m1", "Hello, I returned my jacket last week and it arrived at your warehouse. "
                                + "How long until the refund reaches my credit card?", Duration.ofMinutes(30))),
                ticket(PARCEL, "Where is my parcel?", Channel.EMAIL, "Alex Chen", "alex@example.com", TicketStatus.OPEN,
                        customer("m1", "This is the third time I am writing. The tracking of my parcel has not "
                                + "changed for a week. This is unacceptable! Where is my parcel?", Duration.ofHours(2))),
                ticket(BEREAVEMENT, "Returning my father's order", Channel.EMAIL, "Ruth Okafor", "ruth@example.com",
                        TicketStatus.OPEN, customer("m1", "My father passed away last week. He had ordered a coat "
                                + "that arrived after his death. How can I return it?", Duration.ofMinutes(10))),
                ticket(PASSWORD, "Cannot sign in", Channel.CHAT, "Jon Berg", "jon@example.com", TicketStatus.PENDING,
                        customer("m1", "I forgot my password. How do I reset it?", Duration.ofHours(5)),
                        new Message("m2", Author.AGENT, "Choose \"Forgot password\" on the sign-in page.",
                                NOW.minus(Duration.ofHours(4)))),
                ticket(SOLVED_RETURN, "Return label", Channel.EMAIL, "Eva Novak", "eva@example.com", TicketStatus.SOLVED,
                        customer("m1", "How do I return a pair of shoes?", Duration.ofDays(1)),
                        new Message("m2", Author.AGENT, "Print the free return label from your order page.",
                                NOW.minus(Duration.ofHours(23)))));
    }

    /**
     * A case summary as the model answers it ({@code prompts/summary-v1}'s JSON). Opening a ticket asks for the
     * summary before the suggestion, so with a model this is the first answer to script for each opening.
     */
    public static FakeResponse summaryReply(String intent) {
        return FakeResponse.reply("{\"intent\":\"" + intent + "\",\"what_happened\":\"The customer wrote in.\","
                + "\"tried_or_promised\":[],\"open_questions\":[\"" + intent + "?\"],"
                + "\"next_step\":\"Answer the question.\",\"sentiment\":\"neutral\"}");
    }

    public WorkspaceServices services() {
        return services;
    }

    /** A new view model on these services, as the window makes one. */
    public WorkspaceViewModel viewModel(TaskRunner runner) {
        return new WorkspaceViewModel(runner, services);
    }

    public TestClock clock() {
        return settings.clock;
    }

    public TicketStore tickets() {
        return tickets;
    }

    public DraftStore drafts() {
        return drafts;
    }

    public UnsentReplies unsent() {
        return unsent;
    }

    public Database database() {
        return database;
    }

    public Path dataDir() {
        return settings.dataDir;
    }

    /** Where delivered replies are written, one JSON file each. */
    public Path outboxFolder() {
        return outboxFolder(settings.dataDir);
    }

    /** The replies delivered so far. */
    public List<Path> outboxFiles() {
        if (!Files.isDirectory(outboxFolder())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(outboxFolder())) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The customer writes again: a message stamped with the fixture's clock is stored as the inbox would store
     * it. Hand the result to {@link WorkspaceViewModel#ticketChanged}.
     */
    public TicketUpdate customerWrites(String ticketId, String text) {
        return tickets.appendMessages(ticketId, List.of(new Message("m-" + UUID.randomUUID(), Author.CUSTOMER, text,
                settings.clock.instant())));
    }

    /**
     * A restart: closes this fixture without any shutdown step (as a crash would; the journal has written
     * already) and opens the same data folder again, with the same settings and clock and without importing
     * the tickets again.
     */
    public WorkspaceFixture restart() {
        close();
        return new WorkspaceFixture(settings.copyWithoutTickets());
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            unsent.close();
        } finally {
            database.close();
        }
    }

    private static Path outboxFolder(Path dataDir) {
        return dataDir.resolve("outbox");
    }

    private static String describe(ModelSettings model) {
        return model.isConfigured() ? model.modelName() + " at " + java.net.URI.create(model.baseUrl()).getHost()
                : "offline";
    }

    private static Ticket ticket(String id, String subject, Channel channel, String name, String email,
                                 TicketStatus status, Message... messages) {
        return new Ticket(id, subject, channel, new Customer(name, email, "en"), status, List.of(messages));
    }

    private static Message customer(String id, String text, Duration ago) {
        return new Message(id, Author.CUSTOMER, text, NOW.minus(ago));
    }

    /** What the fixture is built with; every setting has a default. */
    public static final class Builder {
        private final Path dataDir;
        private final KnowledgeSearch search;
        private final KnowledgeArticles articles;
        private KnowledgeStatus knowledgeStatus;
        private ModelSettings model = ModelSettings.unconfigured();
        private AgentProfile agent = AGENT;
        private String approver = AGENT.name();
        private List<Ticket> tickets = sampleTickets();
        private TestClock clock = new TestClock(NOW);

        private Builder(Path dataDir, KnowledgeSearch search, KnowledgeArticles articles,
                        KnowledgeStatus knowledgeStatus) {
            this.dataDir = dataDir;
            this.search = search;
            this.articles = articles;
            this.knowledgeStatus = knowledgeStatus;
        }

        /**
         * Drafts and summaries come from this server, called as {@link #MODEL} with one retry. The summary of a
         * ticket is asked for (blocking) before its suggestion (streamed), so script them in that order. A 429
         * or 5xx is retried after the backoff unless it carries {@code retryAfter(Duration.ZERO)}.
         */
        public Builder model(FakeOpenAiServer server) {
            return model(new ModelSettings(server.baseUrl(), "sk-test", MODEL, Duration.ofSeconds(5), 1));
        }

        public Builder model(ModelSettings settings) {
            this.model = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /** Whether the index counts as ready; by default the knowledge base's own answer (ready once built). */
        public Builder knowledgeStatus(KnowledgeStatus status) {
            this.knowledgeStatus = Objects.requireNonNull(status, "status");
            return this;
        }

        /** Who approves in the window; "" is a workstation without a name, which core refuses. */
        public Builder approver(String name) {
            this.approver = name;
            return this;
        }

        public Builder agent(AgentProfile profile) {
            this.agent = Objects.requireNonNull(profile, "profile");
            return this;
        }

        /** The tickets imported when the fixture opens, instead of the sample ones. */
        public Builder tickets(List<Ticket> imported) {
            this.tickets = List.copyOf(imported);
            return this;
        }

        public Builder clock(TestClock testClock) {
            this.clock = Objects.requireNonNull(testClock, "testClock");
            return this;
        }

        public WorkspaceFixture open() {
            return new WorkspaceFixture(this);
        }

        private Builder copyWithoutTickets() {
            Builder copy = new Builder(dataDir, search, articles, knowledgeStatus);
            copy.model = model;
            copy.agent = agent;
            copy.tickets = List.of();
            copy.clock = clock;
            return copy;
        }
    }
}
