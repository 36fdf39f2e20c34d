package io.agentassist.app;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import io.agentassist.app.desktop.AssistApplication;
import io.agentassist.app.desktop.FxPlatform;
import javafx.application.Platform;

/**
 * Starts the JavaFX toolkit once per test JVM with the app's theme, and runs code on its thread, waiting
 * with a bound.
 */
public final class FxToolkit {
    private static final long TIMEOUT_SECONDS = 10;
    private static boolean started;

    private FxToolkit() {
    }

    public static synchronized void start() {
        if (started) {
            return;
        }
        try {
            FxPlatform.startAndAwaitFonts();
        } catch (Exception e) {
            throw new IllegalStateException("JavaFX did not start", e);
        }
        AssistApplication.applyTheme();
        started = true;
    }

    public static <T> T onFxThread(Callable<T> work) throws Exception {
        start();
        var result = new CompletableFuture<T>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        return result.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    /** Polls the condition on the FX thread until it holds; fails naming what did not happen within the bound. */
    public static void await(String what, java.time.Duration bound, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + bound.toNanos();
        while (System.nanoTime() < deadline) {
            if (Boolean.TRUE.equals(onFxThread(() -> {
                try {
                    return condition.call();
                } catch (RuntimeException | AssertionError notYet) {
                    return false;
                }
            }))) {
                return;
            }
            Thread.sleep(40);
        }
        throw new AssertionError("within " + bound.toSeconds() + " s: " + what);
    }
}
