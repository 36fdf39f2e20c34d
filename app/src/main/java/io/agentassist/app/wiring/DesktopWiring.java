package io.agentassist.app.wiring;

import io.agentassist.app.AppDirectories;
import io.agentassist.app.demo.DemoData;
import io.agentassist.app.demo.DemoHistory;
import io.agentassist.app.demo.DemoLiveChat;
import io.agentassist.app.knowledge.KnowledgeBase;
import io.agentassist.app.review.CoachingViewModel;
import io.agentassist.app.review.DashboardViewModel;
import io.agentassist.app.review.ReviewFilterModel;
import io.agentassist.app.review.ReviewViewModel;
import io.agentassist.core.config.AgentRole;
import io.agentassist.core.review.ArticleDraftFolder;
import io.agentassist.core.review.ReviewDesk;
import java.time.LocalDate;
import java.time.ZoneId;
import io.agentassist.app.settings.DatabaseProbe;
import io.agentassist.app.settings.SettingsViewModel;
import io.agentassist.app.tasks.BackgroundTaskRunner;
import io.agentassist.app.workspace.KnowledgeIndexViewModel;
import io.agentassist.app.workspace.UnsentReplies;
import io.agentassist.app.workspace.WorkspaceServices;
import io.agentassist.app.workspace.WorkspaceViewModel;
import io.agentassist.core.config.AssistConfig;
import io.agentassist.core.config.AssistConfigLoader;
import io.agentassist.core.llm.ModelConnectionCheck;
import java.util.function.Consumer;
import io.agentassist.core.desk.ReplyDesk;
import io.agentassist.core.model.AgentProfile;
import io.agentassist.core.persistence.Database;
import io.agentassist.core.persistence.JdbcDraftStore;
import io.agentassist.core.persistence.JdbcTicketStore;
import io.agentassist.core.tickets.InboxWatcher;
import io.agentassist.core.tickets.TicketImporter;
import io.agentassist.core.tickets.TicketStore;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the desktop window's objects and starts what runs beside it: the store, the knowledge index (built
 * on the first start, with progress, while the window is already usable), the demo data on a fresh machine,
 * the inbox watcher and the demo's live chat. The one place that knows which implementation goes where.
 */
public final class DesktopWiring implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DesktopWiring.class);

    private final AppDirectories directories;
    private final AssistConfig config;
    private final Clock clock;
    private final BackgroundTaskRunner runner = new BackgroundTaskRunner(4);
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "assist-timers");
        thread.setDaemon(true);
        return thread;
    });
    private final Database database;
    private final JdbcTicketStore tickets;
    private final KnowledgeBase knowledgeBase;
    private final UnsentReplies unsent;
    private final ReplyDesk desk;
    private final KnowledgeIndexViewModel knowledge = new KnowledgeIndexViewModel();
    private final WorkspaceViewModel workspace;
    private final ReviewDesk reviews;
    private final ReviewFilterModel reviewFilter;
    private final String approver;
    private final CoachingViewModel coaching;
    private InboxWatcher inbox;

    public DesktopWiring(AppDirectories directories, AssistConfig config, Clock clock) {
        this.directories = directories;
        this.config = config;
        this.clock = clock;
        AssistServices assist = new AssistServices(config, clock);
        this.database = assist.openDatabase(directories.dataDir());
        this.tickets = new JdbcTicketStore(database);
        this.knowledgeBase = new KnowledgeBase(config.indexDir().orElse(directories.indexDir()));
        this.unsent = new UnsentReplies(directories.dataDir().resolve("unsent"));
        // Delivery runs on the approving task's thread, so the sent reply is in the ticket when it returns.
        this.desk = ReplyDesk.onEmbeddedDefaults(database, directories.dataDir().resolve("outbox"), clock, Runnable::run);
        this.workspace = new WorkspaceViewModel(runner, services(assist, config));
        ZoneId zone = clock.getZone();
        this.reviews = assist.review(database, zone);
        this.reviewFilter = new ReviewFilterModel(LocalDate.now(clock), zone);
        this.approver = approver(config);
        this.coaching = new CoachingViewModel(runner, reviews::coachingFor, approver);
        workspace.openTicketIdProperty().subscribe(coaching::ticketOpened);
    }

    /** Whether the window offers the team lead's modes ({@code agent.role = lead}). */
    public boolean lead() {
        return config.role() == AgentRole.LEAD;
    }

    /** The agent's coaching: reviews of the replies this window's approver sent. */
    public CoachingViewModel coaching() {
        return coaching;
    }

    /** The review workspace; the lead reviews under the approver's name. */
    public ReviewViewModel review() {
        return new ReviewViewModel(runner, reviews, reviewFilter, approver);
    }

    /** The dashboard; article drafts go to {@code <data folder>/article-drafts/}, outside every knowledge folder. */
    public DashboardViewModel dashboard() {
        List<Path> knowledgeFolders = config.knowledgeFolders().isEmpty()
                ? List.of(new DemoData(directories.dataDir()).helpCentre()) : config.knowledgeFolders();
        return new DashboardViewModel(runner, reviews, reviewFilter,
                new ArticleDraftFolder(directories.dataDir().resolve("article-drafts"), knowledgeFolders));
    }

    /** Without a configured name, approvals (and reviews) are the workstation login's. */
    private static String approver(AssistConfig settings) {
        return settings.agentName().isBlank() ? System.getProperty("user.name", "") : settings.agentName();
    }

    public WorkspaceViewModel workspace() {
        return workspace;
    }

    public KnowledgeIndexViewModel knowledge() {
        return knowledge;
    }

    public AppDirectories directories() {
        return directories;
    }

    /** The services for a configuration; called again when the settings change the model. */
    WorkspaceServices services(AssistServices assist, AssistConfig settings) {
        AgentProfile agent = assist.agent();
        // Without a configured name, approvals are the workstation login's: someone is always accountable.
        String approver = approver(settings);
        return new WorkspaceServices(tickets, new JdbcDraftStore(database), desk, knowledgeBase, knowledgeBase,
                knowledgeBase, assist.suggestions(knowledgeBase, assist.gapsIn(database)), assist.summaries(),
                assist.rephrasing(), assist.guardrails(), agent, approver, assist.modelConfigured(), assist.modelDescription(),
                unsent, clock);
    }

    /** Starts the background work: demo data, knowledge index, deliveries left over, the inbox. */
    public void start() {
        workspace.start();
        DemoData demo = new DemoData(directories.dataDir());
        List<Path> folders = config.knowledgeFolders().isEmpty() ? List.of(demo.helpCentre()) : config.knowledgeFolders();
        // A configured database is a team's: its queue is real work, so the demo tickets stay out of it.
        TicketStore demoTickets = config.databaseUrl().isPresent() ? null : tickets;
        runner.submit("prepare the demo data", () -> demo.install(demoTickets, clock, now -> DemoHistory.seed(database,
                tickets, demo.helpCentre().resolveSibling("history-outbox"), approver, now)), imported -> {
            if (imported > 0) {
                workspace.queue().refresh();
            }
            openKnowledge(folders);
        }, failure -> {
            LOG.error("The demo data could not be installed", failure);
            openKnowledge(folders);
        });
        runner.submit("deliver replies approved before", desk::resumeDeliveries, report -> { },
                failure -> LOG.warn("Delivering queued replies failed: {}", failure.toString()));
        startInbox();
    }

    private void openKnowledge(List<Path> folders) {
        runner.submit("open the knowledge index", knowledgeBase::openExisting, opened -> {
            if (opened) {
                knowledgeReady(folders);
            } else {
                rebuildKnowledge(folders);
            }
        }, this::knowledgeFailed);
    }

    private void rebuildKnowledge(List<Path> folders) {
        knowledge.indexing("Indexing the help centre…", 0);
        runner.submit("index " + folders, () -> knowledgeBase.reindex(folders,
                        done -> runner.onUi(() -> knowledge.indexing("Indexing the knowledge base…", done))),
                report -> knowledgeReady(folders),
                this::knowledgeFailed);
    }

    /**
     * A new view model for the Settings dialog (one per opening). Re-indexing goes through the window's
     * knowledge base, so the co-pilot searches the new index as soon as it is written.
     */
    public SettingsViewModel settings(Consumer<AssistConfig> onSaved) {
        return new SettingsViewModel(AssistConfigLoader.forCurrentUser(), directories.dataDir(), runner,
                new ModelConnectionCheck(), (folders, progress) -> {
                    var summary = knowledgeBase.reindex(folders, progress);
                    runner.onUi(() -> knowledgeReady(folders));
                    return summary;
                }, DatabaseProbe.openingTheDatabase(config.databaseUser(), config.databasePassword()), onSaved);
    }

    /** The configuration was saved: new suggestions use its model and agent profile at once. */
    public void configurationChanged(AssistConfig saved) {
        workspace.useServices(services(new AssistServices(saved, clock), saved));
    }

    private void knowledgeFailed(Throwable failure) {
        LOG.warn("Knowledge index unavailable: {}", failure.getMessage());
        knowledge.failed(failure.getMessage());
    }

    private void knowledgeReady(List<Path> folders) {
        LOG.info("Knowledge index ready: {} passages, {} ms after the JVM started", knowledgeBase.chunkCount(),
                ManagementFactory.getRuntimeMXBean().getUptime());
        knowledge.ready(knowledgeBase.chunkCount(), folders.size() == 1 ? folders.getFirst().toString()
                : folders.size() + " folders");
        workspace.knowledgeReady();
    }

    private void startInbox() {
        Path folder = config.inboxDir().orElse(directories.dataDir().resolve("inbox"));
        try {
            inbox = new InboxWatcher(folder, new TicketImporter(tickets));
            inbox.addListener(update -> runner.onUi(() -> workspace.ticketChanged(update)));
            inbox.start();
            DemoLiveChat chat = DemoLiveChat.load(folder, clock, timers);
            workspace.openTicketIdProperty().subscribe(chat::ticketOpened);
        } catch (IOException | RuntimeException e) {
            LOG.error("The inbox {} could not be watched: {}", folder, e.toString());
        }
    }

    @Override
    public void close() {
        workspace.shutdown();
        if (inbox != null) {
            inbox.close();
        }
        timers.shutdownNow();
        unsent.close();
        runner.close();
        try {
            knowledgeBase.close();
        } catch (IOException e) {
            LOG.debug("Closing the knowledge index failed", e);
        }
        database.close();
    }
}
