package io.agentassist.app.tasks;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The window's task runner: a small pool of daemon threads for the work, {@link Platform#runLater} for the
 * results. Daemon threads so a hung model call never keeps the application from exiting.
 */
public final class BackgroundTaskRunner implements TaskRunner, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundTaskRunner.class);

    private final ExecutorService workers;

    public BackgroundTaskRunner(int threads) {
        this.workers = Executors.newFixedThreadPool(threads, daemonThreads());
    }

    @Override
    public <T> void submit(String name, Callable<T> work, Consumer<? super T> onSuccess,
                           Consumer<Throwable> onFailure) {
        workers.execute(() -> {
            T result;
            try {
                result = work.call();
            } catch (Throwable t) {
                LOG.warn("{} failed: {}", name, t.toString());
                LOG.debug("{} failed", name, t);
                onUi(() -> onFailure.accept(t));
                return;
            }
            onUi(() -> onSuccess.accept(result));
        });
    }

    @Override
    public void onUi(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }

    /** The executor itself, for services that take a plain {@link java.util.concurrent.Executor}. */
    public java.util.concurrent.Executor executor() {
        return workers;
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "assist-task-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
