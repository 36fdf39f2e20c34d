package io.agentassist.app.perf;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.application.Platform;
import org.slf4j.Logger;

/**
 * Measures how late the JavaFX application thread runs what is posted to it. A daemon thread posts a
 * heartbeat with {@link Platform#runLater} and waits for it to run; the delay is the heartbeat's lateness, the
 * longest time an input event or a pulse would have waited at that moment. Then it waits {@code interval} and
 * posts the next one, so there is never more than one heartbeat in the queue and a long block counts once.
 *
 * <p>A heartbeat later than {@code threshold} is a stall. When a heartbeat has been waiting for
 * {@code threshold} the monitor takes a stack sample of the FX thread: what it is busy with while the stall is in
 * progress, which is what finds the culprit. Stalls are handed to a listener off the FX thread.
 *
 * <p>Costs one tiny runnable on the FX thread per interval. In the app it is off unless
 * {@value #ENVIRONMENT_VARIABLE}=1 (or {@code -D}{@value #SYSTEM_PROPERTY}{@code =true}) is set; then stalls go to
 * the log at WARN with the sample.
 */
public final class FxStallMonitor implements AutoCloseable {
    public static final String ENVIRONMENT_VARIABLE = "ASSIST_STALL_MONITOR";
    public static final String SYSTEM_PROPERTY = "assist.stallMonitor";
    public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(10);
    public static final Duration DEFAULT_THRESHOLD = Duration.ofMillis(50);
    static final String FX_THREAD_NAME = "JavaFX Application Thread";
    private static final int LOGGED_FRAMES = 40;

    /**
     * One stall.
     *
     * @param millis  how late the heartbeat ran
     * @param fxStack the FX thread's stack while the heartbeat waited, innermost first; empty when the stall
     *                ended before it could be sampled
     */
    public record Stall(double millis, List<StackTraceElement> fxStack) {
        public Stall {
            fxStack = List.copyOf(fxStack);
        }

        /** One line, then the sampled frames, for a log. */
        public String describe() {
            String head = String.format("The FX thread stalled %.1f ms", millis);
            if (fxStack.isEmpty()) {
                return head + " (over before a stack sample was taken)";
            }
            String frames = fxStack.stream().limit(LOGGED_FRAMES).map(frame -> "\tat " + frame)
                    .collect(Collectors.joining("\n"));
            return head + "; meanwhile it was at:\n" + frames
                    + (fxStack.size() > LOGGED_FRAMES ? "\n\t... " + (fxStack.size() - LOGGED_FRAMES) + " more" : "");
        }
    }

    /** Heartbeat lateness since the start or the last {@link #reset()}, in milliseconds. */
    public record Snapshot(long heartbeats, double p50Millis, double p99Millis, double maxMillis, long stalls) {
    }

    private final long intervalNanos;
    private final long thresholdNanos;
    private final Consumer<Stall> onStall;
    private final LatencyHistogram lateness = new LatencyHistogram();
    private final AtomicLong stalls = new AtomicLong();
    private final Thread thread;
    private volatile boolean closed;
    private volatile Thread fxThread;

    private FxStallMonitor(Duration interval, Duration threshold, Consumer<Stall> onStall) {
        this.intervalNanos = interval.toNanos();
        this.thresholdNanos = threshold.toNanos();
        this.onStall = Objects.requireNonNull(onStall, "onStall");
        if (intervalNanos <= 0 || thresholdNanos <= 0) {
            throw new IllegalArgumentException("interval and threshold must be positive");
        }
        this.thread = new Thread(this::run, "fx-stall-monitor");
        thread.setDaemon(true);
    }

    /** Starts monitoring the (already started) JavaFX toolkit. */
    public static FxStallMonitor start(Duration interval, Duration threshold, Consumer<Stall> onStall) {
        var monitor = new FxStallMonitor(interval, threshold, onStall);
        monitor.thread.start();
        return monitor;
    }

    /** Whether the environment asks for the monitor: {@value #ENVIRONMENT_VARIABLE} or the system property. */
    public static boolean requested(Map<String, String> environment, String systemProperty) {
        String value = systemProperty != null ? systemProperty : environment.get(ENVIRONMENT_VARIABLE);
        return value != null && switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "1", "true", "yes", "on" -> true;
            default -> false;
        };
    }

    /** A listener that writes each stall, with its sample, to {@code log} at WARN. */
    public static Consumer<Stall> loggingTo(Logger log) {
        return stall -> log.warn(stall.describe());
    }

    public Snapshot snapshot() {
        return new Snapshot(lateness.count(), lateness.percentileMillis(50), lateness.percentileMillis(99),
                lateness.maxMillis(), stalls.get());
    }

    /** Starts counting afresh (e.g. after a warm-up). */
    public void reset() {
        lateness.reset();
        stalls.set(0);
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }

    private void run() {
        try {
            while (!closed) {
                beat();
                TimeUnit.NANOSECONDS.sleep(intervalNanos);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IllegalStateException toolkitGone) {
            // Platform.runLater after the toolkit exited: nothing left to monitor
        }
    }

    private void beat() throws InterruptedException {
        var ran = new CountDownLatch(1);
        AtomicLong ranAt = new AtomicLong();
        long posted = System.nanoTime();
        Platform.runLater(() -> {
            ranAt.set(System.nanoTime());
            fxThread = Thread.currentThread();
            ran.countDown();
        });
        List<StackTraceElement> sample = List.of();
        if (!ran.await(thresholdNanos, TimeUnit.NANOSECONDS)) {
            sample = sampleFxThread();
            while (!ran.await(100, TimeUnit.MILLISECONDS)) {
                if (closed) {
                    return;
                }
            }
        }
        long late = ranAt.get() - posted;
        lateness.record(late);
        if (late > thresholdNanos) {
            stalls.incrementAndGet();
            try {
                onStall.accept(new Stall(late / 1e6, sample));
            } catch (RuntimeException e) {
                // a failing listener must not stop the monitoring
            }
        }
    }

    private List<StackTraceElement> sampleFxThread() {
        Thread fx = fxThread;
        if (fx == null) {
            fx = Thread.getAllStackTraces().keySet().stream().filter(t -> FX_THREAD_NAME.equals(t.getName()))
                    .findFirst().orElse(null);
        }
        return fx == null ? List.of() : Arrays.asList(fx.getStackTrace());
    }
}
