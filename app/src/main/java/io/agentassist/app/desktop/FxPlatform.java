package io.agentassist.app.desktop;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.text.Font;

/**
 * Starts the JavaFX toolkit outside {@code Application.launch} (benchmarks, tests) and waits until it can draw
 * text. Seen on the headless platform: a control built before the graphics pipeline had its font factory made
 * {@code Tooltip}'s class initialiser fail for good with a NullPointerException in {@code PrismFontLoader}; the
 * default font loads only once the factory is there, so this waits for it.
 */
public final class FxPlatform {
    private static final long BOUND_SECONDS = 30;

    private FxPlatform() {
    }

    /** Starts the toolkit (or finds it running) and returns once the default font loads. */
    public static void startAndAwaitFonts() throws Exception {
        var started = new CountDownLatch(1);
        try {
            Platform.startup(started::countDown);
        } catch (IllegalStateException alreadyRunning) {
            started.countDown();
        }
        Platform.setImplicitExit(false);
        if (!started.await(BOUND_SECONDS, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the JavaFX toolkit did not start within " + BOUND_SECONDS + " s");
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(BOUND_SECONDS);
        while (!onFx(FxPlatform::defaultFontLoads)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("JavaFX could not load its default font within " + BOUND_SECONDS + " s");
            }
            Thread.sleep(20);
        }
    }

    private static boolean defaultFontLoads() {
        try {
            return Font.getDefault() != null;
        } catch (NullPointerException pipelineNotReady) {
            return false;
        }
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        var result = new CompletableFuture<T>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        return result.get(BOUND_SECONDS, TimeUnit.SECONDS);
    }
}
