package io.agentassist.app.perf;

import io.agentassist.app.AppDirectories;
import io.agentassist.app.desktop.FxPlatform;
import io.agentassist.app.desktop.AssistApplication;
import io.agentassist.app.wiring.DesktopWiring;
import io.agentassist.app.workspace.ArticlesViewModel;
import io.agentassist.app.workspace.QueueItem;
import io.agentassist.app.workspace.SuggestionViewModel;
import io.agentassist.app.workspace.SummaryViewModel;
import io.agentassist.app.workspace.WorkspaceView;
import io.agentassist.app.workspace.WorkspaceViewModel;
import io.agentassist.core.config.AssistConfig;
import io.agentassist.core.llm.ModelSettings;
import io.agentassist.core.model.Ticket;
import io.agentassist.core.persistence.Database;
import io.agentassist.core.persistence.JdbcTicketStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.stage.Stage;

/**
 * Opens the real workspace window (the desktop wiring with its embedded database, knowledge index, offline
 * model and task pool; {@link WorkspaceView} on a stage) and selects tickets in its queue one after another, the
 * way a click does, timing on the FX thread how long each takes until the knowledge articles list shows that
 * ticket's passages, while an {@link FxStallMonitor} watches the FX thread.
 *
 * <p>Two paces. <em>Reading</em>: the next ticket is selected once everything the last one started is on screen
 * (articles, summary, suggestion), as when an agent reads each ticket. <em>Skimming</em>: the next ticket is
 * selected as soon as the articles are laid out, but not sooner than {@code skimInterval} after the last
 * selection, as when an agent goes down the queue with the keyboard; the summaries and suggestions of tickets
 * left behind are then still running.
 *
 * <p>A benchmark, not a test: it reports figures and asserts nothing about them.
 */
public final class WindowBench {
    static final String QUEUE_LIST = "#queue-list";
    static final String ARTICLES_LIST = "#articles";
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration SELECTION_TIMEOUT = Duration.ofSeconds(60);
    private static final int WORST_STALLS_KEPT = 3;

    /** How fast tickets follow each other. */
    public enum Pace { READING, SKIMMING }

    /**
     * @param dataDir      an empty folder for the window's database and files
     * @param indexDir     the knowledge index to search
     * @param indexChunks  how many passages it holds (checked against what the window reports)
     * @param tickets      put into the store before the window opens; warm-up first, then each phase's
     * @param headless     JavaFX's headless platform (what CI has) instead of the display in {@code $DISPLAY}
     */
    public record Settings(Path dataDir, Path indexDir, int indexChunks, List<Ticket> tickets, int warmUp,
                           int selections, Duration skimInterval, boolean headless) {
        public Settings {
            tickets = List.copyOf(tickets);
            if (warmUp < 0 || selections < 1 || tickets.size() < warmUp + 2L * selections) {
                throw new IllegalArgumentException("need " + (warmUp + 2L * selections) + " tickets for " + warmUp
                        + " warm-up selections and two phases of " + selections + ", have " + tickets.size());
            }
        }
    }

    /**
     * One ticket opened; times in milliseconds from the selection. {@code settledMillis} is when the summary and
     * the suggestion were shown too (reading pace only, else NaN).
     */
    public record Opened(String ticketId, double conversationMillis, double articlesMillis, double laidOutMillis,
                         double settledMillis, int hits, boolean suggestionFailed) {
    }

    /** One phase's selections with what the stall monitor saw meanwhile. */
    public record Phase(Pace pace, List<Opened> opened, FxStallMonitor.Snapshot fx, List<FxStallMonitor.Stall> worstStalls) {
        public double[] millis(java.util.function.ToDoubleFunction<Opened> which) {
            return opened.stream().mapToDouble(which).toArray();
        }
    }

    /** What a run measured. */
    public record Result(String platform, double windowMillis, int queueSize, Phase warmUp, List<Phase> phases) {
    }

    private WindowBench() {
    }

    public static Result run(Settings settings, Consumer<String> status) throws Exception {
        status.accept("Putting " + settings.tickets().size() + " tickets into the store");
        try (Database database = Database.openEmbedded(settings.dataDir())) {
            var store = new JdbcTicketStore(database);
            settings.tickets().forEach(store::save);
        }
        startToolkit(settings.headless());
        String platform = describePlatform();
        status.accept("Opening the window (" + platform + ")");
        long opening = System.nanoTime();
        Window window = onFx(() -> Window.open(settings));
        try {
            window.awaitReady(settings);
            double windowMillis = (System.nanoTime() - opening) / 1e6;
            int queueSize = onFx(() -> window.queue.getItems().size());
            List<FxStallMonitor.Stall> stalls = new CopyOnWriteArrayList<>();
            try (FxStallMonitor monitor = FxStallMonitor.start(FxStallMonitor.DEFAULT_INTERVAL,
                    FxStallMonitor.DEFAULT_THRESHOLD, stalls::add)) {
                List<Ticket> tickets = settings.tickets();
                int from = 0;
                status.accept("Warming up: " + settings.warmUp() + " selections");
                Phase warmUp = phase(window, Pace.READING, tickets.subList(from, from += settings.warmUp()),
                        settings, monitor, stalls);
                List<Phase> phases = new ArrayList<>();
                for (Pace pace : Pace.values()) {
                    status.accept("Measuring: " + settings.selections() + " selections, " + pace.name().toLowerCase());
                    phases.add(phase(window, pace, tickets.subList(from, from += settings.selections()), settings,
                            monitor, stalls));
                }
                return new Result(platform, windowMillis, queueSize, warmUp, phases);
            }
        } finally {
            onFx(() -> {
                window.close();
                return null;
            });
            Platform.exit();
        }
    }

    private static Phase phase(Window window, Pace pace, List<Ticket> tickets, Settings settings,
                               FxStallMonitor monitor, List<FxStallMonitor.Stall> stalls) throws Exception {
        monitor.reset();
        stalls.clear();
        List<Opened> opened = new ArrayList<>();
        for (Ticket ticket : tickets) {
            long selected = System.nanoTime();
            var done = new CompletableFuture<Opened>();
            Platform.runLater(() -> window.select(ticket.id(), pace, done));
            opened.add(await(done, SELECTION_TIMEOUT, "ticket " + ticket.id() + " to show its articles"));
            if (pace == Pace.SKIMMING) {
                long rest = settings.skimInterval().toNanos() - (System.nanoTime() - selected);
                if (rest > 0) {
                    TimeUnit.NANOSECONDS.sleep(rest);
                }
            }
        }
        FxStallMonitor.Snapshot fx = monitor.snapshot();
        List<FxStallMonitor.Stall> worst = stalls.stream()
                .sorted(Comparator.comparingDouble(FxStallMonitor.Stall::millis).reversed())
                .limit(WORST_STALLS_KEPT).toList();
        return new Phase(pace, opened, fx, worst);
    }

    /** The window and the nodes the bench reads, all touched on the FX thread only. */
    private static final class Window {
        final DesktopWiring wiring;
        final Stage stage;
        final Scene scene;
        final WorkspaceViewModel workspace;
        final ListView<QueueItem> queue;
        final Parent articles;

        private Window(DesktopWiring wiring, Stage stage, Scene scene, ListView<QueueItem> queue, Parent articles) {
            this.wiring = wiring;
            this.stage = stage;
            this.scene = scene;
            this.workspace = wiring.workspace();
            this.queue = queue;
            this.articles = articles;
        }

        /** What {@code AssistApplication.start} does, on a given data folder and index, offline. */
        static Window open(Settings settings) {
            AssistApplication.applyTheme();
            // The knowledge folders are an empty one: were the bench index unreadable, the window's rebuild finds no
            // articles and leaves it alone (and the bench fails) instead of replacing it with the demo help centre.
            Path noSources = settings.dataDir().resolve("no-knowledge-sources");
            try {
                java.nio.file.Files.createDirectories(noSources);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            var config = new AssistConfig(ModelSettings.unconfigured(), "Bench Agent", "", Optional.empty(),
                    Optional.of(settings.indexDir()), Optional.empty(), Optional.empty(), List.of(noSources));
            var wiring = new DesktopWiring(new AppDirectories(settings.dataDir()), config, Clock.systemDefaultZone());
            var view = new WorkspaceView(wiring.workspace(), wiring.knowledge(), () -> { }, () -> { });
            var scene = new Scene(view.build(), 1400, 900);
            view.installShortcuts(scene);
            var stage = new Stage();
            stage.setTitle("Agent Assist (window bench)");
            stage.setScene(scene);
            stage.show();
            wiring.start();
            @SuppressWarnings("unchecked")
            ListView<QueueItem> queue = (ListView<QueueItem>) required(scene, QUEUE_LIST);
            return new Window(wiring, stage, scene, queue, (Parent) required(scene, ARTICLES_LIST));
        }

        void awaitReady(Settings settings) throws Exception {
            Set<String> wanted = settings.tickets().stream().map(Ticket::id).collect(Collectors.toSet());
            long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
            while (true) {
                String problem = onFx(() -> {
                    if (wiring.knowledge().failedProperty().get()) {
                        throw new IllegalStateException(wiring.knowledge().statusProperty().get());
                    }
                    if (!wiring.knowledge().readyProperty().get()) {
                        return "the knowledge index is not open yet";
                    }
                    long listed = queue.getItems().stream().filter(item -> wanted.contains(item.ticketId())).count();
                    return listed == wanted.size() ? "" : "the queue lists " + listed + " of " + wanted.size() + " tickets";
                });
                if (problem.isEmpty()) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException("the window was not ready after " + READY_TIMEOUT.toSeconds() + " s: "
                            + problem);
                }
                Thread.sleep(20);
            }
            String indexStatus = onFx(() -> wiring.knowledge().statusProperty().get());
            if (!indexStatus.contains(" " + settings.indexChunks() + " passages")) {
                throw new IllegalStateException("the window did not open the bench index of " + settings.indexChunks()
                        + " passages: " + indexStatus);
            }
        }

        /** Selects the ticket in the queue as a click does, and completes {@code done} when its articles show. */
        void select(String ticketId, Pace pace, CompletableFuture<Opened> done) {
            QueueItem item = queue.getItems().stream().filter(i -> i.ticketId().equals(ticketId)).findFirst()
                    .orElse(null);
            if (item == null) {
                done.completeExceptionally(new IllegalStateException(ticketId + " is not in the queue"));
                return;
            }
            var probe = new Probe(this, ticketId, pace, done);
            probe.attach();
            probe.selected = System.nanoTime();
            queue.getSelectionModel().select(item);
            if (!ticketId.equals(workspace.openTicketIdProperty().get())) {
                probe.fail("selecting " + ticketId + " did not open it");
            }
        }

        void close() {
            stage.hide();
            wiring.close();
        }

        private static Node required(Scene scene, String selector) {
            Node node = scene.lookup(selector);
            if (node == null) {
                throw new IllegalStateException("the window has no " + selector + " any more: update the window bench");
            }
            return node;
        }
    }

    /** Listens for one opening to reach the screen; everything runs on the FX thread. */
    private static final class Probe {
        private final Window window;
        private final String ticketId;
        private final Pace pace;
        private final CompletableFuture<Opened> done;
        private final ArticlesViewModel articles;
        private final SuggestionViewModel suggestion;
        private final SummaryViewModel summary;
        long selected;
        private long conversationAt;
        private long articlesAt;
        private long laidOutAt;
        private boolean sawLoading;
        private int hits;
        private final ChangeListener<Object> conversationListener = (obs, old, shown) -> conversationShown();
        private final ChangeListener<Boolean> loadingListener = (obs, was, loading) -> loadingChanged(loading);
        private final ChangeListener<Object> settleListener = (obs, was, now) -> maybeSettled();
        private final Runnable afterLayout = this::laidOut;

        Probe(Window window, String ticketId, Pace pace, CompletableFuture<Opened> done) {
            this.window = window;
            this.ticketId = ticketId;
            this.pace = pace;
            this.done = done;
            this.articles = window.workspace.articles();
            this.suggestion = window.workspace.suggestion();
            this.summary = window.workspace.summary();
        }

        void attach() {
            window.workspace.conversation().ticketProperty().addListener(conversationListener);
            articles.loadingProperty().addListener(loadingListener);
            suggestion.stateProperty().addListener(settleListener);
            summary.stateProperty().addListener(settleListener);
        }

        private void detach() {
            window.workspace.conversation().ticketProperty().removeListener(conversationListener);
            articles.loadingProperty().removeListener(loadingListener);
            suggestion.stateProperty().removeListener(settleListener);
            summary.stateProperty().removeListener(settleListener);
            window.scene.removePostLayoutPulseListener(afterLayout);
        }

        private boolean current() {
            return ticketId.equals(window.workspace.openTicketIdProperty().get());
        }

        private void conversationShown() {
            if (conversationAt == 0 && current() && window.workspace.conversation().ticket()
                    .filter(t -> t.id().equals(ticketId)).isPresent()) {
                conversationAt = System.nanoTime();
            }
        }

        private void loadingChanged(boolean loading) {
            if (loading) {
                sawLoading = true;
                return;
            }
            if (!sawLoading || articlesAt != 0 || !current()) {
                return;
            }
            articlesAt = System.nanoTime();
            hits = articles.hits().size();
            int rows = window.articles.getChildrenUnmodifiable().size();
            if (rows != hits) {
                fail("the articles list shows " + rows + " rows for " + hits + " hits");
                return;
            }
            if (hits == 0) {
                fail(ticketId + " got no articles: " + articles.statusProperty().get());
                return;
            }
            window.scene.addPostLayoutPulseListener(afterLayout);
            Platform.requestNextPulse();
        }

        private void laidOut() {
            window.scene.removePostLayoutPulseListener(afterLayout);
            laidOutAt = System.nanoTime();
            if (pace == Pace.SKIMMING) {
                finish(Double.NaN);
            } else {
                maybeSettled();
            }
        }

        private void maybeSettled() {
            if (pace != Pace.READING || laidOutAt == 0 || done.isDone() || !current()) {
                return;
            }
            if (finished(suggestion.stateProperty().get()) && finished(summary.stateProperty().get())) {
                finish(millis(System.nanoTime()));
            }
        }

        private static boolean finished(SuggestionViewModel.State state) {
            return state == SuggestionViewModel.State.READY || state == SuggestionViewModel.State.FAILED;
        }

        private static boolean finished(SummaryViewModel.State state) {
            return state == SummaryViewModel.State.READY || state == SummaryViewModel.State.FAILED;
        }

        private void finish(double settledMillis) {
            detach();
            done.complete(new Opened(ticketId, millis(conversationAt), millis(articlesAt), millis(laidOutAt),
                    settledMillis, hits, suggestion.stateProperty().get() == SuggestionViewModel.State.FAILED));
        }

        private void fail(String why) {
            detach();
            done.completeExceptionally(new IllegalStateException(why));
        }

        private double millis(long at) {
            return at == 0 ? Double.NaN : (at - selected) / 1e6;
        }
    }

    private static void startToolkit(boolean headless) throws Exception {
        if (headless) {
            System.setProperty("glass.platform", "Headless");
            System.setProperty("prism.order", "sw");
        }
        FxPlatform.startAndAwaitFonts();
    }

    private static String describePlatform() {
        String glass = System.getProperty("glass.platform", "");
        String prism = System.getProperty("prism.order", "");
        return (glass.isBlank() ? "display " + System.getenv().getOrDefault("DISPLAY", "(none)") : glass)
                + (prism.isBlank() ? "" : ", prism " + prism);
    }

    static <T> T onFx(Callable<T> work) throws Exception {
        var result = new CompletableFuture<T>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        return await(result, READY_TIMEOUT, "the FX thread");
    }

    private static <T> T await(CompletableFuture<T> future, Duration timeout, String what) throws Exception {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new TimeoutException("waited " + timeout.toSeconds() + " s for " + what);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }
}
